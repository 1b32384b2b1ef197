#include "SqliteStatement.h"

#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

namespace Counterpart::Storage {

SqliteStatement::~SqliteStatement() { finalize(); }

sqlite3 *SqliteStatement::handleOf(const QSqlDatabase &db)
{
    if (!db.isOpen() || !db.driver())
        return nullptr;
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

bool SqliteStatement::prepare(sqlite3 *db, const QString &sql)
{
    finalize();
    m_db = db;
    if (!db)
        return false;
    const bool ok = sqlite3_prepare16_v3(db, sql.utf16(), int(sql.size() * sizeof(char16_t)),
                                         SQLITE_PREPARE_PERSISTENT, &m_statement, nullptr)
        == SQLITE_OK;
    m_utf8.resize(ok ? sqlite3_bind_parameter_count(m_statement) : 0);
    return ok;
}

void SqliteStatement::finalize()
{
    sqlite3_finalize(m_statement);
    m_statement = nullptr;
}

void SqliteStatement::bind(int column, qint64 value) { sqlite3_bind_int64(m_statement, column + 1, value); }

void SqliteStatement::bind(int column, const QString &value)
{
    // Encoded here, where Qt's converter is vectorised for ASCII, rather than by SQLite's
    // character-by-character UTF-16 translation (and its allocation) inside every step. The bytes
    // stay alive in m_utf8 until this parameter is bound again. A null QString binds as ''
    // (the columns are NOT NULL): toUtf8() of it is an empty, non-null array.
    bindUtf8(column, value.toUtf8());
}

void SqliteStatement::bindUtf8(int column, const QByteArray &utf8)
{
    if (column < 0 || column >= m_utf8.size())
        return;
    QByteArray &kept = m_utf8[column];
    kept = utf8;
    sqlite3_bind_text(m_statement, column + 1, kept.isNull() ? "" : kept.constData(), int(kept.size()), SQLITE_STATIC);
}

void SqliteStatement::bindNull(int column) { sqlite3_bind_null(m_statement, column + 1); }

bool SqliteStatement::step()
{
    const int rc = sqlite3_step(m_statement);
    m_row = rc == SQLITE_ROW;
    return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

qint64 SqliteStatement::columnInt64(int column) const { return sqlite3_column_int64(m_statement, column); }

bool SqliteStatement::columnIsNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

QString SqliteStatement::columnText(int column) const
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    return text ? QString::fromUtf8(text, sqlite3_column_bytes(m_statement, column)) : QString();
}

int SqliteStatement::changes() const { return m_db ? sqlite3_changes(m_db) : 0; }

void SqliteStatement::reset()
{
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    m_row = false;
}

QString SqliteStatement::errorString() const
{
    return m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QStringLiteral("no database");
}

} // namespace Counterpart::Storage
