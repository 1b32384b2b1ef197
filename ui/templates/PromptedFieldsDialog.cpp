#include "PromptedFieldsDialog.h"

#include "TemplatePreview.h"
#include "compose/TemplateEngine.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Counterpart::Ui {

PromptedFieldsDialog::PromptedFieldsDialog(const QString &templateName, const QString &templateText,
                                           const Compose::TemplateContext &context, QWidget *parent)
    : QDialog(parent)
    , m_labels(Compose::TemplateEngine::promptedFields(templateText))
    , m_preview(new TemplatePreview(this))
{
    setObjectName(QStringLiteral("promptedFieldsDialog"));
    setWindowTitle(tr("Insert “%1”").arg(templateName));
    setAccessibleName(windowTitle());

    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    for (int i = 0; i < m_labels.size(); ++i) {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(QStringLiteral("promptField_%1").arg(i));
        edit->setAccessibleName(m_labels.at(i));
        form->addRow(m_labels.at(i), edit);
        m_fields.append(edit);
        connect(edit, &QLineEdit::textChanged, this, [this] { m_preview->setAnswers(answers()); });
    }
    layout->addLayout(form);
    auto *previewLabel = new QLabel(tr("Preview"), this);
    layout->addWidget(previewLabel);
    m_preview->setMinimumSize(420, 180);
    layout->addWidget(m_preview, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Insert"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("promptInsert"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    m_preview->setSource(templateText, context);
    if (!m_fields.isEmpty())
        m_fields.first()->setFocus();
}

QHash<QString, QString> PromptedFieldsDialog::answers() const
{
    QHash<QString, QString> result;
    for (int i = 0; i < m_labels.size(); ++i) {
        const QString value = m_fields.at(i)->text().trimmed();
        if (!value.isEmpty()) // an empty answer stays a placeholder the pre-send check catches
            result.insert(m_labels.at(i), value);
    }
    return result;
}

QLineEdit *PromptedFieldsDialog::field(const QString &label) const
{
    const qsizetype index = m_labels.indexOf(label);
    return index < 0 ? nullptr : m_fields.at(index);
}

} // namespace Counterpart::Ui
