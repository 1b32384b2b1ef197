#pragma once

#include "ReviewTypes.h"
#include "Rubric.h"

namespace Counterpart::Storage {
class CacheStore;
}

namespace Counterpart::Review {

/**
 * Pre-fills a scorecard with what the agents' own tools see: for every public agent reply, the
 * LATTE steps LatteChecker finds (Listen against the customer message it answers) and the tone
 * findings of ToneLinter, both in the customer's language. The lead then overrides and answers
 * the rubric.
 */
class ScorecardBuilder
{
public:
    explicit ScorecardBuilder(const Storage::CacheStore *cache);

    /** A new scorecard for a cached conversation; an invalid one (sourceUid empty) if unknown. */
    Scorecard prefill(qint64 conversationId, const Rubric &rubric) const;

    /**
     * Keeps the lead's decisions of `saved` (overrides, rubric, comment) on a fresh pre-fill of
     * the same conversation, e.g. after new replies arrived.
     */
    static Scorecard merge(const Scorecard &fresh, const Scorecard &saved, const Rubric &rubric);

private:
    const Storage::CacheStore *m_cache;
};

} // namespace Counterpart::Review
