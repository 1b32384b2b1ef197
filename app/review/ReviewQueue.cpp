#include "ReviewQueue.h"

#include "storage/CacheStore.h"
#include "storage/ReviewStore.h"

#include <QRandomGenerator>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>

namespace Counterpart::Review {

namespace {

QString placeholders(qsizetype count)
{
    QStringList marks;
    for (qsizetype i = 0; i < count; ++i)
        marks.append(QStringLiteral("?"));
    return marks.join(QLatin1Char(','));
}

} // namespace

ReviewQueue::ReviewQueue(const Storage::CacheStore *cache, const Storage::ReviewStore *reviews)
    : m_cache(cache)
    , m_reviews(reviews)
{
}

QList<QueueEntry> ReviewQueue::build(const ReviewCriteria &criteria) const
{
    QString sql = QStringLiteral(
        "SELECT c.id, s.uid, c.remote_id, coalesce(ct.name, ''), coalesce(a.name, ''), i.channel,"
        " CASE WHEN c.subject <> '' THEN c.subject ELSE c.preview END, c.csat_rating, c.last_activity_at"
        " FROM conversations c JOIN sources s ON s.id=c.source_id JOIN inboxes i ON i.id=c.inbox_id"
        " LEFT JOIN contacts ct ON ct.id=c.contact_id LEFT JOIN agents a ON a.id=c.assignee_id WHERE 1");
    QVariantList values;
    if (criteria.resolvedOnly)
        sql += QStringLiteral(" AND c.status='resolved'");
    if (!criteria.agentIds.isEmpty()) {
        sql += QStringLiteral(" AND c.assignee_id IN (") + placeholders(criteria.agentIds.size()) + QLatin1Char(')');
        for (const qint64 id : criteria.agentIds)
            values.append(id);
    }
    if (!criteria.inboxIds.isEmpty()) {
        sql += QStringLiteral(" AND c.inbox_id IN (") + placeholders(criteria.inboxIds.size()) + QLatin1Char(')');
        for (const qint64 id : criteria.inboxIds)
            values.append(id);
    }
    if (!criteria.channels.isEmpty()) {
        sql += QStringLiteral(" AND i.channel IN (") + placeholders(criteria.channels.size()) + QLatin1Char(')');
        for (const QString &channel : criteria.channels)
            values.append(channel);
    }
    if (criteria.from.isValid()) {
        sql += QStringLiteral(" AND c.last_activity_at >= ?");
        values.append(criteria.from.toSecsSinceEpoch());
    }
    if (criteria.to.isValid()) {
        sql += QStringLiteral(" AND c.last_activity_at < ?");
        values.append(criteria.to.toSecsSinceEpoch());
    }
    if (!criteria.label.isEmpty()) {
        sql += QStringLiteral(" AND c.id IN (SELECT conversation_id FROM conversation_labels WHERE label=?)");
        values.append(criteria.label);
    }
    if (criteria.csatAtMost > 0) {
        sql += QStringLiteral(" AND c.csat_rating BETWEEN 1 AND ?");
        values.append(criteria.csatAtMost);
    }
    sql += QStringLiteral(" ORDER BY c.last_activity_at DESC, c.id DESC");

    QSqlQuery query(m_cache->connection());
    query.setForwardOnly(true);
    query.prepare(sql);
    for (const QVariant &value : std::as_const(values))
        query.addBindValue(value);
    query.exec();

    const QSet<QString> reviewed = m_reviews ? m_reviews->reviewedConversations() : QSet<QString>();
    QList<QueueEntry> entries;
    while (query.next()) {
        QueueEntry entry;
        entry.conversationId = query.value(0).toLongLong();
        entry.sourceUid = query.value(1).toString();
        entry.conversationRemoteId = query.value(2).toLongLong();
        const bool wasReviewed = reviewed.contains(Storage::ReviewStore::conversationKey(entry.sourceUid, entry.conversationRemoteId));
        if (criteria.neverReviewed && wasReviewed)
            continue;
        entry.contactName = query.value(3).toString();
        entry.agentName = query.value(4).toString();
        entry.channel = query.value(5).toString();
        entry.subject = query.value(6).toString();
        entry.csatRating = query.value(7).toInt();
        entry.lastActivityAt = QDateTime::fromSecsSinceEpoch(query.value(8).toLongLong(), Qt::UTC);
        if (wasReviewed && m_reviews) {
            if (const auto card = m_reviews->scorecard(entry.sourceUid, entry.conversationRemoteId))
                entry.score = card->total;
        }
        entries.append(entry);
    }
    m_lastMatches = int(entries.size());

    int wanted = int(entries.size());
    if (criteria.sampleCount > 0)
        wanted = std::min(wanted, criteria.sampleCount);
    else if (criteria.samplePercent > 0)
        wanted = std::min(wanted, int(std::ceil(entries.size() * std::min(criteria.samplePercent, 100.0) / 100.0)));
    if (wanted < entries.size()) {
        // A partial Fisher-Yates shuffle: every match has the same chance, and the seed makes the
        // draw repeatable so two leads (or a test) get the same queue.
        QRandomGenerator random(criteria.seed);
        for (int i = 0; i < wanted; ++i)
            std::swap(entries[i], entries[i + int(random.bounded(quint32(entries.size() - i)))]);
        entries.resize(wanted);
        std::sort(entries.begin(), entries.end(), [](const QueueEntry &a, const QueueEntry &b) {
            return a.lastActivityAt != b.lastActivityAt ? a.lastActivityAt > b.lastActivityAt
                                                        : a.conversationId > b.conversationId;
        });
    }
    return entries;
}

} // namespace Counterpart::Review
