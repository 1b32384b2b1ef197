#pragma once

#include <QDateTime>
#include <QList>
#include <QStringList>

namespace Counterpart::Metrics {

/**
 * Which conversations the dashboard counts. Dimensions are cache rowids (agents are the
 * conversation's assignee); an empty list means "all". The date range is half-open [from, to);
 * an invalid end is open. Each metric dates a conversation by its own event: see docs/METRICS.md.
 */
struct MetricsFilter
{
    QDateTime from;
    QDateTime to;
    QList<qint64> agentIds;
    QList<qint64> teamIds;
    QList<qint64> inboxIds;
    QStringList channels; ///< channel keys: "email", "whatsapp", ...
    QStringList labels;   ///< label titles

    friend bool operator==(const MetricsFilter &, const MetricsFilter &) = default;
};

} // namespace Counterpart::Metrics
