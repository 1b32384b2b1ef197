#include "KeychainCredentialStore.h"

#include "KeychainCredentialJob.h"

namespace Counterpart::Credentials {

KeychainCredentialStore::KeychainCredentialStore(const QString &service, int timeoutMs, QObject *parent)
    : CredentialStore(parent), m_service(service), m_timeoutMs(timeoutMs)
{
}

CredentialJob *KeychainCredentialStore::makeJob(CredentialJob::Operation operation,
                                                const QString &key, const QString &secret)
{
    auto *job = new KeychainCredentialJob(operation, m_service, key, secret, m_timeoutMs, this);
    connect(job, &KeychainCredentialJob::keychainUnavailable, this,
            &CredentialStore::keychainUnavailable);
    return job;
}

CredentialJob *KeychainCredentialStore::readSecret(const QString &key)
{
    return makeJob(CredentialJob::Operation::Read, key, QString());
}

CredentialJob *KeychainCredentialStore::writeSecret(const QString &key, const QString &secret)
{
    return makeJob(CredentialJob::Operation::Write, key, secret);
}

CredentialJob *KeychainCredentialStore::removeSecret(const QString &key)
{
    return makeJob(CredentialJob::Operation::Remove, key, QString());
}

} // namespace Counterpart::Credentials
