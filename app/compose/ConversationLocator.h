#pragma once

#include <QString>

namespace Counterpart::Storage {
class CacheStore;
}

namespace Counterpart::Compose {

/**
 * Drafts and outbox items name a conversation by (source uid, remote id), because cache rowids
 * change when the cache is rebuilt. This turns that key back into today's local id and back.
 */
class ConversationLocator
{
public:
    struct Key
    {
        QString sourceUid;
        qint64 remoteId = 0;
        bool isValid() const { return !sourceUid.isEmpty() && remoteId != 0; }
    };

    /** The local conversation id, 0 when the cache does not (or no longer) hold it. */
    static qint64 localId(const Storage::CacheStore *cache, const QString &sourceUid, qint64 remoteId);
    static Key keyOf(const Storage::CacheStore *cache, qint64 conversationId);
};

} // namespace Counterpart::Compose
