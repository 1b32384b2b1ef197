#include "SnoozeWaker.h"

#include "storage/CacheStore.h"

#include <QSqlQuery>

namespace Counterpart::Sync {

SnoozeWaker::SnoozeWaker(Storage::CacheStore *cache, SyncClock clock, QObject *parent)
    : QObject(parent)
    , m_cache(cache)
    , m_clock(std::move(clock))
{
    m_seenMessageId = newestMessageId();
    m_timer.setInterval(30'000);
    connect(&m_timer, &QTimer::timeout, this, &SnoozeWaker::wakeDue);
    connect(m_cache, &Storage::CacheStore::contentChanged, this, &SnoozeWaker::wakeDue);
    m_timer.start();
}

qint64 SnoozeWaker::newestMessageId() const
{
    QSqlQuery query(m_cache->connection());
    query.exec(QStringLiteral("SELECT coalesce(max(id), 0) FROM messages"));
    return query.next() ? query.value(0).toLongLong() : 0;
}

int SnoozeWaker::wakeDue()
{
    // Reopening changes the cache, which calls us again: that nested call has nothing to do.
    if (m_waking || !m_cache->connection().isOpen())
        return 0;
    m_waking = true;
    const qint64 nowSecs = m_clock() / 1000;
    // Message ids grow with creation time, so ids above the last one seen are messages that
    // arrived since: an incoming one wakes its snoozed conversation.
    QSqlQuery query(m_cache->connection());
    query.prepare(QStringLiteral(
        "SELECT c.id FROM conversations c WHERE c.status='snoozed' AND ((c.snoozed_until IS NOT NULL"
        " AND c.snoozed_until <= ?) OR EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id=c.id"
        " AND m.id > ? AND m.kind='incoming'))"));
    query.addBindValue(nowSecs);
    query.addBindValue(m_seenMessageId);
    QList<qint64> ids;
    if (query.exec()) {
        while (query.next())
            ids.append(query.value(0).toLongLong());
    }
    m_seenMessageId = std::max(m_seenMessageId, newestMessageId());
    QList<Storage::CacheStore::LocalChange> changes;
    for (const qint64 id : std::as_const(ids))
        changes.append({id,
                        {{QStringLiteral("status"), QStringLiteral("open")},
                         {QStringLiteral("snoozed_until"), QVariant(QMetaType(QMetaType::LongLong))}},
                        std::nullopt});
    const bool reopened = !changes.isEmpty() && m_cache->applyLocalChanges(changes);
    m_waking = false;
    if (reopened)
        emit woke(ids);
    return reopened ? int(ids.size()) : 0;
}

} // namespace Counterpart::Sync
