#pragma once

#include "OutboxOperation.h"
#include "SyncClock.h"

#include <QObject>
#include <QSqlDatabase>

#include <optional>

namespace Counterpart::Storage {
class WorkspaceStore;
}

namespace Counterpart::Sync {

/**
 * The outbox table of workspace.sqlite. Every write is committed before the call returns, so
 * what the agent queued survives a crash at any point. Operations of one conversation leave in
 * the order they were queued: only the oldest unsent one (the "head") is ever ready, and a failed
 * head holds back the rest of its conversation until the agent retries or discards it.
 */
class OutboxStore : public QObject
{
    Q_OBJECT
public:
    explicit OutboxStore(Storage::WorkspaceStore *workspace, SyncClock clock = systemClock(),
                         QObject *parent = nullptr);

    /** Stores a new queued operation (a fresh UUID echo id for replies and notes); its id, 0 on failure. */
    qint64 enqueue(OutboxOperation operation);
    std::optional<OutboxOperation> operation(qint64 id) const;

    /**
     * The head of every conversation of `sourceUid` that may be sent now: queued, due, and not
     * behind an older unsent operation. One per conversation, oldest conversation first.
     */
    QList<OutboxOperation> readyOperations(const QString &sourceUid) const;
    /** Earliest next_attempt_at among queued heads of `sourceUid` in the future; 0 when none. */
    qint64 nextDueAt(const QString &sourceUid) const;

    /** Counts the attempt; records the newest message id the cache knew before the first one. */
    bool markSending(qint64 id, qint64 afterRemoteMessageId);
    bool markSent(qint64 id, qint64 serverMessageId);
    /** Back to queued, due at `nextAttemptAtMs`; `checkFirst` when it may have reached the server. */
    bool markRetry(qint64 id, const QString &error, qint64 nextAttemptAtMs, bool checkFirst);
    /** Failed for good until the agent decides (retry or discard). */
    bool markFailed(qint64 id, const QString &error);
    /** The agent's "retry": failed -> queued, due now. */
    bool retry(qint64 id);
    /** The agent's "discard": the operation is deleted and will never be sent. */
    bool discard(qint64 id);

    /**
     * After a restart: an operation still "sending" died mid-flight, so its outcome is unknown.
     * It is queued again with check_first set. Returns how many were found.
     */
    int recoverInterrupted();

    /** Unsent operations (queued, sending, failed), oldest first; empty `sourceUid` = all. */
    QList<OutboxOperation> pending(const QString &sourceUid = QString()) const;
    QList<OutboxOperation> pendingForConversation(const QString &sourceUid,
                                                  qint64 conversationRemoteId) const;
    /** Every operation including sent ones, oldest first (tests and diagnostics). */
    QList<OutboxOperation> all() const;
    /** Deletes sent operations older than `ageMs`; they only mattered until acknowledged. */
    int purgeSent(qint64 ageMs);

    QString errorString() const { return m_error; }

signals:
    /** An operation was added, changed state, or disappeared (discarded). */
    void operationChanged(qint64 id);

private:
    bool update(qint64 id, const QString &assignments, const QVariantList &values);
    QList<OutboxOperation> select(const QString &where, const QVariantList &values) const;

    Storage::WorkspaceStore *m_workspace;
    SyncClock m_clock;
    mutable QString m_error;
};

} // namespace Counterpart::Sync
