#pragma once

#include "ConversationFilter.h"
#include "metrics/Sla.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QSqlDatabase>
#include <QVector>

namespace Counterpart::Storage {
class CacheStore;
}

namespace Counterpart::Models {

/**
 * The conversation list: a window over SQL, read page by page with keyset pagination so the
 * first page costs the same at 100 conversations as at 100,000. Views pull more pages through
 * canFetchMore()/fetchMore() as the agent scrolls.
 */
class ConversationListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum class Sort { LastActivity, LongestWaiting, Priority, SlaDue };

    explicit ConversationListModel(Storage::CacheStore *cache, QObject *parent = nullptr);

    void setFilter(const ConversationFilter &filter);
    ConversationFilter filter() const { return m_filter; }
    void setSort(Sort sort);
    Sort sort() const { return m_sort; }
    /** First-response targets for the SLA roles and the SlaDue sort; reloads. */
    void setSla(const Metrics::Sla &sla);
    const Metrics::Sla &sla() const { return m_sla; }
    /** The clock for SLA and waiting roles; invalid = the real time (screenshots pin it). */
    void setNow(const QDateTime &now) { m_now = now; }
    /** Rows per page; reloads from the first page. */
    void setPageSize(int rows);

    /** Reloads from SQL, keeping as many rows loaded as before (after a sync page, say). */
    void reload();

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    qint64 conversationIdAt(int row) const;
    int rowOfConversation(qint64 conversationId) const;

private:
    struct Row
    {
        qint64 id = 0;
        qint64 remoteId = 0;
        QString sourceUid;
        QString customerName;
        QString channelKey;
        QString inboxName;
        QString subject;
        QString preview;
        QString statusKey;
        QString assigneeName;
        QString language;
        QStringList labels;
        qint64 lastActivity = 0;
        qint64 waitingSince = 0;
        qint64 firstReplyAt = 0;
        qint64 slaDue = 0; ///< the SlaDue sort key
        int priority = 0;
        int unread = 0;
    };
    QVector<Row> loadPage(const Row *after, int limit) const;
    QString orderBy() const;
    QString keysetCondition() const;
    void resetTo(QVector<Row> rows, int requested);
    QVariantList keysetValues(const Row &row) const;
    QDateTime now() const;

    Storage::CacheStore *m_cache;
    Metrics::Sla m_sla;
    QDateTime m_now;
    ConversationFilter m_filter;
    Sort m_sort = Sort::LastActivity;
    QVector<Row> m_rows;
    int m_pageSize = 100;
    bool m_exhausted = false;
    bool m_announcing = false; ///< inside a reset or insert notification
};

} // namespace Counterpart::Models
