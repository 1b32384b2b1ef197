#include "ReportOptions.h"

#include "CommandLine.h"
#include "common/Profile.h"

namespace Counterpart::Cli {

namespace {

bool parseInstant(const QString &text, bool endOfDay, QDateTime *result)
{
    if (text.isEmpty())
        return true;
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (date.isValid()) {
        *result = QDateTime(endOfDay ? date.addDays(1) : date, QTime(0, 0), Qt::UTC);
        return true;
    }
    *result = QDateTime::fromString(text, Qt::ISODate);
    return result->isValid();
}

} // namespace

bool takeReportFilter(const QString &command, QStringList &arguments, Profile &profile, Metrics::MetricsFilter *filter)
{
    const QString from = takeOption(arguments, QStringLiteral("from"));
    const QString to = takeOption(arguments, QStringLiteral("to"));
    if (!parseInstant(from, false, &filter->from) || !parseInstant(to, true, &filter->to)) {
        err() << command << ": --from and --to take a date (2024-03-01) or a date and time (2024-03-01T09:00:00Z).\n";
        return false;
    }
    const QString agent = takeOption(arguments, QStringLiteral("agent"));
    if (!agent.isEmpty()) {
        bool numeric = false;
        const qint64 remoteId = agent.toLongLong(&numeric);
        for (const Domain::Agent &candidate : profile.cache()->agents()) {
            if ((numeric && candidate.remoteId == remoteId) || candidate.name.compare(agent, Qt::CaseInsensitive) == 0)
                filter->agentIds.append(candidate.id);
        }
        if (filter->agentIds.isEmpty()) {
            err() << command << ": no agent called \"" << agent << "\" in this workspace.\n";
            return false;
        }
    }
    return true;
}

} // namespace Counterpart::Cli
