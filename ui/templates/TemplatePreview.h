#pragma once

#include "compose/TemplateContext.h"
#include "compose/TemplateEngine.h"

#include <QTextEdit>

namespace Counterpart::Ui {

/**
 * A template filled from the current conversation, read-only, with each filled-in value marked:
 * values from the conversation, fallbacks, the agent's answers, and what is still undefined
 * (which the pre-send check will stop on).
 */
class TemplatePreview : public QTextEdit
{
    Q_OBJECT
public:
    explicit TemplatePreview(QWidget *parent = nullptr);

    void setSource(const QString &templateText, const Compose::TemplateContext &context);
    void setAnswers(const QHash<QString, QString> &answers);
    Compose::RenderResult result() const { return m_result; }

private:
    void render();

    QString m_source;
    Compose::TemplateContext m_context;
    Compose::RenderResult m_result;
};

} // namespace Counterpart::Ui
