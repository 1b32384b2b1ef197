#pragma once

#include <QHash>
#include <QList>
#include <QSqlDatabase>

#include <utility>

namespace Counterpart::Storage {

/** The cache tables whose rows a connector names by the server's id. */
enum class RemoteTable { Inboxes, Agents, Teams, Contacts, Conversations, Count };

/**
 * Remote id -> local row id, per table and source, remembered in memory because every message of
 * a page looks up its conversation and sender. A miss asks the database once. Ids learnt inside
 * an ingest transaction are journaled so a rollback forgets them: an id of a row that vanished
 * with the rollback must never be handed out.
 */
class RemoteIdMap
{
public:
    void setConnection(const QSqlDatabase &db) { m_db = db; }
    /** Forgets every id and the connection. */
    void clear();

    /** The local id, from memory or else the database; 0 for remote id 0 or an unknown row. */
    qint64 find(RemoteTable table, qint64 sourceId, qint64 remoteId);
    /** Whether the row is known in memory (no database lookup): likely to exist. */
    bool isRemembered(RemoteTable table, qint64 sourceId, qint64 remoteId) const;
    void remember(RemoteTable table, qint64 sourceId, qint64 remoteId, qint64 localId);
    void forget(RemoteTable table, qint64 sourceId, qint64 remoteId);

    /** From here on, newly learnt ids are journaled until commit() or rollback(). */
    void beginTransaction();
    void commit();
    /** Forgets every id learnt since beginTransaction(). */
    void rollback();

private:
    static qint64 key(qint64 sourceId, qint64 remoteId) { return (sourceId << 44) ^ remoteId; }

    QSqlDatabase m_db;
    QHash<qint64, qint64> m_ids[int(RemoteTable::Count)];
    bool m_journaling = false;
    QList<std::pair<RemoteTable, qint64>> m_learnt; ///< (table, key) remembered in the transaction
};

} // namespace Counterpart::Storage
