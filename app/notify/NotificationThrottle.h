#pragma once

#include "Notification.h"

#include <QHash>

namespace Counterpart::Notify {

/**
 * Coalesces bursts over time: a customer who sends five chat lines in a minute arrives as five
 * realtime events, and the agent needs one notification, not five. A conversation (or the
 * summary) that was notified less than `cooldownMs` ago stays quiet. Time is passed in.
 */
class NotificationThrottle
{
public:
    explicit NotificationThrottle(qint64 cooldownMs = 60 * 1000) : m_cooldownMs(cooldownMs) {}

    /** The notifications to show now; remembers them as shown at `nowMs`. */
    QList<Notification> filter(const QList<Notification> &notifications, qint64 nowMs);

private:
    QHash<qint64, qint64> m_lastShownMs; ///< conversation id (0: summary) -> epoch ms
    qint64 m_cooldownMs;
};

} // namespace Counterpart::Notify
