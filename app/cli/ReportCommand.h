#pragma once

#include "metrics/MetricsFilter.h"
#include "metrics/MetricsReport.h"

#include <QStringList>

namespace Counterpart {
class Profile;
}

namespace Counterpart::Cli {

/** `counterpart-cli report [--from D] [--to D] [--agent NAME] [--format csv|json] [--data-dir DIR]` */
int runReport(const QStringList &arguments);

/** The dashboard for a filter with the profile's business hours, SLA targets and review scores. */
bool computeReport(Profile &profile, const Metrics::MetricsFilter &filter, Metrics::MetricsReport *report, QString *error);

} // namespace Counterpart::Cli
