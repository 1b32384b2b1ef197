#include "MessageListModel.h"

#include "ItemRoles.h"
#include "storage/CacheStore.h"

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
    m_messages = conversationId ? m_cache->messages(conversationId, m_pageSize) : QList<Message>();
    m_hasOlder = m_messages.size() == m_pageSize;
    endResetModel();
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
}

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_messages.size());
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Message &message = m_messages.at(index.row());
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
    default:
        return {};
    }
}

} // namespace Counterpart::Models
