#pragma once

#include "storage/IngestBatch.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <variant>

struct sqlite3;
struct sqlite3_stmt;

namespace Counterpart::Cli {

/**
 * The benchmark's yardstick: the rows our cache stores for a page (every column of contacts,
 * conversations with their labels, messages and contact notes, the message and contact search
 * text) written with the bare sqlite3 C API: prepared statements, one transaction per page, the
 * same pragmas and FTS5 definitions, but plain tables with no secondary index, no constraint, no
 * upsert and ids handed out in arrival order. Our ingest is judged as a fraction of this.
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

    /** A column value already encoded (text as UTF-8), so the timed write only calls SQLite. */
    using Value = std::variant<std::monostate, qint64, QByteArray>;
    using Row = QList<Value>;
    struct Conversation
    {
        Row row;
        QList<QByteArray> labels;
    };
    struct Page
    {
        QList<Row> contacts; ///< contacts_fts text is the last value; it is not a contacts column
        QList<Conversation> conversations;
        QList<Row> messages; ///< the indexed text (SearchText::forIndex) is the last value
        QList<Row> notes;
    };
    /** Encodes a batch (untimed): UTF-8, JSON attributes, folded search text, previews. */
    static Page prepare(const Storage::IngestBatch &batch);
    bool write(const Page &page);

private:
    bool exec(const char *sql);
    bool prepareStatement(const char *sql, sqlite3_stmt **statement);
    /** Binds values [0, count) of the row to parameters from firstParameter on, steps and resets. */
    bool insert(sqlite3_stmt *statement, const Row &row, qsizetype count, int firstParameter = 1);
    bool insertIndexed(sqlite3_stmt *statement, qint64 rowid, const Value &text);

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_contact = nullptr;
    sqlite3_stmt *m_contactFts = nullptr;
    sqlite3_stmt *m_conversation = nullptr;
    sqlite3_stmt *m_label = nullptr;
    sqlite3_stmt *m_message = nullptr;
    sqlite3_stmt *m_messageFts = nullptr;
    sqlite3_stmt *m_note = nullptr;
    qint64 m_nextMessageId = 1;
    QString m_error;
};

} // namespace Counterpart::Cli
