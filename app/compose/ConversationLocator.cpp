#include "ConversationLocator.h"

#include "storage/CacheStore.h"

#include <QSqlQuery>

namespace Counterpart::Compose {

qint64 ConversationLocator::localId(const Storage::CacheStore *cache, const QString &sourceUid,
                                    qint64 remoteId)
{
    if (!cache)
        return 0;
    QSqlQuery query(cache->connection());
    query.prepare(QStringLiteral("SELECT c.id FROM conversations c JOIN sources s ON s.id = c.source_id"
                                 " WHERE s.uid = ? AND c.remote_id = ?"));
    query.addBindValue(sourceUid);
    query.addBindValue(remoteId);
    return query.exec() && query.next() ? query.value(0).toLongLong() : 0;
}

ConversationLocator::Key ConversationLocator::keyOf(const Storage::CacheStore *cache,
                                                    qint64 conversationId)
{
    if (!cache || conversationId == 0)
        return {};
    QSqlQuery query(cache->connection());
    query.prepare(QStringLiteral("SELECT s.uid, c.remote_id FROM conversations c JOIN sources s"
                                 " ON s.id = c.source_id WHERE c.id = ?"));
    query.addBindValue(conversationId);
    if (!query.exec() || !query.next())
        return {};
    return {query.value(0).toString(), query.value(1).toLongLong()};
}

} // namespace Counterpart::Compose
