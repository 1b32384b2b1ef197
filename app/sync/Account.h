#pragma once

#include <QDateTime>
#include <QString>

namespace Counterpart::Sync {

/** One connected helpdesk account. Deliberately without a token: see CredentialStore. */
struct Account
{
    qint64 id = 0; ///< rowid in workspace.sqlite
    QString kind;  ///< "chatwoot"
    QString baseUrl;
    qint64 remoteAccountId = 0;
    QString displayName;
    QString sourceUid; ///< the cache's Source::uid for this account
    bool sessionOnly = false; ///< the token is kept in memory for this session only
    QDateTime createdAt;

    /** The keychain entry that holds this account's token. */
    QString credentialKey() const { return QStringLiteral("token:") + sourceUid; }
    /** "chatwoot:<base url without trailing slash>#<account id>". */
    static QString makeSourceUid(const QString &kind, const QString &baseUrl, qint64 remoteAccountId);
};

} // namespace Counterpart::Sync
