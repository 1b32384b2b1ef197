#include "SyncEngine.h"

#include "OutboxStore.h"
#include "storage/CacheStore.h"

#include <QLoggingCategory>
#include <QTimer>

#include <algorithm>
#include <limits>

namespace Counterpart::Sync {

Q_LOGGING_CATEGORY(lcSync, "counterpart.sync")

struct SyncEngine::Account
{
    QString uid;
    qint64 sourceId = 0;
    Connector *connector = nullptr; // child of the engine
    AccountState state = AccountState::Idle;
    bool backfilled = false;
    bool syncRunning = false;
    bool rerunSync = false;
    bool synced = false; // the last sync succeeded: the outbox may drain
    bool realtimeConnected = false;
    int syncFailures = 0;
    QString ingestError;
    QHash<qint64, qint64> inFlight; // conversation remote id -> operation id
    QTimer *retryTimer = nullptr;
    QTimer *outboxTimer = nullptr;
    QTimer *deltaTimer = nullptr;
    // syncOnce()
    bool onceDone = true;
    QString onceFailure;
    int onceWaits = 0;
};

namespace {

bool isTransient(Connector::Error error)
{
    switch (error) {
    case Connector::Error::Unreachable:
    case Connector::Error::RateLimited:
    case Connector::Error::Server:
    case Connector::Error::BadResponse:
        return true;
    default:
        return false;
    }
}

QTimer *singleShotTimer(QObject *parent)
{
    auto *timer = new QTimer(parent);
    timer->setSingleShot(true);
    return timer;
}

} // namespace

SyncEngine::SyncEngine(Storage::CacheStore *cache, OutboxStore *outbox, SyncClock clock,
                       Backoff backoff, QObject *parent)
    : QObject(parent), m_cache(cache), m_outbox(outbox), m_clock(std::move(clock)),
      m_backoff(std::move(backoff))
{
    // Whatever was "sending" when the last process ended may or may not have arrived.
    const int interrupted = m_outbox->recoverInterrupted();
    if (interrupted > 0)
        qCInfo(lcSync) << interrupted << "outbox item(s) were interrupted; they are checked before any resend";
}

SyncEngine::~SyncEngine()
{
    for (const auto &account : std::as_const(m_accounts))
        account->connector->disconnect(this);
}

SyncEngine::Account *SyncEngine::account(const QString &sourceUid) const
{
    for (const auto &account : m_accounts) {
        if (account->uid == sourceUid)
            return account.get();
    }
    return nullptr;
}

bool SyncEngine::addConnector(Connector *connector)
{
    const QString uid = connector->sourceUid();
    if (account(uid)) {
        delete connector;
        return false;
    }
    auto owned = std::make_shared<Account>();
    Account *a = owned.get();
    a->uid = uid;
    a->connector = connector;
    connector->setParent(this);
    a->sourceId = m_cache->ensureSource(connector->source());
    a->retryTimer = singleShotTimer(this);
    a->outboxTimer = singleShotTimer(this);
    a->deltaTimer = singleShotTimer(this);
    connect(a->retryTimer, &QTimer::timeout, this, [this, a] { runSync(a); });
    connect(a->deltaTimer, &QTimer::timeout, this, [this, a] { runSync(a); });
    connect(a->outboxTimer, &QTimer::timeout, this, [this, a] { drain(a); });
    connect(connector, &Connector::pageReceived, this,
            [this, a](const Storage::IngestBatch &page) { onPage(a, page); });
    connect(connector, &Connector::conversationRemoved, this,
            [this, a](qint64 remoteId) { onRemoved(a, remoteId); });
    connect(connector, &Connector::syncFinished, this,
            [this, a](Connector::Error error, const QString &message) { onSyncFinished(a, error, message); });
    connect(connector, &Connector::operationFinished, this,
            [this, a](qint64 id, const SendOutcome &outcome) { onOperationFinished(a, id, outcome); });
    connect(connector, &Connector::progress, this, [this, a](const QString &what, int done, int total) {
        emit progress(a->uid, what, done, total);
    });
    connect(connector, &Connector::realtimeStateChanged, this,
            [this, a](bool connected) { onRealtimeState(a, connected); });
    connect(connector, &Connector::typingChanged, this,
            [this, a](qint64 remoteId, const QString &agent, bool typing) {
                emit typingChanged(a->uid, remoteId, agent, typing);
            });
    m_accounts.append(owned);
    return true;
}

void SyncEngine::removeAccount(const QString &sourceUid)
{
    for (qsizetype i = 0; i < m_accounts.size(); ++i) {
        Account *a = m_accounts.at(i).get();
        if (a->uid != sourceUid)
            continue;
        a->connector->disconnect(this);
        a->connector->cancel();
        a->connector->deleteLater();
        delete a->retryTimer;
        delete a->outboxTimer;
        delete a->deltaTimer;
        m_accounts.removeAt(i);
        return;
    }
}

QStringList SyncEngine::sourceUids() const
{
    QStringList uids;
    for (const auto &account : m_accounts)
        uids.append(account->uid);
    return uids;
}

Connector *SyncEngine::connector(const QString &sourceUid) const
{
    Account *a = account(sourceUid);
    return a ? a->connector : nullptr;
}

SyncEngine::AccountState SyncEngine::state(const QString &sourceUid) const
{
    Account *a = account(sourceUid);
    return a ? a->state : AccountState::Idle;
}

void SyncEngine::setBackfilled(const QString &sourceUid)
{
    if (Account *a = account(sourceUid))
        a->backfilled = true;
}

void SyncEngine::setState(Account *a, AccountState state, const QString &message)
{
    a->state = state;
    emit accountStateChanged(a->uid, state, message);
}

void SyncEngine::start()
{
    m_once = false;
    for (const auto &account : std::as_const(m_accounts)) {
        if (account->state != AccountState::SignInRequired)
            runSync(account.get());
    }
}

void SyncEngine::syncOnce()
{
    m_once = true;
    m_onceReported = false;
    for (const auto &account : std::as_const(m_accounts)) {
        account->onceDone = false;
        account->onceFailure.clear();
        account->onceWaits = 0;
        account->syncFailures = 0;
        account->backfilled = false; // "one full sync"
    }
    if (m_accounts.isEmpty()) {
        m_onceReported = true;
        emit finished(true, QString());
        return;
    }
    const auto accounts = m_accounts;
    for (const auto &account : accounts) {
        // A paused account would never finish: say so instead of waiting for it.
        if (account->state == AccountState::SignInRequired)
            endOnce(account.get(), tr("%1: sign in again").arg(account->uid));
        else
            runSync(account.get());
    }
}

void SyncEngine::syncNow(const QString &sourceUid)
{
    if (Account *a = account(sourceUid))
        runSync(a);
}

void SyncEngine::resumeAccount(const QString &sourceUid)
{
    Account *a = account(sourceUid);
    if (!a || a->state != AccountState::SignInRequired)
        return;
    setState(a, AccountState::Idle);
    runSync(a);
}

void SyncEngine::requireSignIn(const QString &sourceUid, const QString &message)
{
    Account *a = account(sourceUid);
    if (!a || a->state == AccountState::SignInRequired)
        return;
    a->retryTimer->stop();
    a->deltaTimer->stop();
    a->outboxTimer->stop();
    a->synced = false;
    setState(a, AccountState::SignInRequired, message);
    emit signInRequired(a->uid, message);
}

void SyncEngine::runSync(Account *a)
{
    if (a->state == AccountState::SignInRequired)
        return;
    if (a->syncRunning) {
        a->rerunSync = true;
        return;
    }
    a->retryTimer->stop();
    a->deltaTimer->stop();
    a->syncRunning = true;
    a->ingestError.clear();
    if (a->backfilled) {
        setState(a, AccountState::Syncing);
        a->connector->startDelta();
    } else {
        setState(a, AccountState::Backfilling);
        a->connector->startBackfill();
    }
}

void SyncEngine::onPage(Account *a, const Storage::IngestBatch &page)
{
    QString error;
    if (!m_cache->ingest(a->sourceId, page, &error)) {
        qCWarning(lcSync) << "a page of" << a->uid << "could not be written:" << error;
        if (a->ingestError.isEmpty())
            a->ingestError = error;
    }
}

void SyncEngine::onRemoved(Account *a, qint64 conversationRemoteId)
{
    QString error;
    if (!m_cache->removeConversation(a->sourceId, conversationRemoteId, &error)) {
        qCWarning(lcSync) << "conversation" << conversationRemoteId << "could not be removed:" << error;
        return;
    }
    emit conversationRemoved(a->uid, conversationRemoteId);
}

void SyncEngine::onSyncFinished(Account *a, Connector::Error error, const QString &message)
{
    if (!a->syncRunning)
        return; // a late answer after cancel()
    a->syncRunning = false;
    if (error == Connector::Error::None && !a->ingestError.isEmpty()) {
        error = Connector::Error::BadResponse;
        const QString reason = tr("The local cache could not store what the server sent: %1").arg(a->ingestError);
        return onSyncFinished(a, error, reason);
    }
    if (error == Connector::Error::None) {
        a->backfilled = true;
        a->synced = true;
        a->syncFailures = 0;
        setState(a, AccountState::Online);
        emit accountSynced(a->uid);
        if (a->rerunSync) {
            a->rerunSync = false;
            runSync(a);
            return;
        }
        if (!m_once) {
            if (m_options.realtime)
                a->connector->setRealtimeEnabled(true);
            if (!a->realtimeConnected)
                a->deltaTimer->start(m_options.deltaIntervalMs);
        }
        drain(a);
        return;
    }

    a->synced = false;
    a->rerunSync = false;
    if (error == Connector::Error::Unauthorized) {
        setState(a, AccountState::SignInRequired, message);
        emit signInRequired(a->uid, message);
        if (m_once)
            endOnce(a, tr("%1: sign in again (%2)").arg(a->uid, message));
        return;
    }
    if (error == Connector::Error::Cancelled) {
        setState(a, AccountState::Failed, message);
        if (m_once)
            endOnce(a, tr("%1: cancelled").arg(a->uid));
        return;
    }
    ++a->syncFailures;
    if (m_once && (!isTransient(error) || a->syncFailures > m_options.onceRetries)) {
        setState(a, AccountState::Failed, message);
        endOnce(a, tr("%1: %2").arg(a->uid, message));
        return;
    }
    const qint64 delay = m_backoff.delayMs(a->syncFailures);
    setState(a, AccountState::WaitingToRetry, message);
    a->retryTimer->start(int(std::min<qint64>(delay, std::numeric_limits<int>::max())));
}

void SyncEngine::onRealtimeState(Account *a, bool connected)
{
    const bool reconnected = connected && !a->realtimeConnected;
    a->realtimeConnected = connected;
    if (connected) {
        a->deltaTimer->stop();
        // Events may have been missed while the socket was down: close the gap with a delta.
        if (reconnected && a->backfilled)
            runSync(a);
    } else if (a->state == AccountState::Online) {
        a->deltaTimer->start(m_options.deltaIntervalMs);
    }
}

void SyncEngine::fetchContactNotes(const QString &sourceUid, qint64 contactRemoteId)
{
    Account *a = account(sourceUid);
    if (!a || a->state == AccountState::SignInRequired || a->state == AccountState::Failed)
        return;
    a->connector->fetchContactNotes(contactRemoteId);
}

qint64 SyncEngine::enqueue(const OutboxOperation &operation)
{
    const qint64 id = m_outbox->enqueue(operation);
    if (id != 0) {
        if (Account *a = account(operation.sourceUid))
            drain(a);
    }
    return id;
}

bool SyncEngine::retryOperation(qint64 id)
{
    const auto op = m_outbox->operation(id);
    if (!op || !m_outbox->retry(id))
        return false;
    if (Account *a = account(op->sourceUid))
        drain(a);
    return true;
}

bool SyncEngine::discardOperation(qint64 id)
{
    const auto op = m_outbox->operation(id);
    if (!op || !m_outbox->discard(id))
        return false;
    if (Account *a = account(op->sourceUid))
        drain(a);
    return true;
}

void SyncEngine::drain(Account *a)
{
    if (!a->synced || a->state == AccountState::SignInRequired || a->state == AccountState::Failed)
        return;
    const auto ready = m_outbox->readyOperations(a->uid);
    for (const OutboxOperation &candidate : ready) {
        if (a->inFlight.size() >= m_options.maxParallelSends)
            break;
        if (a->inFlight.contains(candidate.conversationRemoteId))
            continue;
        const qint64 baseline = m_cache->newestMessageRemoteId(a->sourceId, candidate.conversationRemoteId);
        if (!m_outbox->markSending(candidate.id, baseline))
            continue;
        auto op = m_outbox->operation(candidate.id);
        if (!op)
            continue;
        // Connectors read `attempts` as "tried before", so hand over the earlier attempts only;
        // an operation that may have landed counts as tried even if the count was reset.
        op->attempts = std::max(op->attempts - 1, op->checkFirst ? 1 : 0);
        a->inFlight.insert(op->conversationRemoteId, op->id);
        a->connector->send(*op);
    }
    scheduleOutboxWake(a);
    checkOnceDone(a);
}

void SyncEngine::scheduleOutboxWake(Account *a)
{
    const qint64 due = m_outbox->nextDueAt(a->uid);
    if (due == 0) {
        a->outboxTimer->stop();
        return;
    }
    const qint64 wait = std::clamp<qint64>(due - m_clock(), 0, std::numeric_limits<int>::max());
    if (m_once && wait > m_options.onceMaxWaitMs)
        return;
    a->outboxTimer->start(int(wait));
}

void SyncEngine::onOperationFinished(Account *a, qint64 id, const SendOutcome &outcome)
{
    for (auto it = a->inFlight.begin(); it != a->inFlight.end(); ++it) {
        if (it.value() == id) {
            a->inFlight.erase(it);
            break;
        }
    }
    const auto op = m_outbox->operation(id);
    if (!op) {
        emit operationFinished(id, outcome);
        return;
    }
    const int attempts = std::max(1, op->attempts);
    switch (outcome.result) {
    case SendOutcome::Result::Sent:
        m_outbox->markSent(id, outcome.serverMessageId);
        break;
    case SendOutcome::Result::Retry:
        m_outbox->markRetry(id, outcome.message, m_backoff.nextAttemptAt(m_clock(), attempts), false);
        break;
    case SendOutcome::Result::Unknown:
        m_outbox->markRetry(id, outcome.message, m_backoff.nextAttemptAt(m_clock(), attempts), true);
        break;
    case SendOutcome::Result::Rejected:
        m_outbox->markFailed(id, outcome.message);
        break;
    case SendOutcome::Result::SignInAgain:
        m_outbox->markRetry(id, outcome.message, 0, false);
        a->synced = false;
        if (a->state != AccountState::SignInRequired) {
            setState(a, AccountState::SignInRequired, outcome.message);
            emit signInRequired(a->uid, outcome.message);
        }
        if (m_once)
            endOnce(a, tr("%1: sign in again (%2)").arg(a->uid, outcome.message));
        break;
    case SendOutcome::Result::Gone:
        m_outbox->markFailed(id, outcome.message);
        onRemoved(a, op->conversationRemoteId);
        break;
    }
    emit operationFinished(id, outcome);
    drain(a);
}

void SyncEngine::cancel()
{
    for (const auto &owned : std::as_const(m_accounts)) {
        Account *a = owned.get();
        a->retryTimer->stop();
        a->outboxTimer->stop();
        a->deltaTimer->stop();
        a->connector->setRealtimeEnabled(false);
        a->connector->cancel();
        if (a->syncRunning)
            onSyncFinished(a, Connector::Error::Cancelled, tr("Cancelled."));
        // Sends the connector did not answer may have gone out: look before sending again.
        const auto inFlight = a->inFlight;
        a->inFlight.clear();
        for (qint64 id : inFlight)
            m_outbox->markRetry(id, tr("Cancelled."), 0, true);
        a->synced = false;
        if (a->state != AccountState::SignInRequired)
            setState(a, AccountState::Failed, tr("Cancelled."));
        if (m_once)
            endOnce(a, tr("%1: cancelled").arg(a->uid));
    }
}

void SyncEngine::checkOnceDone(Account *a)
{
    if (!m_once || a->onceDone || !a->synced || a->syncRunning || !a->inFlight.isEmpty())
        return;
    if (!m_outbox->readyOperations(a->uid).isEmpty())
        return;
    const qint64 due = m_outbox->nextDueAt(a->uid);
    if (due != 0 && due - m_clock() <= m_options.onceMaxWaitMs
        && a->onceWaits < m_options.onceRetries * std::max(1, m_options.maxParallelSends)) {
        ++a->onceWaits;
        return; // the outbox timer wakes drain() again
    }
    const auto left = m_outbox->pending(a->uid);
    if (left.isEmpty())
        endOnce(a, QString());
    else
        endOnce(a, tr("%1: %n outbox item(s) could not be sent: %2", nullptr, int(left.size()))
                       .arg(a->uid, left.first().lastError));
}

void SyncEngine::endOnce(Account *a, const QString &failure)
{
    if (!m_once || a->onceDone)
        return;
    a->onceDone = true;
    a->onceFailure = failure;
    a->outboxTimer->stop();
    a->retryTimer->stop();
    for (const auto &account : std::as_const(m_accounts)) {
        if (!account->onceDone)
            return;
    }
    if (m_onceReported)
        return;
    m_onceReported = true;
    QStringList failures;
    for (const auto &account : std::as_const(m_accounts)) {
        if (!account->onceFailure.isEmpty())
            failures.append(account->onceFailure);
    }
    emit finished(failures.isEmpty(), failures.join(QLatin1Char('\n')));
}

} // namespace Counterpart::Sync
