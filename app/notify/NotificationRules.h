#pragma once

#include "ConversationSnapshot.h"
#include "Notification.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

namespace Counterpart::Notify {

/**
 * Decides which notifications a change of the cache deserves, from the changed conversations
 * as they were before and are after. Pure: no cache, no clock, no widgets.
 *
 * - Assigned to me: the conversation is the agent's now and was not before, unless the agent did
 *   it (assigned it here, or the helpdesk assigned it because the agent just replied).
 * - Customer replied: a conversation that is the agent's has a newer customer message.
 * - Never for the conversation the agent has open and is looking at, never for old news (a
 *   first sync brings months of history), and more than `maxSeparate` at once become one summary.
 */
class NotificationRules
{
    Q_DECLARE_TR_FUNCTIONS(NotificationRules)
public:
    struct Context
    {
        QSet<qint64> me;                 ///< local agent ids of the signed-in agents
        qint64 focusedConversationId = 0; ///< open and focused; 0 = the window is not in front
        QSet<qint64> assignedByMe;       ///< conversations the agent assigned here, recently
        QDateTime now;
        qint64 maxAgeSecs = 15 * 60;     ///< older events are history, not news
        int maxSeparate = 3;
    };

    /** `before` holds what was known of the changed conversations (missing: not known). */
    static QList<Notification> decide(const QHash<qint64, ConversationSnapshot> &before,
                                      const QList<ConversationSnapshot> &after,
                                      const Context &context);

private:
    static Notification assigned(const ConversationSnapshot &conversation);
    static Notification replied(const ConversationSnapshot &conversation);
    static Notification summary(const QList<Notification> &notifications);
};

} // namespace Counterpart::Notify
