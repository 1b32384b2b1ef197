#pragma once

#include "domain/Entities.h"

#include <QAbstractListModel>

namespace Counterpart::Storage {
class CacheStore;
}
namespace Counterpart::Sync {
class OutboxStore;
}

namespace Counterpart::Models {

/**
 * The transcript of one conversation, oldest at the top. It opens on the newest page and the view
 * asks for older pages (fetchOlder) as the agent scrolls up, so a conversation of thousands of
 * messages opens as fast as one of ten.
 */
class MessageListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    explicit MessageListModel(Storage::CacheStore *cache, QObject *parent = nullptr);

    void setConversation(qint64 conversationId);
    qint64 conversationId() const { return m_conversationId; }
    void setPageSize(int rows) { m_pageSize = std::max(1, rows); }
    /** Appends the conversation's unsent replies and notes (see PendingMessages); may be null. */
    void setOutbox(Sync::OutboxStore *outbox);

    bool hasOlder() const { return m_hasOlder; }
    /** Prepends the previous page; returns how many rows were added. */
    int fetchOlder();
    /** Re-reads the loaded range, e.g. after a sync page touched this conversation. */
    void reload();

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    void refreshPending();

    Storage::CacheStore *m_cache;
    Sync::OutboxStore *m_outbox = nullptr;
    QList<Domain::Message> m_pending; ///< after m_messages, in outbox order
    qint64 m_conversationId = 0;
    QString m_subject;
    QList<Domain::Message> m_messages;
    int m_pageSize = 50;
    bool m_hasOlder = false;
};

} // namespace Counterpart::Models
