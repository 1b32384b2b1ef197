#pragma once

#include "storage/ReviewStore.h"

#include <QAbstractTableModel>

namespace Counterpart::Models {

/**
 * Reviews per agent: how many, the average score and its weekly trend over the last weeks
 * (Roles::AgentReviewTrend, one value per week, -1 for a week without reviews), re-read when the
 * ReviewStore changes. The trend column says where the latest reviewed week stands against the
 * one before it.
 */
class AgentReviewSummaryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Agent, Reviews, Average, Trend, ColumnCount };

    AgentReviewSummaryModel(Storage::ReviewStore *reviews, QObject *parent = nullptr);

    /** Weeks are counted back from `now` (invalid: the current time). */
    void setNow(const QDateTime &now);
    void setWeeks(int weeks);
    void reload();
    const QList<Storage::ReviewStore::AgentSummary> &summaries() const { return m_summaries; }

    /** Weekly averages oldest first, -1 for weeks without reviews. */
    QVariantList trend(int row) const;
    /** Latest reviewed week minus the reviewed week before it; 0 with fewer than two. */
    double trendChange(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QDateTime effectiveNow() const;

    Storage::ReviewStore *m_reviews;
    QDateTime m_now;
    int m_weeks = 8;
    QList<Storage::ReviewStore::AgentSummary> m_summaries;
    QList<QVariantList> m_trends;
};

} // namespace Counterpart::Models
