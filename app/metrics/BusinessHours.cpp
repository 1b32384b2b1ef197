#include "BusinessHours.h"

#include "storage/WorkspaceStore.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace Counterpart::Metrics {

namespace {

constexpr qint64 kDaySecs = 86400;
const QString settingsKey = QStringLiteral("metrics.business_hours");

qint64 floorDiv(qint64 a, qint64 b)
{
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

qint64 localInstant(const QDate &date, int minute, const QTimeZone &zone)
{
    if (minute >= 24 * 60)
        return QDateTime(date.addDays(1), QTime(0, 0), zone).toSecsSinceEpoch();
    return QDateTime(date, QTime(minute / 60, minute % 60), zone).toSecsSinceEpoch();
}

} // namespace

BusinessHours::BusinessHours()
    : m_zone(QTimeZone::utc())
{
}

BusinessHours::BusinessHours(const QTimeZone &zone, const Week &week)
    : m_alwaysOpen(false)
    , m_zone(zone.isValid() ? zone : QTimeZone::utc())
    , m_week(week)
    , m_standardOffset(m_zone.standardTimeOffset(QDateTime::currentDateTimeUtc()))
{
    for (Window &window : m_week) {
        window.openMinute = std::clamp(window.openMinute, 0, 24 * 60);
        window.closeMinute = std::clamp(window.closeMinute, window.openMinute, 24 * 60);
    }
}

BusinessHours BusinessHours::alwaysOpen(const QTimeZone &zone)
{
    BusinessHours hours;
    hours.m_zone = zone.isValid() ? zone : QTimeZone::utc();
    hours.m_standardOffset = hours.m_zone.standardTimeOffset(QDateTime::currentDateTimeUtc());
    return hours;
}

BusinessHours BusinessHours::weekdays(const QTimeZone &zone, int openMinute, int closeMinute)
{
    Week week{};
    for (int day = 0; day < 5; ++day)
        week[day] = {openMinute, closeMinute};
    return BusinessHours(zone, week);
}

qint64 BusinessHours::seconds(qint64 fromSecs, qint64 toSecs) const
{
    if (toSecs <= fromSecs)
        return 0;
    if (m_alwaysOpen)
        return toSecs - fromSecs;
    // Cover both days first: growing the table backwards renumbers the running totals.
    dayIndex(fromSecs);
    dayIndex(toSecs);
    return cumulative(toSecs) - cumulative(fromSecs);
}

void BusinessHours::weekdayAndHour(qint64 secs, int *weekday, int *hour) const
{
    if (m_alwaysOpen && m_zone == QTimeZone::utc()) {
        const qint64 day = floorDiv(secs, kDaySecs);
        *weekday = int(((day + 3) % 7 + 7) % 7); // 1970-01-01 was a Thursday
        *hour = int((secs - day * kDaySecs) / 3600);
        return;
    }
    const Day &day = m_days[dayIndex(secs)];
    const qint64 localDay = m_firstDay + (&day - m_days.constData());
    *weekday = int(((localDay + 3) % 7 + 7) % 7);
    // Hours are counted from local midnight, so the repeated hour of a DST change joins its twin.
    *hour = std::clamp(int((secs - day.startUtc) / 3600), 0, 23);
}

qint64 BusinessHours::cumulative(qint64 secs) const
{
    const Day &day = m_days[dayIndex(secs)];
    return day.totalBefore + std::clamp(secs - day.openUtc, qint64(0), day.closeUtc - day.openUtc);
}

int BusinessHours::dayIndex(qint64 secs) const
{
    // A guess from the zone's standard offset; daylight saving can put it one day off either way.
    const qint64 guess = floorDiv(secs + m_standardOffset, kDaySecs);
    growTo(guess - 1);
    growTo(guess + 1);
    int index = int(guess - m_firstDay);
    while (index > 0 && secs < m_days[index].startUtc)
        --index;
    while (index + 1 < m_days.size() && secs >= m_days[index + 1].startUtc)
        ++index;
    return index;
}

void BusinessHours::growTo(qint64 localDay) const
{
    if (m_days.isEmpty()) {
        m_firstDay = localDay;
        m_days.append(makeDay(localDay));
        return;
    }
    const qint64 lastDay = m_firstDay + m_days.size() - 1;
    if (localDay > lastDay) {
        for (qint64 day = lastDay + 1; day <= localDay; ++day) {
            const Day &previous = m_days.constLast();
            Day next = makeDay(day);
            next.totalBefore = previous.totalBefore + (previous.closeUtc - previous.openUtc);
            m_days.append(next);
        }
    } else if (localDay < m_firstDay) {
        QVector<Day> earlier;
        for (qint64 day = localDay; day < m_firstDay; ++day)
            earlier.append(makeDay(day));
        m_days = earlier + m_days;
        m_firstDay = localDay;
        qint64 total = 0;
        for (Day &day : m_days) {
            day.totalBefore = total;
            total += day.closeUtc - day.openUtc;
        }
    }
}

BusinessHours::Day BusinessHours::makeDay(qint64 localDay) const
{
    const QDate date = QDate(1970, 1, 1).addDays(localDay);
    const Window &window = m_week[date.dayOfWeek() - 1];
    Day day;
    day.startUtc = localInstant(date, 0, m_zone);
    day.openUtc = localInstant(date, window.openMinute, m_zone);
    day.closeUtc = std::max(day.openUtc, localInstant(date, window.closeMinute, m_zone));
    return day;
}

QByteArray BusinessHours::toJson() const
{
    QJsonArray week;
    for (const Window &window : m_week)
        week.append(QJsonArray{window.openMinute, window.closeMinute});
    const QJsonObject root{{QStringLiteral("always_open"), m_alwaysOpen},
                           {QStringLiteral("zone"), QString::fromUtf8(m_zone.id())},
                           {QStringLiteral("week"), week}};
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

BusinessHours BusinessHours::fromJson(const QByteArray &json)
{
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    const QJsonArray days = root.value(QStringLiteral("week")).toArray();
    const QTimeZone zone(root.value(QStringLiteral("zone")).toString().toUtf8());
    if (root.value(QStringLiteral("always_open")).toBool(true) || days.size() != 7)
        return alwaysOpen(zone);
    Week week{};
    for (int i = 0; i < 7; ++i) {
        const QJsonArray pair = days.at(i).toArray();
        week[i] = {pair.at(0).toInt(), pair.at(1).toInt()};
    }
    return BusinessHours(zone, week);
}

BusinessHours BusinessHours::fromSettings(const Storage::WorkspaceStore &workspace)
{
    return fromJson(workspace.setting(settingsKey).toUtf8());
}

bool BusinessHours::saveTo(Storage::WorkspaceStore &workspace) const
{
    return workspace.setSetting(settingsKey, QString::fromUtf8(toJson()));
}

} // namespace Counterpart::Metrics
