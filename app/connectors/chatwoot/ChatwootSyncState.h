#pragma once

#include "ChatwootTypes.h"

#include <QDateTime>
#include <QHash>

namespace Counterpart::Connectors::Chatwoot {

/** What the connector remembers between jobs: the delta cursor and message high-water marks. */
struct ChatwootSyncState
{
    ChatwootProfile profile;
    QDateTime lastSyncServerTime; ///< server clock (Date header) when the last sync began
    qint64 serverSkewMs = 0;      ///< server Date minus the local clock, from the last answer
    QHash<qint64, qint64> maxMessageId; ///< conversation display_id -> highest message id seen
    QHash<QString, qint64> echoes;      ///< echo_id -> message id, from POST answers and WS events
    /** "<source>#<echo_id>" -> highest message id known before the first attempt of that reply. */
    QHash<QString, qint64> firstAttemptWatermark;
    int recentConversationsWithMessages = 50;

    void noteMessage(qint64 conversationId, qint64 messageId)
    {
        if (messageId > maxMessageId.value(conversationId))
            maxMessageId.insert(conversationId, messageId);
    }
};

} // namespace Counterpart::Connectors::Chatwoot
