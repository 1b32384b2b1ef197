#pragma once

#include "ReviewTypes.h"
#include "Rubric.h"

#include <QJsonObject>

namespace Counterpart::Storage {
class CacheStore;
class ReviewStore;
}
namespace Counterpart::Sync {
class OutboxStore;
}

namespace Counterpart::Review {

/**
 * Shares a scorecard back to the helpdesk, when the lead chooses, through the outbox like every
 * other write: a private note on the conversation with the score, the LATTE summary, the rubric
 * and the annotations; and conversation custom attributes `counterpart_review_score` and
 * `counterpart_reviewed_at` merged into the conversation's existing attributes (Chatwoot replaces
 * the whole hash, so the full set is sent).
 */
class ScorecardSharing
{
public:
    ScorecardSharing(const Storage::CacheStore *cache, Sync::OutboxStore *outbox, Storage::ReviewStore *reviews);

    struct Choice
    {
        bool note = true;
        bool attributes = true;
    };

    /** Queues the chosen operations and marks the scorecard shared; false with a message. */
    bool share(const Scorecard &scorecard, const Rubric &rubric, Choice choice, QString *error);

    static QString noteText(const Scorecard &scorecard, const Rubric &rubric, const QList<Annotation> &annotations);
    static QJsonObject attributes(const QJsonObject &existing, const Scorecard &scorecard);

private:
    const Storage::CacheStore *m_cache;
    Sync::OutboxStore *m_outbox;
    Storage::ReviewStore *m_reviews;
};

} // namespace Counterpart::Review
