#include "WorkspaceStore.h"

#include "WorkspaceSchema.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Counterpart::Storage {

namespace {
// QtSql binds a null QString as SQL NULL; a reply without subject, cc or bcc (every chat reply)
// must still save into the NOT NULL columns.
QString notNull(const QString &text) { return text.isNull() ? QStringLiteral("") : text; }
} // namespace

WorkspaceStore::WorkspaceStore(QObject *parent)
    : QObject(parent)
{
}

WorkspaceStore::~WorkspaceStore() { close(); }

void WorkspaceStore::close() { m_db.close(); }

WorkspaceStore::OpenReport WorkspaceStore::open(const QString &path)
{
    OpenReport report;
    switch (m_db.open(path, workspaceMigrations())) {
    case Database::OpenStatus::Ok:
        report.ok = true;
        break;
    case Database::OpenStatus::Corrupt:
        report.message = tr("Your workspace file %1 is damaged and cannot be read (%2). It has not "
                            "been changed: it holds your drafts, outbox, templates and reviews. "
                            "Restore it from a backup, or move it away to start a new workspace.")
                             .arg(path, m_db.errorString());
        break;
    case Database::OpenStatus::TooNew:
        report.message = tr("Your workspace file %1 was written by a newer version of Counterpart "
                            "(%2). Update Counterpart to open it; the file has not been changed.")
                             .arg(path, m_db.errorString());
        break;
    case Database::OpenStatus::Unwritable:
    case Database::OpenStatus::MigrationFailed:
        report.message = tr("Your workspace file %1 cannot be opened: %2. It has not been changed.")
                             .arg(path, m_db.errorString());
        break;
    }
    return report;
}

bool WorkspaceStore::saveDraft(const Draft &draft)
{
    if (draft.body.trimmed().isEmpty() && draft.subject.isEmpty() && draft.cc.isEmpty()
        && draft.bcc.isEmpty())
        return deleteDraft(draft.sourceUid, draft.conversationRemoteId, draft.mode);
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral(
        "INSERT INTO drafts(source_uid, conversation_remote_id, mode, body, subject, cc, bcc,"
        " updated_at) VALUES(?,?,?,?,?,?,?,?) ON CONFLICT(source_uid, conversation_remote_id,"
        " mode) DO UPDATE SET body=excluded.body, subject=excluded.subject, cc=excluded.cc,"
        " bcc=excluded.bcc, updated_at=excluded.updated_at"));
    query.addBindValue(notNull(draft.sourceUid));
    query.addBindValue(draft.conversationRemoteId);
    query.addBindValue(notNull(draft.mode));
    query.addBindValue(notNull(draft.body));
    query.addBindValue(notNull(draft.subject));
    query.addBindValue(notNull(draft.cc));
    query.addBindValue(notNull(draft.bcc));
    query.addBindValue((draft.updatedAt.isValid() ? draft.updatedAt
                                                  : QDateTime::currentDateTimeUtc())
                           .toSecsSinceEpoch());
    if (!query.exec())
        return false;
    emit draftsChanged();
    return true;
}

static Draft readDraft(const QSqlQuery &query)
{
    Draft draft;
    draft.sourceUid = query.value(0).toString();
    draft.conversationRemoteId = query.value(1).toLongLong();
    draft.mode = query.value(2).toString();
    draft.body = query.value(3).toString();
    draft.subject = query.value(4).toString();
    draft.cc = query.value(5).toString();
    draft.bcc = query.value(6).toString();
    draft.updatedAt = QDateTime::fromSecsSinceEpoch(query.value(7).toLongLong(), Qt::UTC);
    return draft;
}

std::optional<Draft> WorkspaceStore::draft(const QString &sourceUid, qint64 conversationRemoteId,
                                           const QString &mode) const
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral(
        "SELECT source_uid, conversation_remote_id, mode, body, subject, cc, bcc, updated_at"
        " FROM drafts WHERE source_uid=? AND conversation_remote_id=? AND mode=?"));
    query.addBindValue(sourceUid);
    query.addBindValue(conversationRemoteId);
    query.addBindValue(mode);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return readDraft(query);
}

QList<Draft> WorkspaceStore::drafts() const
{
    QList<Draft> result;
    QSqlQuery query(m_db.connection());
    query.exec(QStringLiteral(
        "SELECT source_uid, conversation_remote_id, mode, body, subject, cc, bcc, updated_at"
        " FROM drafts ORDER BY updated_at DESC"));
    while (query.next())
        result.append(readDraft(query));
    return result;
}

bool WorkspaceStore::deleteDraft(const QString &sourceUid, qint64 conversationRemoteId,
                                 const QString &mode)
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral(
        "DELETE FROM drafts WHERE source_uid=? AND conversation_remote_id=? AND mode=?"));
    query.addBindValue(sourceUid);
    query.addBindValue(conversationRemoteId);
    query.addBindValue(mode);
    if (!query.exec())
        return false;
    if (query.numRowsAffected() > 0)
        emit draftsChanged();
    return true;
}

QString WorkspaceStore::setting(const QString &key, const QString &fallback) const
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("SELECT value FROM settings WHERE key=?"));
    query.addBindValue(key);
    if (!query.exec() || !query.next())
        return fallback;
    return query.value(0).toString();
}

bool WorkspaceStore::setSetting(const QString &key, const QString &value)
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("INSERT INTO settings(key, value) VALUES(?,?)"
                                 " ON CONFLICT(key) DO UPDATE SET value=excluded.value"));
    query.addBindValue(key);
    // A null QString would bind as SQL NULL and be refused; "no value" is stored as ''.
    query.addBindValue(value.isNull() ? QStringLiteral("") : value);
    return query.exec();
}

} // namespace Counterpart::Storage
