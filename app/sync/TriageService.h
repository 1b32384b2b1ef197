#pragma once

#include "OutboxOperation.h"
#include "SyncClock.h"
#include "domain/Entities.h"
#include "storage/CacheStore.h"

#include <QObject>
#include <QTimer>

namespace Counterpart::Sync {

class OutboxStore;

/**
 * The agent's triage actions on one or many conversations. Each action shows at once (an
 * optimistic change of cache.sqlite) and queues one outbox operation per conversation, so it
 * reaches the server when the network allows. Resolve can be undone for a few seconds: its
 * operations wait in memory for that long before they are queued, and undo restores the rows.
 * The next sync from the server overwrites the optimistic state with the server's truth.
 */
class TriageService : public QObject
{
    Q_OBJECT
public:
    TriageService(Storage::CacheStore *cache, OutboxStore *outbox, QObject *parent = nullptr);
    ~TriageService() override;

    /** How long resolve can be undone (5 s by default). */
    void setUndoDelayMs(int ms) { m_undoDelayMs = std::max(0, ms); }
    int undoDelayMs() const { return m_undoDelayMs; }

    bool resolve(const QList<qint64> &conversationIds);
    bool reopen(const QList<qint64> &conversationIds);
    /** Snoozed until `until`; an invalid time means until the customer replies. */
    bool snooze(const QList<qint64> &conversationIds, const QDateTime &until);
    /** Local agent and team ids; 0 = nobody. */
    bool assign(const QList<qint64> &conversationIds, qint64 agentId, qint64 teamId = 0);
    /** Assigns to the signed-in agent of each conversation's source. */
    bool assignToMe(const QList<qint64> &conversationIds);
    /** Adds and removes labels; each conversation's operation carries its full resulting set. */
    bool changeLabels(const QList<qint64> &conversationIds, const QStringList &add,
                      const QStringList &remove);
    bool setPriority(const QList<qint64> &conversationIds, Domain::Priority priority);
    bool markUnread(const QList<qint64> &conversationIds);

    bool canUndo() const { return !m_pending.isEmpty(); }
    /** Takes back the resolve still in its undo window: rows restored, nothing queued. */
    bool undo();
    /** Queues the resolve in its undo window now (closing the window, at quit). */
    void commitPending();

signals:
    /** A resolve of `count` conversations can be undone for undoDelayMs(). */
    void undoAvailable(int count);
    /** The undo window closed: undone or committed. */
    void undoClosed();
    void failed(const QString &message);

private:
    struct Target
    {
        Domain::Conversation conversation;
        QString sourceUid;
    };
    QList<Target> targets(const QList<qint64> &conversationIds) const;
    OutboxOperation operation(const Target &target, OutboxOperation::Kind kind,
                              const QJsonObject &payload) const;
    bool apply(const QList<Storage::CacheStore::LocalChange> &changes);
    bool enqueueAll(const QList<OutboxOperation> &operations);
    qint64 remoteAgentId(qint64 localAgentId) const;
    qint64 remoteTeamId(qint64 localTeamId) const;

    Storage::CacheStore *m_cache;
    OutboxStore *m_outbox;
    int m_undoDelayMs = 5000;
    QTimer m_undoTimer;
    QList<OutboxOperation> m_pending;
    QList<Storage::CacheStore::LocalChange> m_revert;
};

} // namespace Counterpart::Sync
