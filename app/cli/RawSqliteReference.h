#pragma once

#include "storage/IngestBatch.h"

#include <QString>

struct sqlite3;
struct sqlite3_stmt;

namespace Counterpart::Cli {

/**
 * The benchmark's yardstick: the same rows written with the bare sqlite3 C API (prepared
 * statements, one transaction per page, the same pragmas and the same FTS5 table definition),
 * without Qt, id mapping or upserts. Our ingest is judged as a fraction of this.
 */
class RawSqliteReference
{
public:
    explicit RawSqliteReference(const QString &path);
    ~RawSqliteReference();
    RawSqliteReference(const RawSqliteReference &) = delete;
    RawSqliteReference &operator=(const RawSqliteReference &) = delete;

    bool isOpen() const { return m_db != nullptr; }
    QString errorString() const { return m_error; }

    /** A page already encoded as UTF-8, so the timed write does nothing but SQLite calls. */
    struct Page
    {
        struct Row
        {
            qint64 remoteId = 0, a = 0, b = 0, c = 0;
            QByteArray t1, t2, t3, t4, t5;
        };
        QList<Row> contacts, conversations, messages;
    };
    /** Encodes a batch (untimed); message t4 is the indexed text from SearchText::forIndex. */
    static Page prepare(const Storage::IngestBatch &batch);
    bool write(const Page &page);

private:
    bool exec(const char *sql);
    bool step(sqlite3_stmt *statement);

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_contact = nullptr;
    sqlite3_stmt *m_conversation = nullptr;
    sqlite3_stmt *m_message = nullptr;
    sqlite3_stmt *m_fts = nullptr;
    qint64 m_nextMessageId = 1;
    QString m_error;
};

} // namespace Counterpart::Cli
