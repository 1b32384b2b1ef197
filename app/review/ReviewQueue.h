#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace Counterpart::Storage {
class CacheStore;
class ReviewStore;
}

namespace Counterpart::Review {

/** What a lead wants to review. Empty lists and zero values mean "any". */
struct ReviewCriteria
{
    QList<qint64> agentIds; ///< cache rowids of the assignee
    QList<qint64> inboxIds;
    QStringList channels;   ///< channel keys
    QDateTime from;         ///< on the conversation's last activity, [from, to)
    QDateTime to;
    QString label;
    int csatAtMost = 0;     ///< 1-5: only conversations rated at or below; 0: any
    bool neverReviewed = false;
    bool resolvedOnly = true;
    int sampleCount = 0;       ///< a random sample of N, or
    double samplePercent = 0;  ///< of K% of the matches (rounded up); 0 and 0: every match
    quint32 seed = 1;          ///< the same seed draws the same sample
};

struct QueueEntry
{
    qint64 conversationId = 0;
    QString sourceUid;
    qint64 conversationRemoteId = 0;
    QString contactName;
    QString agentName;
    QString channel;
    QString subject; ///< subject, or the preview when there is none
    int csatRating = 0;
    QDateTime lastActivityAt;
    double score = -1; ///< the scorecard total when reviewed, -1 otherwise
};

/**
 * Builds a review queue from the cache: every conversation that matches the criteria, or a fair
 * random sample of them, so that a lead reviews more than the loud cases. Newest first.
 */
class ReviewQueue
{
public:
    ReviewQueue(const Storage::CacheStore *cache, const Storage::ReviewStore *reviews);

    QList<QueueEntry> build(const ReviewCriteria &criteria) const;
    /** How many conversations match before sampling (for "12 of 340"). */
    int lastMatchCount() const { return m_lastMatches; }

private:
    const Storage::CacheStore *m_cache;
    const Storage::ReviewStore *m_reviews;
    mutable int m_lastMatches = 0;
};

} // namespace Counterpart::Review
