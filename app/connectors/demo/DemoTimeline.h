#pragma once

#include <QDateTime>
#include <QList>

namespace Counterpart::Connectors::Demo {

/**
 * When conversations start: about 13 months before `now`, growing over time, quieter at weekends,
 * with the holiday surge (late November to Christmas, peaking around Black Friday) and a smaller
 * wave of returns in early January. Times are sorted and all before `now`.
 */
class DemoTimeline
{
public:
    static constexpr int kDays = 400;

    DemoTimeline(quint64 seed, const QDateTime &now, int conversations);

    const QList<qint64> &creationTimes() const { return m_times; } ///< seconds since epoch, sorted
    static bool isPeakSeason(const QDate &date);
    static double dayWeight(const QDate &date, int dayIndex);

private:
    QList<qint64> m_times;
};

} // namespace Counterpart::Connectors::Demo
