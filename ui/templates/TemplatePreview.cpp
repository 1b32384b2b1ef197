#include "TemplatePreview.h"

#include <QTextCursor>

namespace Counterpart::Ui {

using Compose::RenderedSpan;

TemplatePreview::TemplatePreview(QWidget *parent)
    : QTextEdit(parent)
{
    setObjectName(QStringLiteral("templatePreview"));
    setAccessibleName(tr("Template preview"));
    setReadOnly(true);
    setAcceptRichText(false);
}

void TemplatePreview::setSource(const QString &templateText, const Compose::TemplateContext &context)
{
    m_source = templateText;
    m_context = context;
    render();
}

void TemplatePreview::setAnswers(const QHash<QString, QString> &answers)
{
    m_context.answers = answers;
    render();
}

void TemplatePreview::render()
{
    m_result = Compose::TemplateEngine::render(m_source, m_context);
    setPlainText(m_result.text);
    QTextCursor cursor(document());
    for (const RenderedSpan &span : std::as_const(m_result.spans)) {
        QTextCharFormat format;
        switch (span.fill) {
        case RenderedSpan::Fill::Value:
            format.setBackground(QColor(0xdc, 0xfc, 0xe7));
            format.setToolTip(tr("From the conversation: %1").arg(span.name));
            break;
        case RenderedSpan::Fill::Fallback:
            format.setBackground(QColor(0xfe, 0xf3, 0xc7));
            format.setToolTip(tr("Fallback: %1 is not known for this conversation").arg(span.name));
            break;
        case RenderedSpan::Fill::Answer:
            format.setBackground(QColor(0xdb, 0xea, 0xfe));
            format.setToolTip(tr("Your answer: %1").arg(span.name));
            break;
        case RenderedSpan::Fill::Undefined:
            format.setBackground(QColor(0xfe, 0xe2, 0xe2));
            format.setForeground(QColor(0x99, 0x1b, 0x1b));
            format.setToolTip(tr("Undefined: fill this in before sending"));
            break;
        }
        format.setForeground(format.hasProperty(QTextFormat::ForegroundBrush) ? format.foreground()
                                                                             : QBrush(QColor(0x11, 0x18, 0x27)));
        cursor.setPosition(int(span.start));
        cursor.setPosition(int(span.start + span.length), QTextCursor::KeepAnchor);
        cursor.mergeCharFormat(format);
    }
}

} // namespace Counterpart::Ui
