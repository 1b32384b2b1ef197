#include "AccountConnectors.h"

#include "AccountStore.h"
#include "SyncEngine.h"
#include "connectors/chatwoot/ChatwootConnector.h"
#include "connectors/demo/DemoConnector.h"
#include "credentials/CredentialStore.h"
#include "credentials/MemoryCredentialStore.h"
#include "storage/CacheStore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

namespace Counterpart::Sync {

Q_LOGGING_CATEGORY(lcAccounts, "counterpart.sync.accounts")

namespace {

const QString kCursorKey = QStringLiteral("chatwoot.last_sync_server_time");
const QString kMaxIdsKey = QStringLiteral("chatwoot.max_message_ids");

Connectors::Chatwoot::ChatwootConnector *asChatwoot(Connector *connector)
{
    return qobject_cast<Connectors::Chatwoot::ChatwootConnector *>(connector);
}

} // namespace

AccountConnectors::AccountConnectors(Storage::CacheStore *cache, SyncEngine *engine, AccountStore *accounts,
                                     Credentials::CredentialStore *keychain, QNetworkAccessManager *network,
                                     QObject *parent)
    : QObject(parent), m_cache(cache), m_engine(engine), m_accounts(accounts), m_keychain(keychain),
      m_session(new Credentials::MemoryCredentialStore(this)), m_network(network)
{
    connect(m_engine, &SyncEngine::accountSynced, this, &AccountConnectors::saveCursor);
    connect(m_keychain, &Credentials::CredentialStore::keychainUnavailable, this, [this](const QString &reason) {
        m_keychainReason = reason;
        emit keychainUnavailable(reason);
    });
}

AccountConnectors::~AccountConnectors() = default;

void AccountConnectors::addDemo(const Connectors::Demo::DemoOptions &options)
{
    auto *demo = new Connectors::Demo::DemoConnector(options);
    const QString uid = demo->sourceUid();
    if (m_engine->addConnector(demo))
        m_engine->setBackfilled(uid); // the generator already wrote the demo into the cache
}

void AccountConnectors::loadAccounts()
{
    const QList<Account> all = m_accounts->accounts();
    for (const Account &account : all)
        readToken(account);
}

void AccountConnectors::start()
{
    m_started = true;
    m_engine->start();
}

void AccountConnectors::readToken(const Account &account)
{
    Credentials::CredentialStore *store = account.sessionOnly ? m_session : m_keychain;
    Credentials::CredentialJob *job = store->readSecret(account.credentialKey());
    connect(job, &Credentials::CredentialJob::finished, this, [this, account](Credentials::CredentialJob *job) {
        if (job->error() == Credentials::CredentialJob::Error::None && !job->secret().isEmpty()) {
            createConnector(account, job->secret());
            return;
        }
        const QString reason = job->error() == Credentials::CredentialJob::Error::NotFound || account.sessionOnly
                                   ? tr("The access token was kept for one session only; sign in again.")
                                   : job->errorString();
        // Without a token the account still gets its connector, paused before its first
        // request: a request without a token only earns a 401 and tells the server nothing.
        const QString uid = createConnector(account, QString());
        if (!uid.isEmpty())
            m_engine->requireSignIn(uid, reason);
        emit tokenNeeded(account.sourceUid, account.displayName, reason);
    });
    job->start();
}

QString AccountConnectors::createConnector(const Account &account, const QString &token)
{
    if (account.kind != QLatin1String("chatwoot")) {
        qCWarning(lcAccounts) << "no connector for account kind" << account.kind;
        return QString();
    }
    auto *connector = new Connectors::Chatwoot::ChatwootConnector(QUrl(account.baseUrl), account.remoteAccountId,
                                                                  token, m_network);
    const QString uid = connector->sourceUid();
    if (!m_engine->addConnector(connector))
        return QString();
    restoreCursor(uid);
    if (m_started && !token.isEmpty())
        m_engine->syncNow(uid);
    return uid;
}

void AccountConnectors::restoreCursor(const QString &sourceUid)
{
    auto *connector = asChatwoot(m_engine->connector(sourceUid));
    const auto source = m_cache->sourceByUid(sourceUid);
    if (!connector || !source)
        return;
    const QDateTime cursor = QDateTime::fromString(m_cache->syncState(source->id, kCursorKey), Qt::ISODateWithMs);
    if (!cursor.isValid())
        return;
    connector->setLastSyncServerTime(cursor);
    const QJsonObject ids = QJsonDocument::fromJson(m_cache->syncState(source->id, kMaxIdsKey).toUtf8()).object();
    for (auto it = ids.begin(); it != ids.end(); ++it)
        connector->setKnownMaxMessageId(it.key().toLongLong(), qint64(it.value().toDouble()));
    m_engine->setBackfilled(sourceUid);
}

void AccountConnectors::saveCursor(const QString &sourceUid)
{
    auto *connector = asChatwoot(m_engine->connector(sourceUid));
    const auto source = m_cache->sourceByUid(sourceUid);
    if (!connector || !source)
        return;
    if (connector->profile().id > 0)
        m_cache->setMeAgent(source->id, connector->profile().id);
    const QDateTime cursor = connector->lastSyncServerTime();
    if (!cursor.isValid())
        return;
    QJsonObject ids;
    const QHash<qint64, qint64> known = connector->knownMaxMessageIds();
    for (auto it = known.begin(); it != known.end(); ++it)
        ids.insert(QString::number(it.key()), double(it.value()));
    // The ids first: a cursor without them would make the next delta re-read whole conversations.
    m_cache->setSyncState(source->id, kMaxIdsKey, QString::fromUtf8(QJsonDocument(ids).toJson(QJsonDocument::Compact)));
    m_cache->setSyncState(source->id, kCursorKey, cursor.toString(Qt::ISODateWithMs));
}

void AccountConnectors::storeToken(const Account &account, const QString &token, bool sessionOnly)
{
    Credentials::CredentialStore *store = sessionOnly ? m_session : m_keychain;
    Credentials::CredentialJob *job = store->writeSecret(account.credentialKey(), token);
    const QString name = account.displayName;
    connect(job, &Credentials::CredentialJob::finished, this, [this, name](Credentials::CredentialJob *job) {
        if (job->error() != Credentials::CredentialJob::Error::None)
            qCWarning(lcAccounts) << "the token of" << name << "could not be kept:" << job->errorString();
    });
    job->start();
}

qint64 AccountConnectors::connectAccount(Account account, const QString &token)
{
    if (account.sourceUid.isEmpty())
        account.sourceUid = Account::makeSourceUid(account.kind, account.baseUrl, account.remoteAccountId);
    const qint64 id = m_accounts->add(account);
    if (id == 0) {
        m_error = m_accounts->errorString();
        return 0;
    }
    storeToken(account, token, account.sessionOnly);
    createConnector(account, token);
    return id;
}

bool AccountConnectors::removeAccount(qint64 accountId)
{
    const auto account = m_accounts->account(accountId);
    if (!account || !m_accounts->remove(accountId)) {
        m_error = m_accounts->errorString();
        return false;
    }
    m_engine->removeAccount(account->sourceUid);
    m_session->removeSecret(account->credentialKey())->start();
    if (!account->sessionOnly)
        m_keychain->removeSecret(account->credentialKey())->start();
    return true;
}

void AccountConnectors::provideToken(const QString &sourceUid, const QString &token, bool sessionOnly)
{
    auto *connector = asChatwoot(m_engine->connector(sourceUid));
    const auto account = m_accounts->accountBySourceUid(sourceUid);
    if (!connector || !account)
        return;
    connector->setToken(token);
    storeToken(*account, token, sessionOnly || account->sessionOnly);
    if (m_engine->state(sourceUid) == SyncEngine::AccountState::SignInRequired)
        m_engine->resumeAccount(sourceUid);
    else
        m_engine->syncNow(sourceUid);
}

} // namespace Counterpart::Sync
