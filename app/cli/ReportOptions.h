#pragma once

#include "metrics/MetricsFilter.h"

#include <QStringList>

namespace Counterpart {
class Profile;
}

namespace Counterpart::Cli {

/**
 * The options `report` and `export` share: --from / --to (a date, or an ISO date-time; a date
 * given to --to includes that whole day, in UTC) and --agent (a name, case-insensitive, or the
 * agent's server id). Parsed off `arguments`; false with a message on stderr when unusable.
 */
bool takeReportFilter(const QString &command, QStringList &arguments, Profile &profile, Metrics::MetricsFilter *filter);

} // namespace Counterpart::Cli
