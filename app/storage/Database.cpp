#include "Database.h"

#include "SqlTransaction.h"

#include <QAtomicInteger>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace Counterpart::Storage {

namespace {
QAtomicInteger<quint64> g_connectionCounter;

bool looksLikeSqlite(const QString &path)
{
    QFile file(path);
    if (!file.exists() || file.size() == 0)
        return true; // a new or empty file becomes a database
    if (!file.open(QIODevice::ReadOnly))
        return false;
    return file.read(16) == QByteArray("SQLite format 3\0", 16);
}
} // namespace

bool execStatement(QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return true;
    if (error)
        *error = query.lastError().text() + QStringLiteral(" in: ") + sql.left(120);
    return false;
}

Database::Database()
    : m_connectionName(QStringLiteral("counterpart-%1").arg(++g_connectionCounter))
{
}

Database::~Database() { close(); }

void Database::close()
{
    if (!m_db.isValid())
        return;
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool Database::isOpen() const { return m_db.isValid() && m_db.isOpen(); }

int Database::latestVersion(const QList<Migration> &migrations)
{
    int latest = 0;
    for (const auto &migration : migrations)
        latest = std::max(latest, migration.version);
    return latest;
}

int Database::schemaVersion() const
{
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return -1;
    return query.value(0).toInt();
}

Database::OpenStatus Database::open(const QString &path, const QList<Migration> &migrations)
{
    close();
    m_path = path;
    m_error.clear();
    if (!looksLikeSqlite(path)) {
        m_error = QStringLiteral("%1 is not an SQLite database").arg(path);
        return OpenStatus::Corrupt;
    }
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!m_db.open()) {
        m_error = m_db.lastError().text();
        close();
        return OpenStatus::Unwritable;
    }
    // Reading the schema is what fails first on a damaged file ("file is not a database",
    // "malformed"), so do it before touching anything.
    QSqlQuery probe(m_db);
    if (!probe.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !probe.next()) {
        m_error = probe.lastError().text();
        close();
        return OpenStatus::Corrupt;
    }
    // A stepped statement holds a read transaction, and journal_mode=WAL refuses to run inside one.
    probe.finish();
    // Refuse a newer file before the pragmas: switching it to WAL would already rewrite its header.
    const int current = schemaVersion();
    if (current > latestVersion(migrations)) {
        m_error = QStringLiteral("%1 has schema version %2, this Counterpart understands up to %3")
                      .arg(m_path)
                      .arg(current)
                      .arg(latestVersion(migrations));
        close();
        return OpenStatus::TooNew;
    }
    if (!applyPragmas()) {
        close();
        return OpenStatus::Unwritable;
    }
    const auto status = migrate(migrations);
    if (status != OpenStatus::Ok)
        close();
    return status;
}

bool Database::applyPragmas()
{
    const QStringList pragmas = {
        QStringLiteral("PRAGMA journal_mode=WAL"),
        QStringLiteral("PRAGMA synchronous=NORMAL"),
        QStringLiteral("PRAGMA foreign_keys=ON"),
        QStringLiteral("PRAGMA temp_store=MEMORY"),
        QStringLiteral("PRAGMA cache_size=-32768"),
    };
    for (const auto &pragma : pragmas) {
        if (!execStatement(m_db, pragma, &m_error))
            return false;
    }
    return true;
}

Database::OpenStatus Database::migrate(const QList<Migration> &migrations)
{
    const int current = schemaVersion();
    if (current < 0) {
        m_error = m_db.lastError().text();
        return OpenStatus::Corrupt;
    }
    const int latest = latestVersion(migrations);
    if (current > latest) {
        m_error = QStringLiteral("%1 has schema version %2, this Counterpart understands up to %3")
                      .arg(m_path)
                      .arg(current)
                      .arg(latest);
        return OpenStatus::TooNew;
    }
    for (const auto &migration : migrations) {
        if (migration.version <= current)
            continue;
        SqlTransaction transaction(m_db);
        for (const auto &statement : migration.statements) {
            if (!execStatement(m_db, statement, &m_error))
                return OpenStatus::MigrationFailed;
        }
        if (migration.afterStatements && !migration.afterStatements(m_db, &m_error))
            return OpenStatus::MigrationFailed;
        if (!execStatement(m_db, QStringLiteral("PRAGMA user_version=%1").arg(migration.version),
                           &m_error)
            || !transaction.commit()) {
            if (m_error.isEmpty())
                m_error = m_db.lastError().text();
            return OpenStatus::MigrationFailed;
        }
    }
    return OpenStatus::Ok;
}

} // namespace Counterpart::Storage
