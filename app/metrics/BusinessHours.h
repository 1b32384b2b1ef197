#pragma once

#include <QByteArray>
#include <QTimeZone>
#include <QVector>

#include <array>

namespace Counterpart::Storage {
class WorkspaceStore;
}

namespace Counterpart::Metrics {

/**
 * The team's opening hours: one window per weekday in one time zone. seconds(a, b) counts only
 * the time inside those windows, so a customer who writes on Friday evening and gets an answer on
 * Monday morning waited minutes of business time, not a weekend. "Always open" (the default)
 * counts wall-clock seconds.
 *
 * Calls are O(log days) after a per-day table (local midnight, window in UTC, running total) is
 * filled for the days touched; daylight-saving changes are handled by QTimeZone when a day is
 * added to the table. Not thread-safe: one instance per thread (the table is a cache).
 */
class BusinessHours
{
public:
    struct Window
    {
        int openMinute = 0;  ///< minutes after local midnight
        int closeMinute = 0; ///< exclusive; equal to openMinute: closed that day
        friend bool operator==(const Window &, const Window &) = default;
    };
    using Week = std::array<Window, 7>; ///< Monday first, like Qt::DayOfWeek - 1

    BusinessHours(); ///< always open, UTC
    BusinessHours(const QTimeZone &zone, const Week &week);

    /** Wall-clock seconds; the zone still places the traffic heatmap's hours. */
    static BusinessHours alwaysOpen(const QTimeZone &zone = QTimeZone::utc());
    /** Monday to Friday, open to close (e.g. 9:00-17:00), in zone. */
    static BusinessHours weekdays(const QTimeZone &zone, int openMinute, int closeMinute);

    bool isAlwaysOpen() const { return m_alwaysOpen; }
    QTimeZone zone() const { return m_zone; }
    const Week &week() const { return m_week; }

    /** Business seconds in [fromSecs, toSecs) (epoch seconds); 0 when toSecs <= fromSecs. */
    qint64 seconds(qint64 fromSecs, qint64 toSecs) const;

    /** Local weekday (0 = Monday) and hour of an instant in this zone, for the traffic heatmap. */
    void weekdayAndHour(qint64 secs, int *weekday, int *hour) const;

    QByteArray toJson() const;
    /** Unknown or broken documents give "always open": metrics must still show. */
    static BusinessHours fromJson(const QByteArray &json);
    static BusinessHours fromSettings(const Storage::WorkspaceStore &workspace);
    bool saveTo(Storage::WorkspaceStore &workspace) const;

    friend bool operator==(const BusinessHours &a, const BusinessHours &b)
    {
        return a.m_alwaysOpen == b.m_alwaysOpen && a.m_zone == b.m_zone && a.m_week == b.m_week;
    }

private:
    struct Day
    {
        qint64 startUtc = 0;  ///< local midnight
        qint64 openUtc = 0;
        qint64 closeUtc = 0;  ///< == openUtc when closed
        qint64 totalBefore = 0; ///< business seconds of all earlier days in the table
    };

    qint64 cumulative(qint64 secs) const; ///< business seconds from the table's first day to secs
    int dayIndex(qint64 secs) const;      ///< index into m_days, growing the table as needed
    void growTo(qint64 localDay) const;
    Day makeDay(qint64 localDay) const;

    bool m_alwaysOpen = true;
    QTimeZone m_zone;
    Week m_week{};
    int m_standardOffset = 0; ///< seconds east of UTC, looked up once: QTimeZone is slow per call
    mutable QVector<Day> m_days;
    mutable qint64 m_firstDay = 0; ///< local day number (days since 1970-01-01) of m_days[0]
};

} // namespace Counterpart::Metrics
