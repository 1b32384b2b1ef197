#include "NotificationWatcher.h"

#include "storage/CacheStore.h"

#include <QDateTime>
#include <QSqlQuery>

namespace Counterpart::Notify {

namespace {

// How long an assignment the agent made here keeps the server's echo of it quiet: the echo may
// come only after the outbox sent it, and a delta in between may have shown the old assignee.
constexpr qint64 kOwnAssignmentMemoryMs = 10 * 60 * 1000;

QDateTime fromSecs(const QVariant &value)
{
    return value.isNull() || value.toLongLong() == 0
        ? QDateTime()
        : QDateTime::fromSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QString placeholders(qsizetype count)
{
    QStringList marks;
    for (qsizetype i = 0; i < count; ++i)
        marks.append(QStringLiteral("?"));
    return marks.join(QLatin1Char(','));
}

} // namespace

NotificationWatcher::NotificationWatcher(Storage::CacheStore *cache, Clock clock, QObject *parent)
    : QObject(parent)
    , m_cache(cache)
    , m_clock(std::move(clock))
{
    connect(m_cache, &Storage::CacheStore::conversationsIngested, this, &NotificationWatcher::onIngested);
    connect(m_cache, &Storage::CacheStore::conversationsChangedLocally, this,
            &NotificationWatcher::onChangedLocally);
    rememberMine();
}

qint64 NotificationWatcher::nowMs() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

QSet<qint64> NotificationWatcher::me() const
{
    const QList<qint64> ids = m_cache->meAgentIds();
    return QSet<qint64>(ids.cbegin(), ids.cend());
}

void NotificationWatcher::rememberMine()
{
    m_mine.clear();
    const QSet<qint64> agents = me();
    if (agents.isEmpty() || !m_cache->connection().isOpen())
        return;
    for (const ConversationSnapshot &snapshot : mineAmong({}, agents))
        m_mine.insert(snapshot.conversationId, snapshot);
}

QList<ConversationSnapshot> NotificationWatcher::mineAmong(const QList<qint64> &ids,
                                                           const QSet<qint64> &me) const
{
    QList<ConversationSnapshot> result;
    if (me.isEmpty())
        return result;
    QString sql = QStringLiteral(
        "SELECT c.id, c.assignee_id, c.last_activity_at, coalesce(ct.name, ''), c.subject,"
        " mi.id, mi.created_at, mi.text, ma.sender_id, ma.created_at"
        " FROM conversations c LEFT JOIN contacts ct ON ct.id = c.contact_id"
        " LEFT JOIN messages mi ON mi.id = (SELECT id FROM messages WHERE conversation_id = c.id"
        "   AND kind = 'incoming' ORDER BY id DESC LIMIT 1)"
        " LEFT JOIN messages ma ON ma.id = (SELECT id FROM messages WHERE conversation_id = c.id"
        "   AND kind IN ('outgoing', 'note') ORDER BY id DESC LIMIT 1)"
        " WHERE c.assignee_id IN (") + placeholders(me.size()) + QLatin1Char(')');
    if (!ids.isEmpty())
        sql += QStringLiteral(" AND c.id IN (") + placeholders(ids.size()) + QLatin1Char(')');
    QSqlQuery query(m_cache->connection());
    query.setForwardOnly(true);
    query.prepare(sql);
    for (const qint64 id : me)
        query.addBindValue(id);
    for (const qint64 id : ids)
        query.addBindValue(id);
    if (!query.exec())
        return result;
    while (query.next()) {
        ConversationSnapshot s;
        s.conversationId = query.value(0).toLongLong();
        s.assigneeId = query.value(1).toLongLong();
        s.lastActivityAt = fromSecs(query.value(2));
        s.contactName = query.value(3).toString();
        s.subject = query.value(4).toString();
        s.newestIncomingId = query.value(5).toLongLong();
        s.newestIncomingAt = fromSecs(query.value(6));
        s.newestIncomingText = query.value(7).toString();
        s.newestAgentSenderId = query.value(8).toLongLong();
        s.newestAgentMessageAt = fromSecs(query.value(9));
        result.append(s);
    }
    return result;
}

void NotificationWatcher::onIngested(const QList<qint64> &conversationIds)
{
    const QSet<qint64> agents = me();
    const QList<ConversationSnapshot> after = mineAmong(conversationIds, agents);

    const qint64 now = nowMs();
    NotificationRules::Context context;
    context.me = agents;
    context.now = QDateTime::fromMSecsSinceEpoch(now, Qt::UTC);
    context.maxAgeSecs = m_maxAgeSecs;
    context.focusedConversationId = m_focus ? m_focus() : 0;
    for (auto it = m_assignedByMeAtMs.begin(); it != m_assignedByMeAtMs.end();) {
        if (now - it.value() > kOwnAssignmentMemoryMs) {
            it = m_assignedByMeAtMs.erase(it);
        } else {
            context.assignedByMe.insert(it.key());
            ++it;
        }
    }
    QHash<qint64, ConversationSnapshot> before;
    for (const qint64 id : conversationIds) {
        const auto known = m_mine.constFind(id);
        if (known != m_mine.constEnd())
            before.insert(id, known.value());
    }
    const QList<Notification> notifications = NotificationRules::decide(before, after, context);

    // The memory follows the cache whether or not anything is shown.
    for (const qint64 id : conversationIds)
        m_mine.remove(id);
    for (const ConversationSnapshot &snapshot : after)
        m_mine.insert(snapshot.conversationId, snapshot);

    if (!m_enabled)
        return;
    for (const Notification &notification : m_throttle.filter(notifications, now))
        emit notificationRaised(notification);
}

void NotificationWatcher::onChangedLocally(const QList<qint64> &conversationIds)
{
    const QSet<qint64> agents = me();
    const QList<ConversationSnapshot> after = mineAmong(conversationIds, agents);
    const qint64 now = nowMs();
    QSet<qint64> wasMine;
    for (const qint64 id : conversationIds) {
        if (m_mine.remove(id))
            wasMine.insert(id);
    }
    for (const ConversationSnapshot &snapshot : after) {
        m_mine.insert(snapshot.conversationId, snapshot);
        if (!wasMine.contains(snapshot.conversationId))
            m_assignedByMeAtMs.insert(snapshot.conversationId, now);
    }
}

} // namespace Counterpart::Notify
