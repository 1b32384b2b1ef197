#include "MessageListModel.h"

#include "ItemRoles.h"
#include "PendingMessages.h"
#include "compose/ConversationLocator.h"
#include "storage/CacheStore.h"
#include "sync/OutboxStore.h"

namespace Counterpart::Models {

using namespace Domain;

MessageListModel::MessageListModel(Storage::CacheStore *cache, QObject *parent)
    : QAbstractListModel(parent)
    , m_cache(cache)
{
    connect(m_cache, &Storage::CacheStore::contentChanged, this, &MessageListModel::reload);
}

void MessageListModel::setConversation(qint64 conversationId)
{
    beginResetModel();
    m_conversationId = conversationId;
    const auto conversation = conversationId ? m_cache->conversation(conversationId) : std::nullopt;
    m_subject = conversation ? conversation->subject : QString();
    m_messages = conversationId ? m_cache->messages(conversationId, m_pageSize) : QList<Message>();
    m_hasOlder = m_messages.size() == m_pageSize;
    endResetModel();
    refreshPending();
}

void MessageListModel::setOutbox(Sync::OutboxStore *outbox)
{
    if (m_outbox)
        disconnect(m_outbox, nullptr, this, nullptr);
    m_outbox = outbox;
    if (m_outbox)
        connect(m_outbox, &Sync::OutboxStore::operationChanged, this, &MessageListModel::refreshPending);
    refreshPending();
}

void MessageListModel::refreshPending()
{
    QList<Message> pending;
    if (m_outbox && m_conversationId) {
        const auto key = Compose::ConversationLocator::keyOf(m_cache, m_conversationId);
        if (key.isValid())
            pending = PendingMessages::fromOutbox(m_outbox->pendingForConversation(key.sourceUid, key.remoteId));
    }
    // Remove and insert instead of a reset, so the transcript keeps its scroll position.
    const int first = int(m_messages.size());
    if (!m_pending.isEmpty()) {
        beginRemoveRows({}, first, first + int(m_pending.size()) - 1);
        m_pending.clear();
        endRemoveRows();
    }
    if (!pending.isEmpty()) {
        beginInsertRows({}, first, first + int(pending.size()) - 1);
        m_pending = pending;
        endInsertRows();
    }
}

int MessageListModel::fetchOlder()
{
    if (!m_hasOlder || m_messages.isEmpty())
        return 0;
    const auto older = m_cache->messages(m_conversationId, m_pageSize, m_messages.constFirst().id);
    m_hasOlder = older.size() == m_pageSize;
    if (older.isEmpty())
        return 0;
    beginInsertRows({}, 0, int(older.size()) - 1);
    m_messages = older + m_messages;
    endInsertRows();
    return int(older.size());
}

void MessageListModel::reload()
{
    if (m_conversationId == 0)
        return;
    const int keep = std::max<int>(m_pageSize, int(m_messages.size()));
    beginResetModel();
    m_messages = m_cache->messages(m_conversationId, keep);
    m_hasOlder = m_messages.size() == keep;
    endResetModel();
    refreshPending();
}

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_messages.size() + m_pending.size());
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const Message &message = row < m_messages.size() ? m_messages.at(row) : m_pending.at(row - m_messages.size());
    switch (role) {
    case Qt::DisplayRole:
    case Roles::MessageText:
        return message.text;
    case Qt::AccessibleTextRole:
        return tr("%1 at %2: %3")
            .arg(message.senderName, QLocale().toString(message.createdAt.toLocalTime(), QLocale::ShortFormat),
                 message.text);
    case Roles::MessageId:
        return message.id;
    case Roles::MessageRemoteId:
        return message.remoteId;
    case Roles::MessageKindKey:
        return messageKindKey(message.kind);
    case Roles::SenderName:
        return message.senderName;
    case Roles::MessageHtml:
        return message.html;
    case Roles::MessageTime:
        return message.createdAt;
    case Roles::Attachments: {
        QVariantList list;
        for (const auto &attachment : message.attachments) {
            list.append(QVariantMap{{QStringLiteral("name"), attachment.fileName},
                                    {QStringLiteral("type"), attachment.contentType},
                                    {QStringLiteral("size"), attachment.size},
                                    {QStringLiteral("duration"), attachment.durationSeconds}});
        }
        return list;
    }
    case Roles::DeliveryKey:
        return deliveryKey(message.delivery);
    case Roles::MessageSubject:
        return message.html.isEmpty() ? QString() : m_subject;
    default:
        return {};
    }
}

} // namespace Counterpart::Models
