#pragma once

#include "CredentialJob.h"

#include <QPointer>

namespace QKeychain {
class Job;
}

namespace Counterpart::Credentials {

/**
 * A CredentialJob carried out by QtKeychain, with a deadline: with a locked keyring on a display
 * the keychain can wait forever for a prompt nobody sees, so every job ends by itself.
 */
class KeychainCredentialJob : public CredentialJob
{
    Q_OBJECT
public:
    KeychainCredentialJob(Operation operation, const QString &service, const QString &key,
                          const QString &secret, int timeoutMs, QObject *parent = nullptr);
    ~KeychainCredentialJob() override;

    void start() override;

signals:
    void keychainUnavailable(const QString &reason);

private:
    void onKeychainFinished();
    void onTimeout();

    QString m_service;
    QString m_secretToWrite;
    int m_timeoutMs;
    QPointer<QKeychain::Job> m_job;
};

} // namespace Counterpart::Credentials
