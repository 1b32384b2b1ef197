#pragma once

#include "ConversationSnapshot.h"
#include "Notification.h"
#include "NotificationRules.h"
#include "NotificationThrottle.h"

#include <QHash>
#include <QObject>

#include <functional>

namespace Counterpart::Storage {
class CacheStore;
}

namespace Counterpart::Notify {

/**
 * Watches cache.sqlite for server news that concerns the signed-in agent and raises
 * notifications (see NotificationRules). It remembers the agent's own conversations as they were
 * last seen — the "before" of every change — so each ingest costs one query over the
 * conversations that page touched, never a scan. Changes the agent made here update that memory
 * quietly: nobody is told about their own actions.
 */
class NotificationWatcher : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<qint64()>;           ///< epoch ms
    using FocusProbe = std::function<qint64()>;      ///< the open and focused conversation, or 0

    explicit NotificationWatcher(Storage::CacheStore *cache, Clock clock = {}, QObject *parent = nullptr);

    void setFocusProbe(FocusProbe probe) { m_focus = std::move(probe); }
    /** Off: changes are still followed (so turning it on again starts from now), nothing raised. */
    void setEnabled(bool enabled) { m_enabled = enabled; }
    bool isEnabled() const { return m_enabled; }
    /** Events older than this are history (a first sync), not news. */
    void setMaxAgeSecs(qint64 secs) { m_maxAgeSecs = secs; }

signals:
    void notificationRaised(const Counterpart::Notify::Notification &notification);

private:
    void rememberMine();
    void onIngested(const QList<qint64> &conversationIds);
    void onChangedLocally(const QList<qint64> &conversationIds);
    /** The conversations among `ids` (all when empty) that are assigned to one of `me`. */
    QList<ConversationSnapshot> mineAmong(const QList<qint64> &ids, const QSet<qint64> &me) const;
    QSet<qint64> me() const;
    qint64 nowMs() const;

    Storage::CacheStore *m_cache;
    Clock m_clock;
    FocusProbe m_focus;
    bool m_enabled = true;
    qint64 m_maxAgeSecs = 15 * 60;
    QHash<qint64, ConversationSnapshot> m_mine;
    QHash<qint64, qint64> m_assignedByMeAtMs;
    NotificationThrottle m_throttle;
};

} // namespace Counterpart::Notify
