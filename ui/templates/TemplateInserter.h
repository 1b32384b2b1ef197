#pragma once

#include "composer/EditorAccess.h"
#include "compose/Template.h"
#include "compose/TemplateContext.h"
#include "compose/TemplateEngine.h"

#include <QHash>
#include <QObject>

#include <functional>
#include <optional>

namespace Counterpart::Ui {

/**
 * Puts a template into the draft at the cursor: picks the variant for the contact's language and
 * the channel, asks for its prompted fields, fills it from the conversation and inserts it as one
 * undo step. Several templates can be stacked; each starts its own paragraph.
 */
class TemplateInserter : public QObject
{
    Q_OBJECT
public:
    /** Returns the answers by label, or nullopt when the agent cancelled. */
    using PromptHandler = std::function<std::optional<QHash<QString, QString>>(
        const Compose::Template &, const QString &body, const Compose::TemplateContext &)>;

    explicit TemplateInserter(EditorAccess editor, QObject *parent = nullptr);

    void setContext(const Compose::TemplateContext &context, const QString &contactLanguage,
                    Domain::ChannelKind channel);
    /** Replaces the PromptedFieldsDialog (tests, or a composer with its own inline form). */
    void setPromptHandler(PromptHandler handler) { m_prompt = std::move(handler); }

    /** Inserts at the cursor, first removing [replaceFrom, replaceTo) (the typed "/query").
     *  Returns false when the template has no text or the agent cancelled its form. */
    bool insert(const Compose::Template &templ, int replaceFrom = -1, int replaceTo = -1);

    const Compose::TemplateContext &context() const { return m_context; }
    QString contactLanguage() const { return m_language; }
    Domain::ChannelKind channel() const { return m_channel; }

signals:
    void inserted(const Counterpart::Compose::Template &templ,
                  const Counterpart::Compose::RenderResult &result);
    /** The inserted variant has an e-mail subject, filled like its body (same answers). Only
     *  the composer knows whether this reply has a subject field. */
    void subjectRendered(const QString &subject);

private:
    std::optional<QHash<QString, QString>> askWithDialog(const Compose::Template &templ,
                                                         const QString &body,
                                                         const Compose::TemplateContext &context);

    EditorAccess m_editor;
    Compose::TemplateContext m_context;
    QString m_language = QStringLiteral("en");
    Domain::ChannelKind m_channel = Domain::ChannelKind::Email;
    PromptHandler m_prompt;
};

} // namespace Counterpart::Ui
