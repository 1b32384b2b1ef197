#include "OutboxStore.h"

#include "storage/SqlTransaction.h"
#include "storage/WorkspaceStore.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace Counterpart::Sync {

namespace {

const char kColumns[] = "id, source_uid, conversation_remote_id, kind, payload, state, attempts,"
                        " last_error, echo_id, check_first, after_remote_message_id,"
                        " server_message_id, next_attempt_at, created_at";

// The "head" of a conversation: its oldest operation not yet sent. Only a head may go out.
const char kIsHead[] = "id = (SELECT min(h.id) FROM outbox h WHERE h.source_uid = outbox.source_uid"
                       " AND h.conversation_remote_id = outbox.conversation_remote_id"
                       " AND h.state != 'sent')";

QString notNull(const QString &text) { return text.isNull() ? QStringLiteral("") : text; }

OutboxOperation readOperation(const QSqlQuery &query)
{
    OutboxOperation op;
    op.id = query.value(0).toLongLong();
    op.sourceUid = query.value(1).toString();
    op.conversationRemoteId = query.value(2).toLongLong();
    op.kind = OutboxOperation::kindFromKey(query.value(3).toString());
    op.payload = QJsonDocument::fromJson(query.value(4).toString().toUtf8()).object();
    op.state = OutboxOperation::stateFromKey(query.value(5).toString());
    op.attempts = query.value(6).toInt();
    op.lastError = query.value(7).toString();
    op.echoId = query.value(8).toString();
    op.checkFirst = query.value(9).toInt() != 0;
    op.afterRemoteMessageId = query.value(10).toLongLong();
    op.serverMessageId = query.value(11).toLongLong();
    op.nextAttemptAtMs = query.value(12).toLongLong();
    op.createdAtMs = query.value(13).toLongLong();
    return op;
}

} // namespace

OutboxStore::OutboxStore(Storage::WorkspaceStore *workspace, SyncClock clock, QObject *parent)
    : QObject(parent), m_workspace(workspace), m_clock(std::move(clock))
{
}

qint64 OutboxStore::enqueue(OutboxOperation op)
{
    if ((op.kind == OutboxOperation::Kind::Reply || op.kind == OutboxOperation::Kind::Note
         || op.kind == OutboxOperation::Kind::ContactNote)
        && op.echoId.isEmpty())
        op.echoId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const qint64 now = m_clock();
    QSqlQuery query(m_workspace->connection());
    query.prepare(QStringLiteral(
        "INSERT INTO outbox(source_uid, conversation_remote_id, kind, payload, state, attempts,"
        " last_error, echo_id, created_at, updated_at, next_attempt_at)"
        " VALUES(?,?,?,?,'queued',0,'',?,?,?,0)"));
    query.addBindValue(notNull(op.sourceUid));
    query.addBindValue(op.conversationRemoteId);
    query.addBindValue(OutboxOperation::kindKey(op.kind));
    query.addBindValue(QString::fromUtf8(QJsonDocument(op.payload).toJson(QJsonDocument::Compact)));
    query.addBindValue(notNull(op.echoId));
    query.addBindValue(now);
    query.addBindValue(now);
    if (!query.exec()) {
        m_error = query.lastError().text();
        return 0;
    }
    const qint64 id = query.lastInsertId().toLongLong();
    emit operationChanged(id);
    return id;
}

QList<OutboxOperation> OutboxStore::select(const QString &where, const QVariantList &values) const
{
    QList<OutboxOperation> result;
    QSqlQuery query(m_workspace->connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ") + QLatin1String(kColumns)
                  + QStringLiteral(" FROM outbox WHERE ") + where + QStringLiteral(" ORDER BY id"));
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        m_error = query.lastError().text();
        return result;
    }
    while (query.next())
        result.append(readOperation(query));
    return result;
}

std::optional<OutboxOperation> OutboxStore::operation(qint64 id) const
{
    const auto found = select(QStringLiteral("id=?"), {id});
    if (found.isEmpty())
        return std::nullopt;
    return found.first();
}

QList<OutboxOperation> OutboxStore::readyOperations(const QString &sourceUid) const
{
    return select(QStringLiteral("source_uid=? AND state='queued' AND next_attempt_at<=? AND ")
                      + QLatin1String(kIsHead),
                  {sourceUid, m_clock()});
}

qint64 OutboxStore::nextDueAt(const QString &sourceUid) const
{
    QSqlQuery query(m_workspace->connection());
    query.prepare(QStringLiteral("SELECT min(next_attempt_at) FROM outbox WHERE source_uid=? AND"
                                 " state='queued' AND next_attempt_at>? AND ")
                  + QLatin1String(kIsHead));
    query.addBindValue(sourceUid);
    query.addBindValue(m_clock());
    if (!query.exec() || !query.next())
        return 0;
    return query.value(0).toLongLong();
}

bool OutboxStore::update(qint64 id, const QString &assignments, const QVariantList &values)
{
    QSqlQuery query(m_workspace->connection());
    query.prepare(QStringLiteral("UPDATE outbox SET ") + assignments
                  + QStringLiteral(", updated_at=? WHERE id=?"));
    for (const QVariant &value : values)
        query.addBindValue(value);
    query.addBindValue(m_clock());
    query.addBindValue(id);
    if (!query.exec()) {
        m_error = query.lastError().text();
        return false;
    }
    if (query.numRowsAffected() != 1) {
        m_error = tr("Outbox item %1 does not exist or is not in that state.").arg(id);
        return false;
    }
    emit operationChanged(id);
    return true;
}

bool OutboxStore::markSending(qint64 id, qint64 afterRemoteMessageId)
{
    // The first attempt's baseline stays: a re-check must look at everything since then.
    return update(id,
                  QStringLiteral("state='sending', attempts=attempts+1, after_remote_message_id="
                                 "CASE WHEN attempts=0 THEN ? ELSE after_remote_message_id END"),
                  {afterRemoteMessageId});
}

bool OutboxStore::markSent(qint64 id, qint64 serverMessageId)
{
    return update(id,
                  QStringLiteral("state='sent', check_first=0, last_error='', server_message_id=?"),
                  {serverMessageId});
}

bool OutboxStore::markRetry(qint64 id, const QString &error, qint64 nextAttemptAtMs, bool checkFirst)
{
    // check_first never goes back to 0 here: once an attempt may have landed, every later try
    // must look first, even if a later failure was clean.
    return update(id,
                  QStringLiteral("state='queued', last_error=?, next_attempt_at=?,"
                                 " check_first=max(check_first, ?)"),
                  {notNull(error), nextAttemptAtMs, checkFirst ? 1 : 0});
}

bool OutboxStore::markFailed(qint64 id, const QString &error)
{
    return update(id, QStringLiteral("state='failed', last_error=?"), {notNull(error)});
}

bool OutboxStore::retry(qint64 id)
{
    QSqlQuery query(m_workspace->connection());
    query.prepare(QStringLiteral("UPDATE outbox SET state='queued', next_attempt_at=0,"
                                 " updated_at=? WHERE id=? AND state='failed'"));
    query.addBindValue(m_clock());
    query.addBindValue(id);
    if (!query.exec() || query.numRowsAffected() != 1) {
        m_error = tr("Only a failed outbox item can be retried.");
        return false;
    }
    emit operationChanged(id);
    return true;
}

bool OutboxStore::discard(qint64 id)
{
    // Something on its way out cannot be called back: its outcome decides, not the agent.
    QSqlQuery query(m_workspace->connection());
    query.prepare(QStringLiteral("DELETE FROM outbox WHERE id=? AND state IN ('queued','failed')"));
    query.addBindValue(id);
    if (!query.exec() || query.numRowsAffected() != 1) {
        m_error = tr("This outbox item is being sent and cannot be discarded now.");
        return false;
    }
    emit operationChanged(id);
    return true;
}

int OutboxStore::recoverInterrupted()
{
    const auto interrupted = select(QStringLiteral("state='sending'"), {});
    for (const auto &op : interrupted)
        update(op.id, QStringLiteral("state='queued', check_first=1, next_attempt_at=0"), {});
    return int(interrupted.size());
}

QList<OutboxOperation> OutboxStore::pending(const QString &sourceUid) const
{
    if (sourceUid.isEmpty())
        return select(QStringLiteral("state!='sent'"), {});
    return select(QStringLiteral("state!='sent' AND source_uid=?"), {sourceUid});
}

QList<OutboxOperation> OutboxStore::pendingForConversation(const QString &sourceUid,
                                                           qint64 conversationRemoteId) const
{
    return select(QStringLiteral("state!='sent' AND source_uid=? AND conversation_remote_id=?"),
                  {sourceUid, conversationRemoteId});
}

QList<OutboxOperation> OutboxStore::all() const
{
    return select(QStringLiteral("1=1"), {});
}

int OutboxStore::purgeSent(qint64 ageMs)
{
    QSqlQuery query(m_workspace->connection());
    query.prepare(QStringLiteral("DELETE FROM outbox WHERE state='sent' AND updated_at<?"));
    query.addBindValue(m_clock() - ageMs);
    if (!query.exec())
        return 0;
    return query.numRowsAffected();
}

} // namespace Counterpart::Sync
