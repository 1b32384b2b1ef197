#pragma once

#include <QByteArray>
#include <QList>
#include <QSqlDatabase>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;

namespace Counterpart::Storage {

/**
 * A prepared statement on the sqlite3 handle underneath a QtSql connection, for the few
 * statements that run once per message during ingest: QtSql's per-value QVariant binding and
 * result caching cost more there than SQLite's own work. It shares the connection, so it takes
 * part in the same transactions as every QSqlQuery.
 */
class SqliteStatement
{
public:
    SqliteStatement() = default;
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    /** The sqlite3 handle of a QSQLITE connection, or nullptr. */
    static sqlite3 *handleOf(const QSqlDatabase &db);

    bool prepare(sqlite3 *db, const QString &sql);
    void finalize();

    void bind(int column, qint64 value);
    /** Binds the UTF-8 of `value`, kept by the statement until the parameter is bound again. */
    void bind(int column, const QString &value);
    /** Binds text already encoded as UTF-8 (shared, not copied); a null array binds as ''. */
    void bindUtf8(int column, const QByteArray &utf8);
    void bindNull(int column);

    /** Steps once: true on a row or on completion; rowReady() says which. */
    bool step();
    bool rowReady() const { return m_row; }
    qint64 columnInt64(int column) const;
    bool columnIsNull(int column) const;
    QString columnText(int column) const;
    /** Rows changed by the last step of this connection (sqlite3_changes). */
    int changes() const;
    /** Resets for the next use and clears the bindings. */
    void reset();
    QString errorString() const;

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    QList<QByteArray> m_utf8; ///< the UTF-8 of each bound text parameter, by parameter index
    bool m_row = false;
};

} // namespace Counterpart::Storage
