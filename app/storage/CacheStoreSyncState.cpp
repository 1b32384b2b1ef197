// CacheStore's sync_state accessors, in their own file so the cursor code stays out of the way
// of the ingest path that others change often.
#include "CacheStore.h"

#include <QSqlQuery>

namespace Counterpart::Storage {

QString CacheStore::syncState(qint64 sourceId, const QString &key) const
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("SELECT value FROM sync_state WHERE source_id=? AND key=?"));
    query.addBindValue(sourceId);
    query.addBindValue(key);
    if (!query.exec() || !query.next())
        return QString();
    return query.value(0).toString();
}

bool CacheStore::setSyncState(qint64 sourceId, const QString &key, const QString &value)
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("INSERT INTO sync_state(source_id, key, value) VALUES(?, ?, ?)"
                                 " ON CONFLICT(source_id, key) DO UPDATE SET value=excluded.value"));
    query.addBindValue(sourceId);
    query.addBindValue(key);
    query.addBindValue(value);
    return query.exec();
}

} // namespace Counterpart::Storage
