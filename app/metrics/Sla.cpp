#include "Sla.h"

#include "storage/WorkspaceStore.h"

#include <QCoreApplication>

namespace Counterpart::Metrics {

namespace {
constexpr qint64 kMinute = 60;
constexpr qint64 kHour = 60 * kMinute;

QString settingKey(const QString &channelKey)
{
    return QStringLiteral("sla.first_response.") + channelKey;
}
} // namespace

Sla::Sla()
{
    for (const QString &key : channelKeys())
        m_targets.insert(key, defaultTargetSecs(key));
}

QStringList Sla::channelKeys()
{
    return {QStringLiteral("email"),    QStringLiteral("webchat"),   QStringLiteral("whatsapp"),
            QStringLiteral("sms"),      QStringLiteral("facebook"),  QStringLiteral("instagram"),
            QStringLiteral("telegram"), QStringLiteral("phone"),     QStringLiteral("api")};
}

qint64 Sla::defaultTargetSecs(const QString &channelKey)
{
    // Customers on live chat watch the widget; messaging apps are read within the hour; e-mail
    // senders expect a business-hours answer.
    if (channelKey == QLatin1String("email"))
        return 4 * kHour;
    if (channelKey == QLatin1String("webchat"))
        return 15 * kMinute;
    if (channelKey == QLatin1String("whatsapp") || channelKey == QLatin1String("telegram"))
        return 30 * kMinute;
    if (channelKey == QLatin1String("sms") || channelKey == QLatin1String("phone")
        || channelKey == QLatin1String("facebook") || channelKey == QLatin1String("instagram"))
        return kHour;
    return 4 * kHour;
}

qint64 Sla::targetSecs(const QString &channelKey) const
{
    return m_targets.value(channelKey, defaultTargetSecs(channelKey));
}

void Sla::setTargetSecs(const QString &channelKey, qint64 secs)
{
    m_targets.insert(channelKey, std::max<qint64>(60, secs));
}

Sla Sla::fromSettings(const Storage::WorkspaceStore &workspace)
{
    Sla sla;
    for (const QString &key : channelKeys()) {
        bool ok = false;
        const qint64 secs = workspace.setting(settingKey(key)).toLongLong(&ok);
        if (ok && secs > 0)
            sla.setTargetSecs(key, secs);
    }
    return sla;
}

bool Sla::saveTo(Storage::WorkspaceStore &workspace) const
{
    bool ok = true;
    for (auto it = m_targets.cbegin(); it != m_targets.cend(); ++it)
        ok = workspace.setSetting(settingKey(it.key()), QString::number(it.value())) && ok;
    return ok;
}

Sla::Result Sla::evaluate(const QString &channelKey, const QString &statusKey,
                          const QDateTime &waitingSince, const QDateTime &firstReplyAt,
                          const QDateTime &now) const
{
    Result result;
    const bool active = statusKey == QLatin1String("open") || statusKey == QLatin1String("pending");
    if (!active || !waitingSince.isValid() || firstReplyAt.isValid())
        return result;
    const qint64 target = targetSecs(channelKey);
    result.dueAt = waitingSince.addSecs(target);
    const qint64 left = now.secsTo(result.dueAt);
    if (left <= 0)
        result.state = State::Breached;
    else if (left * 4 < target)
        result.state = State::DueSoon;
    else
        result.state = State::Ok;
    return result;
}

QString Sla::waitingText(const QDateTime &since, const QDateTime &now)
{
    if (!since.isValid())
        return QString();
    const qint64 secs = std::max<qint64>(0, since.secsTo(now));
    const qint64 minutes = secs / kMinute;
    if (minutes < 1)
        return QCoreApplication::translate("Sla", "now");
    if (minutes < 60)
        return QCoreApplication::translate("Sla", "%1 min").arg(minutes);
    const qint64 hours = minutes / 60;
    if (hours < 24)
        return QCoreApplication::translate("Sla", "%1 h %2 min")
            .arg(hours)
            .arg(minutes % 60, 2, 10, QLatin1Char('0'));
    return QCoreApplication::translate("Sla", "%1 d %2 h").arg(hours / 24).arg(hours % 24);
}

QString Sla::dueSortExpression() const
{
    QString cases;
    for (const QString &key : channelKeys())
        cases += QStringLiteral(" WHEN '") + key + QStringLiteral("' THEN ")
            + QString::number(targetSecs(key));
    return QStringLiteral("(CASE WHEN c.first_reply_at IS NULL AND c.waiting_since IS NOT NULL"
                          " AND c.status IN ('open','pending') THEN c.waiting_since + CASE i.channel")
        + cases + QStringLiteral(" ELSE ") + QString::number(defaultTargetSecs(QString()))
        + QStringLiteral(" END ELSE 9223372036854775807 END)");
}

} // namespace Counterpart::Metrics
