#pragma once

#include "IngestBatch.h"
#include "RemoteIdMap.h"
#include "SqliteStatement.h"

#include <QSet>
#include <QSqlQuery>

#include <functional>
#include <memory>

namespace Counterpart::Storage {

/**
 * Writes one IngestBatch into cache.sqlite inside the caller's transaction: upserts by remote id,
 * message keys, previews, the metrics' dirty list, contact notes and, last, the search index.
 * Every per-row statement runs straight on the sqlite3 handle (SqliteStatement); none of them
 * needs a statement journal, which in SQLite 3.40 would also flush FTS5's pending terms.
 */
class IngestWriter
{
public:
    struct Touched
    {
        QSet<qint64> conversations; ///< written, or given new messages
        QSet<qint64> noteContacts;  ///< whose notes were written or removed
    };

    explicit IngestWriter(RemoteIdMap &ids);
    ~IngestWriter();
    IngestWriter(const IngestWriter &) = delete;
    IngestWriter &operator=(const IngestWriter &) = delete;

    bool prepare(const QSqlDatabase &db, QString *error);
    /** Writes the batch; on false the caller rolls the transaction back. */
    bool write(qint64 sourceId, const IngestBatch &batch, Touched *touched, QString *error);

private:
    struct Statements;
    /** A row to put in a search index once every table is written (see writeSearchIndex). */
    struct IndexEntry
    {
        qint64 id = 0;
        bool replaces = false;  ///< the row existed: its old indexed text must go first
        qsizetype position = -1; ///< messages: index into the folded texts; contacts: into m_contactText
    };

    bool writeDirectory(qint64 sourceId, const IngestBatch &batch, QString *error);
    bool writeContacts(qint64 sourceId, const IngestBatch &batch, QString *error);
    bool writeConversations(qint64 sourceId, const IngestBatch &batch, Touched *touched, QString *error);
    bool writeMessages(qint64 sourceId, const IngestBatch &batch, Touched *touched, QString *error);
    bool writeContactNotes(qint64 sourceId, const IngestBatch &batch, Touched *touched, QString *error);
    bool writeSearchIndex(const QList<QString> &foldedMessages, QString *error);
    /** Writes a row by remote id with an update and an insert that share their bindings; the
     *  one likely to succeed runs first. Returns the local id, 0 on failure; `inserted` says
     *  whether the row is new. */
    qint64 upsert(SqliteStatement &update, SqliteStatement &insert, bool likelyExists,
                  const std::function<void(SqliteStatement &)> &bindAll, bool *inserted, QString *error);

    RemoteIdMap &m_ids;
    std::unique_ptr<Statements> m_statements;
    quint32 m_messageSequence = 0;
    QList<IndexEntry> m_contactIndex;
    QList<QString> m_contactText; ///< folded search text of the contacts in m_contactIndex
    QList<IndexEntry> m_messageIndex;
};

} // namespace Counterpart::Storage
