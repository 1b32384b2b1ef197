#include "TemplateInserter.h"

#include "PromptedFieldsDialog.h"

#include <QTextCursor>
#include <QTextDocument>
#include <QWidget>

namespace Counterpart::Ui {

TemplateInserter::TemplateInserter(EditorAccess editor, QObject *parent)
    : QObject(parent)
    , m_editor(editor)
{
    m_prompt = [this](const Compose::Template &templ, const QString &body,
                      const Compose::TemplateContext &context) {
        return askWithDialog(templ, body, context);
    };
}

void TemplateInserter::setContext(const Compose::TemplateContext &context,
                                  const QString &contactLanguage, Domain::ChannelKind channel)
{
    m_context = context;
    m_language = contactLanguage;
    m_channel = channel;
}

bool TemplateInserter::insert(const Compose::Template &templ, int replaceFrom, int replaceTo)
{
    const Compose::TemplateVariant *variant = templ.pick(m_language, m_channel);
    if (!variant || !m_editor.isValid())
        return false;

    Compose::TemplateContext context = m_context;
    context.answers.clear(); // answers belong to one insertion: "Item" means another item next time
    if (!Compose::TemplateEngine::promptedFields(variant->body).isEmpty()) {
        const std::optional<QHash<QString, QString>> answers = m_prompt(templ, variant->body, context);
        if (!answers)
            return false;
        context.answers = *answers;
    }
    const Compose::RenderResult result = Compose::TemplateEngine::render(variant->body, context);

    QTextCursor cursor = m_editor.textCursor();
    cursor.beginEditBlock();
    if (replaceFrom >= 0 && replaceTo >= replaceFrom) {
        cursor.setPosition(replaceFrom);
        cursor.setPosition(replaceTo, QTextCursor::KeepAnchor);
        cursor.removeSelectedText();
    }
    QString text = result.text;
    // Stacking a second template: it is a paragraph of its own, not a run-on sentence.
    const QTextDocument *document = m_editor.document();
    while (cursor.position() > 0 && document->characterAt(cursor.position() - 1) == QLatin1Char(' '))
        cursor.deletePreviousChar();
    const QChar before = cursor.position() > 0 ? document->characterAt(cursor.position() - 1) : QChar();
    if (!before.isNull() && before != QChar::ParagraphSeparator && before != QLatin1Char('\n'))
        text.prepend(QStringLiteral("\n\n"));
    cursor.insertText(text);
    cursor.endEditBlock();
    m_editor.setTextCursor(cursor);
    emit inserted(templ, result);
    if (!variant->subject.trimmed().isEmpty()) {
        // "About your order {{contact.custom.order_id|}}" must not end in a space when the
        // order is unknown.
        const QString subject = Compose::TemplateEngine::render(variant->subject, context).text.simplified();
        if (!subject.isEmpty())
            emit subjectRendered(subject);
    }
    return true;
}

std::optional<QHash<QString, QString>> TemplateInserter::askWithDialog(
    const Compose::Template &templ, const QString &body, const Compose::TemplateContext &context)
{
    PromptedFieldsDialog dialog(templ.name, body, context, m_editor.widget());
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.answers();
}

} // namespace Counterpart::Ui
