#pragma once

#include "domain/Entities.h"
#include "sync/OutboxOperation.h"

#include <QAbstractListModel>

namespace Counterpart::Storage {
class CacheStore;
}
namespace Counterpart::Sync {
class OutboxStore;
}

namespace Counterpart::Models {

/**
 * The notes kept about one customer: first the ones the agent wrote that the outbox has not
 * delivered yet (newest first, "queued", "sending" or "failed"), then the cached ones, newest
 * first. A note leaves the pending rows when the outbox marks it sent; by then the server's
 * copy is in the cache, so it moves down instead of disappearing.
 */
class ContactNotesModel : public QAbstractListModel
{
    Q_OBJECT
public:
    /** `outbox` may be null: then only cached notes are listed. */
    ContactNotesModel(Storage::CacheStore *cache, Sync::OutboxStore *outbox, QObject *parent = nullptr);

    /** The customer (local contact id; 0 = none). */
    void setContact(qint64 contactId);
    qint64 contactId() const { return m_contactId; }
    QString sourceUid() const { return m_sourceUid; }
    qint64 contactRemoteId() const { return m_contactRemoteId; }
    int pendingCount() const { return int(m_pending.size()); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    void reload();

private:
    Storage::CacheStore *m_cache;
    Sync::OutboxStore *m_outbox;
    qint64 m_contactId = 0;
    qint64 m_contactRemoteId = 0;
    QString m_sourceUid;
    QList<Sync::OutboxOperation> m_pending;
    QList<Domain::ContactNote> m_stored;
};

} // namespace Counterpart::Models
