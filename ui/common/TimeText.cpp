#include "TimeText.h"

#include <QCoreApplication>
#include <QLocale>

namespace Counterpart::Ui {

QString TimeText::relative(const QDateTime &time, const QDateTime &now)
{
    if (!time.isValid())
        return QString();
    const qint64 seconds = time.secsTo(now);
    if (seconds < 60)
        return QCoreApplication::translate("TimeText", "now");
    if (seconds < 3600)
        return QCoreApplication::translate("TimeText", "%1 min").arg(seconds / 60);
    if (seconds < 24 * 3600)
        return QCoreApplication::translate("TimeText", "%1 h").arg(seconds / 3600);
    const QDateTime local = time.toLocalTime();
    if (seconds < 6 * 24 * 3600)
        return QLocale().dayName(local.date().dayOfWeek(), QLocale::ShortFormat);
    if (local.date().year() == now.toLocalTime().date().year())
        return QLocale().toString(local.date(), QStringLiteral("d MMM"));
    return QString::number(local.date().year());
}

QString TimeText::duration(qint64 seconds)
{
    seconds = std::max<qint64>(0, seconds);
    if (seconds < 3600)
        return QCoreApplication::translate("TimeText", "%1 min").arg(seconds / 60);
    if (seconds < 24 * 3600)
        return QCoreApplication::translate("TimeText", "%1 h %2 min")
            .arg(seconds / 3600)
            .arg((seconds % 3600) / 60, 2, 10, QLatin1Char('0'));
    return QCoreApplication::translate("TimeText", "%1 d %2 h").arg(seconds / 86400).arg((seconds % 86400) / 3600);
}

QString TimeText::fileSize(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace Counterpart::Ui

namespace Counterpart::Ui {

QString TimeText::clock(const QTime &time)
{
    QString format = QLocale().timeFormat(QLocale::ShortFormat);
    format.remove(QStringLiteral(":ss"));
    return QLocale().toString(time, format);
}

QString TimeText::dateTime(const QDateTime &time)
{
    if (!time.isValid())
        return QString();
    const QDateTime local = time.toLocalTime();
    return QLocale().toString(local.date(), QStringLiteral("d MMM yyyy")) + QLatin1Char(' ') + clock(local.time());
}

} // namespace Counterpart::Ui
