#pragma once

#include "Backoff.h"
#include "Connector.h"
#include "SyncClock.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <memory>

class QTimer;

namespace Counterpart::Storage {
class CacheStore;
}

namespace Counterpart::Sync {

class OutboxStore;

/**
 * Runs every connected account: backfill, then deltas and realtime; writes what the connectors
 * deliver into cache.sqlite (one transaction per page); drains the outbox after each successful
 * sync, one operation in flight per conversation and conversations in parallel.
 *
 * Failures never lose the agent's work: a sync that fails is retried with backoff, a 401 pauses
 * the account (signInRequired) with everything still queued, a 404 removes the conversation.
 */
class SyncEngine : public QObject
{
    Q_OBJECT
public:
    enum class AccountState {
        Idle,
        Backfilling,
        Syncing,        ///< a delta is running
        Online,         ///< synced; realtime or periodic deltas keep it current
        WaitingToRetry, ///< the last sync failed (offline, 429, 5xx); a retry is scheduled
        SignInRequired, ///< paused until resumeAccount()
        Failed,         ///< gave up (sync --once) or cancelled
    };
    Q_ENUM(AccountState)

    struct Options
    {
        bool realtime = true;
        /** Deltas while realtime is down (API notes: every 60–120 s). */
        int deltaIntervalMs = 90 * 1000;
        /** Outbox operations in flight per account (each for a different conversation). */
        int maxParallelSends = 4;
        /** syncOnce(): retries of a failed sync or send before giving up, and how long a
         *  backed-off outbox item may be waited for. */
        int onceRetries = 2;
        qint64 onceMaxWaitMs = 20 * 1000;
    };

    SyncEngine(Storage::CacheStore *cache, OutboxStore *outbox, SyncClock clock = systemClock(),
               Backoff backoff = Backoff(), QObject *parent = nullptr);
    ~SyncEngine() override;

    void setOptions(const Options &options) { m_options = options; }
    const Options &options() const { return m_options; }

    /** Adds an account; the engine owns `connector`. False when its uid is already present. */
    bool addConnector(Connector *connector);
    void removeAccount(const QString &sourceUid);
    QStringList sourceUids() const;
    Connector *connector(const QString &sourceUid) const;
    AccountState state(const QString &sourceUid) const;
    /** The cache already mirrors this account (its cursor was restored after a restart), so
     *  start() and syncNow() begin with a delta instead of a backfill. */
    void setBackfilled(const QString &sourceUid);

    /** Every account: backfill (first time) or delta, then outbox, then realtime; keeps going. */
    void start();
    /** One full sync of every account and a drained outbox, then finished(); no realtime. */
    void syncOnce();
    /** A delta for one account now (e.g. the agent pressed "refresh"). */
    void syncNow(const QString &sourceUid);
    /** After the agent signed in again (the connector already has the new token). */
    void resumeAccount(const QString &sourceUid);
    /** Pauses an account that has no usable token before anything is sent: no sync, no send
     *  until resumeAccount(); emits signInRequired. */
    void requireSignIn(const QString &sourceUid, const QString &message);
    /** Stops every running sync and send; queued operations stay queued. */
    void cancel();

    /** Asks the account for one customer's notes; they arrive in the cache like any page.
     *  Nothing happens while the account is offline or paused: the cached notes stand. */
    void fetchContactNotes(const QString &sourceUid, qint64 contactRemoteId);
    /** Queues an operation (stored before anything is sent) and sends it when possible. */
    qint64 enqueue(const OutboxOperation &operation);
    /** The agent's retry / discard for a failed item. */
    bool retryOperation(qint64 id);
    bool discardOperation(qint64 id);

signals:
    void progress(const QString &sourceUid, const QString &what, int done, int total);
    void accountStateChanged(const QString &sourceUid, Counterpart::Sync::SyncEngine::AccountState state,
                             const QString &message);
    /** 401: the account is paused with all its queued work kept; ask the agent to sign in. */
    void signInRequired(const QString &sourceUid, const QString &message);
    void accountSynced(const QString &sourceUid);
    void conversationRemoved(const QString &sourceUid, qint64 conversationRemoteId);
    void operationFinished(qint64 operationId, const Counterpart::Sync::SendOutcome &outcome);
    void typingChanged(const QString &sourceUid, qint64 conversationRemoteId,
                       const QString &agentName, bool typing);
    /** syncOnce() ended; `ok` false with one sentence per account that could not finish. */
    void finished(bool ok, const QString &message);

private:
    struct Account;
    Account *account(const QString &sourceUid) const;
    void runSync(Account *account);
    void onPage(Account *account, const Storage::IngestBatch &page);
    void onRemoved(Account *account, qint64 conversationRemoteId);
    void onSyncFinished(Account *account, Connector::Error error, const QString &message);
    void onOperationFinished(Account *account, qint64 id, const SendOutcome &outcome);
    void onRealtimeState(Account *account, bool connected);
    void drain(Account *account);
    void scheduleOutboxWake(Account *account);
    void setState(Account *account, AccountState state, const QString &message = QString());
    void endOnce(Account *account, const QString &failure);
    void checkOnceDone(Account *account);

    Storage::CacheStore *m_cache;
    OutboxStore *m_outbox;
    SyncClock m_clock;
    Backoff m_backoff;
    Options m_options;
    QList<std::shared_ptr<Account>> m_accounts;
    bool m_once = false;
    bool m_onceReported = false;
};

} // namespace Counterpart::Sync
