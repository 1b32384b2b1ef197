#include "TriageService.h"

#include "OutboxStore.h"

#include <QJsonArray>
#include <QSet>

namespace Counterpart::Sync {

using Kind = OutboxOperation::Kind;
using LocalChange = Storage::CacheStore::LocalChange;

namespace {
QVariant secsOrNull(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toSecsSinceEpoch()) : QVariant(QMetaType(QMetaType::LongLong));
}
QVariant idOrNull(qint64 id)
{
    return id ? QVariant(id) : QVariant(QMetaType(QMetaType::LongLong));
}
} // namespace

TriageService::TriageService(Storage::CacheStore *cache, OutboxStore *outbox, QObject *parent)
    : QObject(parent)
    , m_cache(cache)
    , m_outbox(outbox)
{
    m_undoTimer.setSingleShot(true);
    connect(&m_undoTimer, &QTimer::timeout, this, &TriageService::commitPending);
}

TriageService::~TriageService()
{
    // Quitting inside the undo window keeps the resolve: the agent saw it happen.
    commitPending();
}

QList<TriageService::Target> TriageService::targets(const QList<qint64> &conversationIds) const
{
    QHash<qint64, QString> uids;
    for (const auto &source : m_cache->sources())
        uids.insert(source.id, source.uid);
    QList<Target> result;
    QSet<qint64> seen;
    for (const qint64 id : conversationIds) {
        if (seen.contains(id))
            continue;
        seen.insert(id);
        if (auto conversation = m_cache->conversation(id))
            result.append({*conversation, uids.value(conversation->sourceId)});
    }
    return result;
}

OutboxOperation TriageService::operation(const Target &target, Kind kind, const QJsonObject &payload) const
{
    OutboxOperation op;
    op.sourceUid = target.sourceUid;
    op.conversationRemoteId = target.conversation.remoteId;
    op.kind = kind;
    op.payload = payload;
    return op;
}

bool TriageService::apply(const QList<LocalChange> &changes)
{
    if (changes.isEmpty())
        return false;
    if (!m_cache->applyLocalChanges(changes)) {
        emit failed(tr("The change could not be saved on this computer."));
        return false;
    }
    return true;
}

bool TriageService::enqueueAll(const QList<OutboxOperation> &operations)
{
    bool ok = true;
    for (const auto &op : operations) {
        if (m_outbox && m_outbox->enqueue(op) == 0)
            ok = false;
    }
    if (!ok)
        emit failed(tr("Some changes could not be queued for the server."));
    return ok;
}

static LocalChange statusChange(const Domain::Conversation &c)
{
    return {c.id,
            {{QStringLiteral("status"), Domain::statusKey(c.status)},
             {QStringLiteral("snoozed_until"), secsOrNull(c.snoozedUntil)}},
            std::nullopt};
}

bool TriageService::resolve(const QList<qint64> &conversationIds)
{
    // One undo window at a time: an earlier resolve is final once the agent moves on.
    commitPending();
    QList<LocalChange> changes;
    QList<LocalChange> revert;
    QList<OutboxOperation> ops;
    for (const auto &target : targets(conversationIds)) {
        if (target.conversation.status == Domain::ConversationStatus::Resolved)
            continue;
        revert.append(statusChange(target.conversation));
        changes.append({target.conversation.id,
                        {{QStringLiteral("status"), QStringLiteral("resolved")},
                         {QStringLiteral("snoozed_until"), secsOrNull({})}},
                        std::nullopt});
        ops.append(operation(target, Kind::Status, {{QStringLiteral("status"), QStringLiteral("resolved")}}));
    }
    if (!apply(changes))
        return false;
    if (m_undoDelayMs == 0)
        return enqueueAll(ops);
    m_pending = ops;
    m_revert = revert;
    m_undoTimer.start(m_undoDelayMs);
    emit undoAvailable(int(ops.size()));
    return true;
}

bool TriageService::undo()
{
    if (m_pending.isEmpty())
        return false;
    m_undoTimer.stop();
    const auto revert = std::exchange(m_revert, {});
    m_pending.clear();
    const bool ok = apply(revert);
    emit undoClosed();
    return ok;
}

void TriageService::commitPending()
{
    m_undoTimer.stop();
    if (m_pending.isEmpty())
        return;
    const auto ops = std::exchange(m_pending, {});
    m_revert.clear();
    enqueueAll(ops);
    emit undoClosed();
}

bool TriageService::reopen(const QList<qint64> &conversationIds)
{
    QList<LocalChange> changes;
    QList<OutboxOperation> ops;
    for (const auto &target : targets(conversationIds)) {
        changes.append({target.conversation.id,
                        {{QStringLiteral("status"), QStringLiteral("open")},
                         {QStringLiteral("snoozed_until"), secsOrNull({})}},
                        std::nullopt});
        ops.append(operation(target, Kind::Status, {{QStringLiteral("status"), QStringLiteral("open")}}));
    }
    return apply(changes) && enqueueAll(ops);
}

bool TriageService::snooze(const QList<qint64> &conversationIds, const QDateTime &until)
{
    QList<LocalChange> changes;
    QList<OutboxOperation> ops;
    // snoozed_until 0 = until the customer replies (the server and SnoozeWaker wake it then).
    const qint64 untilSecs = until.isValid() ? until.toSecsSinceEpoch() : 0;
    for (const auto &target : targets(conversationIds)) {
        changes.append({target.conversation.id,
                        {{QStringLiteral("status"), QStringLiteral("snoozed")},
                         {QStringLiteral("snoozed_until"), secsOrNull(until)}},
                        std::nullopt});
        ops.append(operation(target, Kind::Status,
                             {{QStringLiteral("status"), QStringLiteral("snoozed")},
                              {QStringLiteral("snoozed_until"), untilSecs}}));
    }
    return apply(changes) && enqueueAll(ops);
}

qint64 TriageService::remoteAgentId(qint64 localAgentId) const
{
    for (const auto &agent : m_cache->agents()) {
        if (agent.id == localAgentId)
            return agent.remoteId;
    }
    return 0;
}

qint64 TriageService::remoteTeamId(qint64 localTeamId) const
{
    for (const auto &team : m_cache->teams()) {
        if (team.id == localTeamId)
            return team.remoteId;
    }
    return 0;
}

bool TriageService::assign(const QList<qint64> &conversationIds, qint64 agentId, qint64 teamId)
{
    const qint64 agentRemote = agentId ? remoteAgentId(agentId) : 0;
    const qint64 teamRemote = teamId ? remoteTeamId(teamId) : 0;
    if ((agentId && !agentRemote) || (teamId && !teamRemote))
        return false;
    QList<LocalChange> changes;
    QList<OutboxOperation> ops;
    for (const auto &target : targets(conversationIds)) {
        QVariantMap columns{{QStringLiteral("assignee_id"), idOrNull(agentId)}};
        QJsonObject payload{{QStringLiteral("assignee_remote_id"), agentRemote}};
        // A team is only sent when chosen: assigning a person keeps the conversation's team.
        if (teamId) {
            columns.insert(QStringLiteral("team_id"), teamId);
            payload.insert(QStringLiteral("team_remote_id"), teamRemote);
        }
        changes.append({target.conversation.id, columns, std::nullopt});
        ops.append(operation(target, Kind::Assign, payload));
    }
    return apply(changes) && enqueueAll(ops);
}

bool TriageService::assignToMe(const QList<qint64> &conversationIds)
{
    const QList<qint64> me = m_cache->meAgentIds();
    QHash<qint64, qint64> meBySource;
    for (const auto &agent : m_cache->agents()) {
        if (me.contains(agent.id))
            meBySource.insert(agent.sourceId, agent.id);
    }
    QHash<qint64, QList<qint64>> bySource;
    for (const auto &target : targets(conversationIds))
        bySource[target.conversation.sourceId].append(target.conversation.id);
    bool ok = !bySource.isEmpty();
    for (auto it = bySource.cbegin(); it != bySource.cend(); ++it) {
        const qint64 agent = meBySource.value(it.key());
        ok = agent && assign(it.value(), agent) && ok;
    }
    return ok;
}

bool TriageService::changeLabels(const QList<qint64> &conversationIds, const QStringList &add,
                                 const QStringList &remove)
{
    QList<LocalChange> changes;
    QList<OutboxOperation> ops;
    for (const auto &target : targets(conversationIds)) {
        QStringList labels = target.conversation.labels;
        for (const QString &label : remove)
            labels.removeAll(label);
        for (const QString &label : add) {
            if (!labels.contains(label))
                labels.append(label);
        }
        labels.sort();
        changes.append({target.conversation.id, {}, labels});
        ops.append(operation(target, Kind::Labels,
                             {{QStringLiteral("labels"), QJsonArray::fromStringList(labels)}}));
    }
    return apply(changes) && enqueueAll(ops);
}

bool TriageService::setPriority(const QList<qint64> &conversationIds, Domain::Priority priority)
{
    QList<LocalChange> changes;
    QList<OutboxOperation> ops;
    for (const auto &target : targets(conversationIds)) {
        changes.append({target.conversation.id, {{QStringLiteral("priority"), qint64(priority)}}, std::nullopt});
        ops.append(operation(target, Kind::Priority,
                             {{QStringLiteral("priority"), Domain::priorityKey(priority)}}));
    }
    return apply(changes) && enqueueAll(ops);
}

bool TriageService::markUnread(const QList<qint64> &conversationIds)
{
    QList<LocalChange> changes;
    QList<OutboxOperation> ops;
    for (const auto &target : targets(conversationIds)) {
        changes.append({target.conversation.id,
                        {{QStringLiteral("unread_count"), std::max(1, target.conversation.unreadCount)}},
                        std::nullopt});
        ops.append(operation(target, Kind::MarkUnread, {}));
    }
    return apply(changes) && enqueueAll(ops);
}

} // namespace Counterpart::Sync
