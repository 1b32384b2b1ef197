#pragma once

#include "compose/TemplateContext.h"

#include <QDialog>
#include <QHash>
#include <QList>

class QLineEdit;

namespace Counterpart::Ui {

class TemplatePreview;

/**
 * The small form shown before a template with "{{ask:...}}" fields is inserted: one line per
 * field and the live preview of the reply as the agent types.
 */
class PromptedFieldsDialog : public QDialog
{
    Q_OBJECT
public:
    PromptedFieldsDialog(const QString &templateName, const QString &templateText,
                         const Compose::TemplateContext &context, QWidget *parent = nullptr);

    QHash<QString, QString> answers() const;
    QLineEdit *field(const QString &label) const;
    TemplatePreview *preview() const { return m_preview; }

private:
    QStringList m_labels;
    QList<QLineEdit *> m_fields;
    TemplatePreview *m_preview;
};

} // namespace Counterpart::Ui
