#include "SearchResultModel.h"

#include "ItemRoles.h"
#include "storage/CacheStore.h"

#include <QPoint>

namespace Counterpart::Models {

SearchResultModel::SearchResultModel(Storage::CacheStore *cache, QObject *parent)
    : QAbstractListModel(parent)
    , m_cache(cache)
{
    // No marks: highlights are ranges, so the snippet stays the customer's text, unchanged.
    m_options.openMark = QString();
    m_options.closeMark = QString();
    m_options.escapeHtml = false;
    m_options.limit = 50;
}

void SearchResultModel::setQuery(const QString &query)
{
    m_query = query;
    refresh();
}

void SearchResultModel::setChannelFilter(std::optional<Domain::ChannelKind> channel)
{
    m_options.channel = channel;
    refresh();
}

void SearchResultModel::setStatusFilter(std::optional<Domain::ConversationStatus> status)
{
    m_options.status = status;
    refresh();
}

void SearchResultModel::setLimit(int limit)
{
    m_options.limit = std::max(1, limit);
    refresh();
}

void SearchResultModel::refresh()
{
    QList<Search::SearchHit> hits;
    if (m_cache && !m_query.trimmed().isEmpty()) {
        const Search::SearchIndex index(m_cache->connection());
        hits = index.searchConversations(m_query, m_options);
        // A contact has no channel or status of its own: with a filter on, only conversations fit.
        if (m_options.channel || m_options.status) {
            hits.removeIf([](const Search::SearchHit &hit) {
                return hit.kind == Search::SearchHit::Kind::Contact;
            });
        }
    }
    beginResetModel();
    m_hits = hits;
    endResetModel();
    emit searched(m_query, int(m_hits.size()));
}

int SearchResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

QVariant SearchResultModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Search::SearchHit &hit = m_hits.at(index.row());
    const bool isMessage = hit.kind == Search::SearchHit::Kind::Message;
    switch (role) {
    case Qt::DisplayRole:
    case Roles::CustomerName:
        return hit.title;
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole:
        return QString(hit.title % QStringLiteral(": ") % hit.snippet);
    case Roles::ConversationId:
        return hit.conversationId;
    case Roles::ChannelKey:
        return isMessage ? Domain::channelKey(hit.channel) : QString();
    case Roles::StatusKey:
        return isMessage ? Domain::statusKey(hit.status) : QString();
    case Roles::SearchHitKindKey:
        return isMessage ? QStringLiteral("message") : QStringLiteral("contact");
    case Roles::SearchSnippet:
        return hit.snippet;
    case Roles::SearchHighlights: {
        QVariantList ranges;
        ranges.reserve(hit.highlights.size());
        for (const auto &range : hit.highlights)
            ranges.append(QPoint(range.first, range.second));
        return ranges;
    }
    case Roles::SearchTime:
        return hit.createdAt;
    case Roles::SearchContactId:
        return hit.contactId;
    case Roles::SearchMessageId:
        return hit.messageId;
    default:
        return {};
    }
}

QHash<int, QByteArray> SearchResultModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(Roles::ConversationId, "conversationId");
    names.insert(Roles::CustomerName, "customerName");
    names.insert(Roles::ChannelKey, "channelKey");
    names.insert(Roles::StatusKey, "statusKey");
    names.insert(Roles::SearchHitKindKey, "hitKind");
    names.insert(Roles::SearchSnippet, "snippet");
    names.insert(Roles::SearchHighlights, "highlights");
    names.insert(Roles::SearchTime, "time");
    names.insert(Roles::SearchContactId, "contactId");
    names.insert(Roles::SearchMessageId, "messageId");
    return names;
}

} // namespace Counterpart::Models
