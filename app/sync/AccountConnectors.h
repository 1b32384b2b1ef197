#pragma once

#include "Account.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

class QNetworkAccessManager;

namespace Counterpart::Storage {
class CacheStore;
}
namespace Counterpart::Credentials {
class CredentialStore;
class MemoryCredentialStore;
} // namespace Counterpart::Credentials
namespace Counterpart::Connectors::Demo {
struct DemoOptions;
}

namespace Counterpart::Sync {

class AccountStore;
class SyncEngine;

/**
 * Turns the accounts of workspace.sqlite into connectors of a SyncEngine: reads each token from
 * the keychain (or this session's memory), restores the Chatwoot delta cursor from cache.sqlite
 * so a restart syncs a delta instead of a backfill, and stores it again after every sync. Keeps
 * main.cpp and the dialogs free of connector details.
 */
class AccountConnectors : public QObject
{
    Q_OBJECT
public:
    AccountConnectors(Storage::CacheStore *cache, SyncEngine *engine, AccountStore *accounts,
                      Credentials::CredentialStore *keychain, QNetworkAccessManager *network,
                      QObject *parent = nullptr);
    ~AccountConnectors() override;

    /** The generated demo as a connector (its data is already in the cache). */
    void addDemo(const Connectors::Demo::DemoOptions &options);
    /** Creates a connector for every stored account as its token arrives, then syncs it. */
    void loadAccounts();
    /** Starts the engine; connectors whose token arrives later start on their own. */
    void start();

    /** Adds `account` (already checked) and keeps its token: keychain, or memory when
     *  `sessionOnly`. Returns the account id, 0 on failure (errorString()). */
    qint64 connectAccount(Account account, const QString &token);
    bool removeAccount(qint64 accountId);
    /** After "sign in again": the new token for a paused account; nothing queued is lost. */
    void provideToken(const QString &sourceUid, const QString &token, bool sessionOnly);

    bool keychainAvailable() const { return m_keychainReason.isEmpty(); }
    QString errorString() const { return m_error; }

signals:
    /** No usable token for an account: the UI asks for one (provideToken()). */
    void tokenNeeded(const QString &sourceUid, const QString &displayName, const QString &reason);
    /** The keychain cannot be used; tokens can be kept for this session only. */
    void keychainUnavailable(const QString &reason);

private:
    void readToken(const Account &account);
    /** Returns the new connector's source uid, empty when none was added. */
    QString createConnector(const Account &account, const QString &token);
    void restoreCursor(const QString &sourceUid);
    void saveCursor(const QString &sourceUid);
    void storeToken(const Account &account, const QString &token, bool sessionOnly);

    Storage::CacheStore *m_cache;
    SyncEngine *m_engine;
    AccountStore *m_accounts;
    Credentials::CredentialStore *m_keychain;
    Credentials::MemoryCredentialStore *m_session;
    QNetworkAccessManager *m_network;
    bool m_started = false;
    QString m_keychainReason;
    QString m_error;
};

} // namespace Counterpart::Sync
