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
};

} // namespace Counterpart::Ui
