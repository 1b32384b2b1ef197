#pragma once

#include <QDateTime>
#include <QString>

namespace Counterpart::Ui {

/** Short, glanceable times for lists ("now", "5 min", "3 h", "Mon", "12 Nov", "2023"). */
class TimeText
{
public:
    static QString relative(const QDateTime &time, const QDateTime &now);
    /** "2 h 05 min", "3 d 4 h": how long a customer has been waiting. */
    static QString duration(qint64 seconds);
    static QString fileSize(qint64 bytes);
    /** Date and time to the minute in the UI locale: "23 Nov 2026 18:07". */
    static QString dateTime(const QDateTime &time);
    /** Time of day to the minute: "18:07" (the C locale's short format has seconds). */
    static QString clock(const QTime &time);
};

} // namespace Counterpart::Ui
