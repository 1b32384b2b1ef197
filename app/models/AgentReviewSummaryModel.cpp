#include "AgentReviewSummaryModel.h"

#include "ItemRoles.h"

#include <QLocale>

namespace Counterpart::Models {

AgentReviewSummaryModel::AgentReviewSummaryModel(Storage::ReviewStore *reviews, QObject *parent)
    : QAbstractTableModel(parent)
    , m_reviews(reviews)
{
    connect(m_reviews, &Storage::ReviewStore::changed, this, &AgentReviewSummaryModel::reload);
    reload();
}

void AgentReviewSummaryModel::setNow(const QDateTime &now)
{
    m_now = now;
    reload();
}

void AgentReviewSummaryModel::setWeeks(int weeks)
{
    m_weeks = std::max(1, weeks);
    reload();
}

QDateTime AgentReviewSummaryModel::effectiveNow() const
{
    return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
}

void AgentReviewSummaryModel::reload()
{
    beginResetModel();
    const QDateTime now = effectiveNow();
    m_summaries = m_reviews->agentSummaries(now, m_weeks);
    m_trends.clear();
    // The store lists only weeks that have reviews; the sparkline needs every week in place.
    const QDate today = now.toUTC().date();
    const QDate thisMonday = today.addDays(1 - today.dayOfWeek());
    const QDate firstMonday = thisMonday.addDays(-7 * (m_weeks - 1));
    for (const auto &summary : std::as_const(m_summaries)) {
        QVariantList values(m_weeks, -1.0);
        for (const auto &week : summary.weeks) {
            const qint64 slot = firstMonday.daysTo(week.weekStart) / 7;
            if (slot >= 0 && slot < m_weeks)
                values[slot] = week.average;
        }
        m_trends.append(values);
    }
    endResetModel();
}

QVariantList AgentReviewSummaryModel::trend(int row) const
{
    return row >= 0 && row < m_trends.size() ? m_trends.at(row) : QVariantList();
}

double AgentReviewSummaryModel::trendChange(int row) const
{
    if (row < 0 || row >= m_summaries.size())
        return 0;
    const auto &weeks = m_summaries.at(row).weeks;
    return weeks.size() < 2 ? 0 : weeks.last().average - weeks.at(weeks.size() - 2).average;
}

int AgentReviewSummaryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_summaries.size());
}

int AgentReviewSummaryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AgentReviewSummaryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &summary = m_summaries.at(index.row());
    const QLocale locale;
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case Agent: return summary.agentName;
        case Reviews: return summary.reviews;
        case Average: return locale.toString(summary.average, 'f', 0);
        case Trend: {
            if (summary.weeks.size() < 2)
                return tr("—");
            const double change = trendChange(index.row());
            const QString arrow = change > 0.5 ? QStringLiteral("▲ +") : change < -0.5 ? QStringLiteral("▼ ") : QStringLiteral("● ");
            return QString(arrow + locale.toString(change, 'f', 0));
        }
        case ColumnCount: break;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Trend)
            return tr("Weekly average over the last %n week(s); the figure compares the latest reviewed week with the one before", nullptr, m_weeks);
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == Agent ? QVariant() : QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
    case Roles::AgentReviewTrend: return trend(index.row());
    case Roles::AgentReviewCount: return summary.reviews;
    case Roles::AgentReviewAverage: return summary.average;
    case Roles::SourceUid: return summary.sourceUid;
    case Roles::RemoteId: return summary.agentRemoteId;
    default: return {};
    }
}

QVariant AgentReviewSummaryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Agent: return tr("Agent");
    case Reviews: return tr("Reviews");
    case Average: return tr("Average");
    case Trend: return tr("Trend");
    case ColumnCount: break;
    }
    return {};
}

} // namespace Counterpart::Models
