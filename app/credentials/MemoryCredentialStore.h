#pragma once

#include "CredentialStore.h"

#include <QHash>

namespace Counterpart::Credentials {

/** Session-only secrets: kept in this process's memory and gone when it ends. */
class MemoryCredentialStore : public CredentialStore
{
    Q_OBJECT
public:
    using CredentialStore::CredentialStore;

    CredentialJob *readSecret(const QString &key) override;
    CredentialJob *writeSecret(const QString &key, const QString &secret) override;
    CredentialJob *removeSecret(const QString &key) override;
    bool isPersistent() const override { return false; }

    bool contains(const QString &key) const { return m_secrets.contains(key); }

private:
    QHash<QString, QString> m_secrets;
};

} // namespace Counterpart::Credentials
