#include "DemoTimeline.h"

#include "DemoRandom.h"

#include <algorithm>
#include <cmath>

namespace Counterpart::Connectors::Demo {

bool DemoTimeline::isPeakSeason(const QDate &date)
{
    return (date.month() == 11 && date.day() >= 20) || (date.month() == 12 && date.day() <= 27);
}

double DemoTimeline::dayWeight(const QDate &date, int dayIndex)
{
    double weight = 0.6 + 0.8 * double(dayIndex) / kDays; // the business grows
    if (date.dayOfWeek() >= 6)
        weight *= 0.65;
    if (isPeakSeason(date)) {
        weight *= 3.0;
        // The days after Black Friday and Cyber Monday are the worst of it.
        if (date.month() == 11 && date.day() >= 25)
            weight *= 1.4;
    } else if (date.month() == 1 && date.day() <= 10) {
        weight *= 1.6;
    }
    return weight;
}

DemoTimeline::DemoTimeline(quint64 seed, const QDateTime &now, int conversations)
{
    DemoRandom rng(DemoRandom::mix(seed, 0x71AE));
    const qint64 nowSecs = now.toSecsSinceEpoch();
    const qint64 todayStart = nowSecs - nowSecs % 86400;
    const qint64 elapsedToday = std::max<qint64>(nowSecs - todayStart, 1);
    const qint64 firstDay = todayStart - qint64(kDays - 1) * 86400;

    QList<double> cumulative;
    cumulative.reserve(kDays);
    double total = 0;
    for (int d = 0; d < kDays; ++d) {
        const qint64 start = firstDay + qint64(d) * 86400;
        double weight = dayWeight(QDateTime::fromSecsSinceEpoch(start, Qt::UTC).date(), d);
        if (d == kDays - 1)
            weight *= double(elapsedToday) / 86400.0; // today is not over yet
        total += weight;
        cumulative.append(total);
    }

    // Exact total: each day gets the difference of rounded cumulative shares.
    m_times.reserve(conversations);
    qint64 assigned = 0;
    QList<qint64> day;
    for (int d = 0; d < kDays; ++d) {
        const qint64 upTo = std::llround(double(conversations) * cumulative.at(d) / total);
        const qint64 count = upTo - assigned;
        assigned = upTo;
        const qint64 start = firstDay + qint64(d) * 86400;
        const qint64 length = d == kDays - 1 ? std::max<qint64>(elapsedToday - 60, 1) : 86400;
        day.clear();
        for (qint64 i = 0; i < count; ++i) {
            // Customers of every time zone write; a mild bump in the (UTC) working day.
            qint64 offset = rng.below(length);
            if (length == 86400 && rng.chance(0.35))
                offset = rng.between(7 * 3600, 17 * 3600);
            day.append(start + offset);
        }
        std::sort(day.begin(), day.end());
        m_times.append(day);
    }
}

} // namespace Counterpart::Connectors::Demo
