#pragma once

#include "sync/OutboxOperation.h"

#include <QAbstractListModel>

namespace Counterpart::Sync {
class OutboxStore;
}

namespace Counterpart::Models {

/**
 * Unsent outbox operations (queued, sending, failed), oldest first, optionally of one
 * conversation: what the conversation view shows as "pending" with retry and discard. The outbox
 * is small, so it is re-read whenever the store reports a change.
 */
class OutboxListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    explicit OutboxListModel(Sync::OutboxStore *store, QObject *parent = nullptr);

    /** Empty uid: every account and conversation. */
    void setConversation(const QString &sourceUid, qint64 conversationRemoteId);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void reload();

private:
    Sync::OutboxStore *m_store;
    QString m_sourceUid;
    qint64 m_conversationRemoteId = 0;
    QList<Sync::OutboxOperation> m_rows;
};

} // namespace Counterpart::Models
