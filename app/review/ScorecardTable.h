#pragma once

#include "metrics/MetricsReport.h"
#include "ReviewTypes.h"
#include "Rubric.h"

namespace Counterpart::Review {

/**
 * Scorecards as one table (the CSV export, and MetricTableModel if a view wants it): one row per
 * conversation reviewed with its total, LATTE steps ticked, one column per rubric item and the
 * comment. Rubric columns follow the rubric given, so the file matches what the lead configured.
 */
class ScorecardTable
{
public:
    static Metrics::MetricTable build(const QList<Review::Scorecard> &scorecards, const Review::Rubric &rubric);
};

} // namespace Counterpart::Review
