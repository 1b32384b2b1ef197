#include "AccountStore.h"

#include "storage/WorkspaceStore.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Counterpart::Sync {

namespace {
QString notNull(const QString &text) { return text.isNull() ? QStringLiteral("") : text; }
}

AccountStore::AccountStore(Storage::WorkspaceStore *workspace, QObject *parent)
    : QObject(parent), m_workspace(workspace)
{
}

qint64 AccountStore::add(Account account)
{
    if (account.sourceUid.isEmpty())
        account.sourceUid = Account::makeSourceUid(account.kind, account.baseUrl, account.remoteAccountId);
    if (accountBySourceUid(account.sourceUid)) {
        m_error = tr("The account %1 is already connected.").arg(account.sourceUid);
        return 0;
    }
    if (!account.createdAt.isValid())
        account.createdAt = QDateTime::currentDateTimeUtc();
    QSqlQuery query(m_workspace->connection());
    query.prepare(QStringLiteral(
        "INSERT INTO accounts(kind, base_url, remote_account_id, display_name, source_uid,"
        " session_only, created_at) VALUES(?,?,?,?,?,?,?)"));
    query.addBindValue(notNull(account.kind));
    query.addBindValue(notNull(account.baseUrl));
    query.addBindValue(account.remoteAccountId);
    query.addBindValue(notNull(account.displayName));
    query.addBindValue(account.sourceUid);
    query.addBindValue(account.sessionOnly ? 1 : 0);
    query.addBindValue(account.createdAt.toSecsSinceEpoch());
    if (!query.exec()) {
        m_error = query.lastError().text();
        return 0;
    }
    emit accountsChanged();
    return query.lastInsertId().toLongLong();
}

bool AccountStore::remove(qint64 id)
{
    QSqlQuery query(m_workspace->connection());
    query.prepare(QStringLiteral("DELETE FROM accounts WHERE id=?"));
    query.addBindValue(id);
    if (!query.exec() || query.numRowsAffected() != 1) {
        m_error = tr("There is no account %1.").arg(id);
        return false;
    }
    emit accountsChanged();
    return true;
}

QList<Account> AccountStore::select(const QString &where, const QVariantList &values) const
{
    QList<Account> result;
    QSqlQuery query(m_workspace->connection());
    query.prepare(QStringLiteral("SELECT id, kind, base_url, remote_account_id, display_name,"
                                 " source_uid, session_only, created_at FROM accounts WHERE ")
                  + where + QStringLiteral(" ORDER BY id"));
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        m_error = query.lastError().text();
        return result;
    }
    while (query.next()) {
        Account account;
        account.id = query.value(0).toLongLong();
        account.kind = query.value(1).toString();
        account.baseUrl = query.value(2).toString();
        account.remoteAccountId = query.value(3).toLongLong();
        account.displayName = query.value(4).toString();
        account.sourceUid = query.value(5).toString();
        account.sessionOnly = query.value(6).toInt() != 0;
        account.createdAt = QDateTime::fromSecsSinceEpoch(query.value(7).toLongLong(), Qt::UTC);
        result.append(account);
    }
    return result;
}

QList<Account> AccountStore::accounts() const { return select(QStringLiteral("1=1"), {}); }

std::optional<Account> AccountStore::account(qint64 id) const
{
    const auto found = select(QStringLiteral("id=?"), {id});
    return found.isEmpty() ? std::nullopt : std::optional<Account>(found.first());
}

std::optional<Account> AccountStore::accountBySourceUid(const QString &sourceUid) const
{
    const auto found = select(QStringLiteral("source_uid=?"), {sourceUid});
    return found.isEmpty() ? std::nullopt : std::optional<Account>(found.first());
}

} // namespace Counterpart::Sync
