#pragma once

#include "SyncClock.h"

#include <QObject>
#include <QTimer>

namespace Counterpart::Storage {
class CacheStore;
}

namespace Counterpart::Sync {

/**
 * Reopens snoozed conversations locally when they wake, as the server does, so the inbox is right
 * while offline: when snoozed_until has passed, and when the customer writes again (which also
 * covers "until the customer replies", stored as snoozed without a time). The server's next sync
 * confirms it; nothing is queued in the outbox because the server wakes them by itself.
 */
class SnoozeWaker : public QObject
{
    Q_OBJECT
public:
    SnoozeWaker(Storage::CacheStore *cache, SyncClock clock = systemClock(), QObject *parent = nullptr);

    /** Reopens every conversation whose wake-up is due; returns how many. */
    int wakeDue();
    /** Checks again after this long (and after every cache change); 30 s by default. */
    void setInterval(int ms) { m_timer.setInterval(ms); }

signals:
    void woke(const QList<qint64> &conversationIds);

private:
    qint64 newestMessageId() const;

    Storage::CacheStore *m_cache;
    SyncClock m_clock;
    QTimer m_timer;
    qint64 m_seenMessageId = 0; ///< messages up to here were there before; newer ones are replies
    bool m_waking = false;
};

} // namespace Counterpart::Sync
