#include "RemoteIdMap.h"

#include <QSqlQuery>
#include <QVariant>

namespace Counterpart::Storage {

namespace {
const char *tableName(RemoteTable table)
{
    static const char *names[] = {"inboxes", "agents", "teams", "contacts", "conversations"};
    return names[int(table)];
}
} // namespace

void RemoteIdMap::clear()
{
    for (auto &ids : m_ids)
        ids.clear();
    m_learnt.clear();
    m_db = QSqlDatabase();
}

qint64 RemoteIdMap::find(RemoteTable table, qint64 sourceId, qint64 remoteId)
{
    if (remoteId == 0)
        return 0;
    const auto &ids = m_ids[int(table)];
    const auto found = ids.constFind(key(sourceId, remoteId));
    if (found != ids.constEnd())
        return found.value();
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT id FROM %1 WHERE source_id=? AND remote_id=?").arg(QLatin1String(tableName(table))));
    query.addBindValue(sourceId);
    query.addBindValue(remoteId);
    if (!query.exec() || !query.next())
        return 0;
    const qint64 id = query.value(0).toLongLong();
    remember(table, sourceId, remoteId, id);
    return id;
}

bool RemoteIdMap::isRemembered(RemoteTable table, qint64 sourceId, qint64 remoteId) const
{
    return m_ids[int(table)].contains(key(sourceId, remoteId));
}

void RemoteIdMap::remember(RemoteTable table, qint64 sourceId, qint64 remoteId, qint64 localId)
{
    auto &ids = m_ids[int(table)];
    const qint64 k = key(sourceId, remoteId);
    // An id known before the transaction belongs to a row the rollback does not touch.
    if (m_journaling && !ids.contains(k))
        m_learnt.append({table, k});
    ids.insert(k, localId);
}

void RemoteIdMap::forget(RemoteTable table, qint64 sourceId, qint64 remoteId)
{
    m_ids[int(table)].remove(key(sourceId, remoteId));
}

void RemoteIdMap::beginTransaction()
{
    m_journaling = true;
    m_learnt.clear();
}

void RemoteIdMap::commit()
{
    m_journaling = false;
    m_learnt.clear();
}

void RemoteIdMap::rollback()
{
    for (const auto &[table, k] : std::as_const(m_learnt))
        m_ids[int(table)].remove(k);
    commit();
}

} // namespace Counterpart::Storage
