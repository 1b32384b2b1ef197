#pragma once

#include "domain/Entities.h"
#include "search/SearchIndex.h"

#include <QAbstractListModel>

#include <optional>

namespace Counterpart::Storage {
class CacheStore;
}

namespace Counterpart::Models {

/**
 * Results of SearchIndex::searchConversations() as a list: one row per conversation (its newest
 * matching message) followed by matching contacts. Snippets are plain text; the highlighted
 * stretches come as ranges (Roles::SearchHighlights) so a delegate never renders user text as HTML.
 */
class SearchResultModel : public QAbstractListModel
{
    Q_OBJECT
public:
    explicit SearchResultModel(Storage::CacheStore *cache, QObject *parent = nullptr);

    /** Runs the search now (callers debounce); an empty query clears the list. */
    void setQuery(const QString &query);
    QString query() const { return m_query; }
    void setChannelFilter(std::optional<Domain::ChannelKind> channel);
    void setStatusFilter(std::optional<Domain::ConversationStatus> status);
    void setLimit(int limit);
    /** Runs the current query again (after filters changed or the cache was updated). */
    void refresh();

    Search::SearchHit hit(int row) const { return m_hits.value(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    /** A search ran: `count` rows for `query` (after filters). */
    void searched(const QString &query, int count);

private:
    Storage::CacheStore *m_cache;
    QString m_query;
    Search::SearchOptions m_options;
    QList<Search::SearchHit> m_hits;
};

} // namespace Counterpart::Models
