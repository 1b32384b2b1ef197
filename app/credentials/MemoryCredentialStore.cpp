#include "MemoryCredentialStore.h"

#include "ResolvedCredentialJob.h"

namespace Counterpart::Credentials {

using Result = ResolvedCredentialJob::Result;

CredentialJob *MemoryCredentialStore::readSecret(const QString &key)
{
    return new ResolvedCredentialJob(CredentialJob::Operation::Read, key, [this, key] {
        const auto found = m_secrets.constFind(key);
        if (found == m_secrets.constEnd())
            return Result{CredentialJob::Error::NotFound, tr("No token is kept for this session."), {}};
        return Result{CredentialJob::Error::None, {}, found.value()};
    }, this);
}

CredentialJob *MemoryCredentialStore::writeSecret(const QString &key, const QString &secret)
{
    return new ResolvedCredentialJob(CredentialJob::Operation::Write, key, [this, key, secret] {
        m_secrets.insert(key, secret);
        return Result{};
    }, this);
}

CredentialJob *MemoryCredentialStore::removeSecret(const QString &key)
{
    return new ResolvedCredentialJob(CredentialJob::Operation::Remove, key, [this, key] {
        m_secrets.remove(key);
        return Result{};
    }, this);
}

} // namespace Counterpart::Credentials
