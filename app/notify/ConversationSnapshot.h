#pragma once

#include <QDateTime>
#include <QString>

namespace Counterpart::Notify {

/**
 * What the notification rules need to know about one conversation at one moment: who has it,
 * the customer's newest message, and the newest word an agent wrote. Local cache ids throughout.
 */
struct ConversationSnapshot
{
    qint64 conversationId = 0;
    qint64 assigneeId = 0; ///< local agent id, 0 = nobody
    QString contactName;
    QString subject;
    QDateTime lastActivityAt;
    qint64 newestIncomingId = 0; ///< local message id (time-ordered), 0 = none
    QDateTime newestIncomingAt;
    QString newestIncomingText;
    qint64 newestAgentSenderId = 0; ///< author of the newest reply or note, 0 = none
    QDateTime newestAgentMessageAt;
};

} // namespace Counterpart::Notify
