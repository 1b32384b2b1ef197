#pragma once

#include "Migration.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace Counterpart::Storage {

/**
 * One SQLite file opened through QtSql with the house settings (WAL, foreign keys, busy timeout)
 * and its migrations applied. Each instance owns a uniquely named connection, so several
 * databases and threads never share one by accident.
 */
class Database
{
public:
    enum class OpenStatus {
        Ok,
        Corrupt,    ///< not a database, or its schema cannot be read
        TooNew,     ///< written by a newer Counterpart (user_version above ours)
        Unwritable, ///< the file or folder cannot be opened for writing
        MigrationFailed,
    };

    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    OpenStatus open(const QString &path, const QList<Migration> &migrations);
    void close();

    bool isOpen() const;
    QSqlDatabase connection() const { return m_db; }
    QString path() const { return m_path; }
    QString errorString() const { return m_error; }
    int schemaVersion() const;

    static int latestVersion(const QList<Migration> &migrations);

private:
    bool applyPragmas();
    OpenStatus migrate(const QList<Migration> &migrations);

    QSqlDatabase m_db;
    QString m_connectionName;
    QString m_path;
    QString m_error;
};

/** Runs one statement and reports its error text; for DDL and pragmas. */
bool execStatement(QSqlDatabase &db, const QString &sql, QString *error = nullptr);

} // namespace Counterpart::Storage
