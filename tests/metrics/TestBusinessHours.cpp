#include "metrics/BusinessHours.h"
#include "storage/WorkspaceStore.h"
#include "support/TempDataDir.h"

#include <QTest>

using namespace Counterpart;
using Metrics::BusinessHours;

namespace {

qint64 utc(int year, int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute), Qt::UTC).toSecsSinceEpoch();
}

const QTimeZone athens("Europe/Athens");

} // namespace

class TestBusinessHours : public QObject
{
    Q_OBJECT
private slots:
    void alwaysOpenCountsWallClock()
    {
        const BusinessHours hours;
        QCOMPARE(hours.seconds(utc(2024, 3, 1, 9), utc(2024, 3, 4, 9)), qint64(3 * 86400));
        QCOMPARE(hours.seconds(utc(2024, 3, 4, 9), utc(2024, 3, 1, 9)), qint64(0));
    }

    void fridayEveningToMondayMorningIsMinutes()
    {
        // Athens is UTC+2 in winter: 09:00-17:00 local is 07:00-15:00 UTC.
        const BusinessHours hours = BusinessHours::weekdays(athens, 9 * 60, 17 * 60);
        // Friday 16:30 local to Monday 09:15 local: 30 min on Friday, 15 on Monday.
        QCOMPARE(hours.seconds(utc(2024, 3, 1, 14, 30), utc(2024, 3, 4, 7, 15)), qint64(45 * 60));
        // Entirely on a Saturday: nothing.
        QCOMPARE(hours.seconds(utc(2024, 3, 2, 8), utc(2024, 3, 2, 14)), qint64(0));
        // Before opening to after closing on a weekday: the whole 8 hours.
        QCOMPARE(hours.seconds(utc(2024, 3, 5, 0), utc(2024, 3, 5, 23)), qint64(8 * 3600));
    }

    void fullWeekIsFortyHoursAcrossDaylightSaving()
    {
        // Clocks go forward in Athens on Sunday 31 March 2024; the working days around it still
        // have eight hours each, and their windows move by an hour in UTC.
        const BusinessHours hours = BusinessHours::weekdays(athens, 9 * 60, 17 * 60);
        QCOMPARE(hours.seconds(utc(2024, 3, 25, 0), utc(2024, 4, 1, 0)), qint64(40 * 3600));
        QCOMPARE(hours.seconds(utc(2024, 4, 1, 6), utc(2024, 4, 1, 7)), qint64(3600)); // 09:00-10:00 EEST
        QCOMPARE(hours.seconds(utc(2024, 3, 29, 6), utc(2024, 3, 29, 7)), qint64(0));  // 08:00-09:00 EET
        // Asked out of order (the table grows backwards) gives the same answers.
        QCOMPARE(hours.seconds(utc(2023, 12, 29, 14), utc(2024, 1, 2, 8)), qint64(60 * 60 + 60 * 60 + 8 * 3600));
    }

    void weekdayAndHourAreLocal()
    {
        const BusinessHours hours = BusinessHours::weekdays(athens, 9 * 60, 17 * 60);
        int weekday = -1, hour = -1;
        hours.weekdayAndHour(utc(2024, 3, 1, 22, 30), &weekday, &hour); // Saturday 00:30 in Athens
        QCOMPARE(weekday, 5);
        QCOMPARE(hour, 0);
        BusinessHours().weekdayAndHour(utc(2024, 3, 1, 22, 30), &weekday, &hour); // Friday in UTC
        QCOMPARE(weekday, 4);
        QCOMPARE(hour, 22);
    }

    void settingsRoundTripAndBadJsonFallsBack()
    {
        Testing::TempDataDir dir;
        Storage::WorkspaceStore workspace;
        QVERIFY(workspace.open(dir.workspacePath()).ok);
        BusinessHours::Week week{};
        week[0] = {8 * 60, 12 * 60};
        week[5] = {10 * 60, 14 * 60};
        const BusinessHours hours(QTimeZone("Asia/Shanghai"), week);
        QVERIFY(hours.saveTo(workspace));
        QCOMPARE(BusinessHours::fromSettings(workspace), hours);
        QVERIFY(BusinessHours::fromJson("{not json").isAlwaysOpen());
    }
};

QTEST_GUILESS_MAIN(TestBusinessHours)
#include "TestBusinessHours.moc"
