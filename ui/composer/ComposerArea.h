#pragma once

#include "Services.h"

#include <QSplitter>

namespace Counterpart::Ui {

class ActionRegistry;
class ComposeAssistant;
class ComposerWidget;

/**
 * The composer with its assistant beside it: templates on "/", tone underlines and findings,
 * the LATTE checklist, all feeding the pre-send check. Registers "templates.insert" and
 * "templates.manage". The window only forwards the opened conversation.
 */
class ComposerArea : public QSplitter
{
    Q_OBJECT
public:
    ComposerArea(const Services &services, ActionRegistry *actions, QWidget *parent = nullptr);

    void showConversation(qint64 conversationId);
    ComposerWidget *composer() const { return m_composer; }
    ComposeAssistant *assistant() const { return m_assistant; }

private:
    void registerCommands(ActionRegistry *actions);

    Services m_services;
    ComposerWidget *m_composer;
    ComposeAssistant *m_assistant;
};

} // namespace Counterpart::Ui
