#pragma once

#include "Account.h"

#include <QObject>

#include <optional>

namespace Counterpart::Storage {
class WorkspaceStore;
}

namespace Counterpart::Sync {

/** The accounts table of workspace.sqlite. It has no token column on purpose. */
class AccountStore : public QObject
{
    Q_OBJECT
public:
    explicit AccountStore(Storage::WorkspaceStore *workspace, QObject *parent = nullptr);

    /** Adds the account (sourceUid derived when empty); its id, 0 when it exists or fails. */
    qint64 add(Account account);
    bool remove(qint64 id);
    QList<Account> accounts() const;
    std::optional<Account> account(qint64 id) const;
    std::optional<Account> accountBySourceUid(const QString &sourceUid) const;

    QString errorString() const { return m_error; }

signals:
    void accountsChanged();

private:
    QList<Account> select(const QString &where, const QVariantList &values) const;

    Storage::WorkspaceStore *m_workspace;
    mutable QString m_error;
};

} // namespace Counterpart::Sync
