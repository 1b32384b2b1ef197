#pragma once

#include "CredentialStore.h"

namespace Counterpart::Credentials {

/** Secrets in the system keychain (Secret Service on Linux) through QtKeychain. */
class KeychainCredentialStore : public CredentialStore
{
    Q_OBJECT
public:
    static constexpr int kDefaultTimeoutMs = 15000;

    explicit KeychainCredentialStore(const QString &service = QStringLiteral("Counterpart"),
                                     int timeoutMs = kDefaultTimeoutMs, QObject *parent = nullptr);

    CredentialJob *readSecret(const QString &key) override;
    CredentialJob *writeSecret(const QString &key, const QString &secret) override;
    CredentialJob *removeSecret(const QString &key) override;
    bool isPersistent() const override { return true; }

private:
    CredentialJob *makeJob(CredentialJob::Operation operation, const QString &key,
                           const QString &secret);

    QString m_service;
    int m_timeoutMs;
};

} // namespace Counterpart::Credentials
