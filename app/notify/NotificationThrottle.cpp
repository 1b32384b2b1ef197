#include "NotificationThrottle.h"

namespace Counterpart::Notify {

QList<Notification> NotificationThrottle::filter(const QList<Notification> &notifications, qint64 nowMs)
{
    QList<Notification> shown;
    for (const Notification &notification : notifications) {
        const auto last = m_lastShownMs.constFind(notification.conversationId);
        // Being assigned is news even right after a reply in the same conversation.
        const bool quiet = last != m_lastShownMs.constEnd() && nowMs - last.value() < m_cooldownMs
            && notification.kind != Notification::Kind::AssignedToMe;
        if (quiet)
            continue;
        m_lastShownMs.insert(notification.conversationId, nowMs);
        shown.append(notification);
    }
    // Forget what is long past so a day of work does not grow the table.
    for (auto it = m_lastShownMs.begin(); it != m_lastShownMs.end();) {
        if (nowMs - it.value() >= m_cooldownMs)
            it = m_lastShownMs.erase(it);
        else
            ++it;
    }
    return shown;
}

} // namespace Counterpart::Notify
