#pragma once

#include "ReviewTypes.h"

#include <QByteArray>
#include <QList>

namespace Counterpart::Storage {
class WorkspaceStore;
}

namespace Counterpart::Review {

/**
 * What a review scores and how much each part weighs. The total of a scorecard (0-100) is the
 * weighted mean of its parts, leaving out what does not apply:
 *  - LATTE: the share of the five steps ticked over all agent replies (weight latteWeight);
 *  - tone: the share of replies without a high-severity tone finding (weight toneWeight);
 *  - each rubric item: met = 1, not met = 0, not applicable = left out (its own weight).
 * A conversation without agent replies is scored on its rubric alone.
 */
class Rubric
{
public:
    Rubric(); ///< the default items, LATTE weight 3, tone weight 1

    static QList<RubricItem> defaultItems();

    QList<RubricItem> items;
    double latteWeight = 3;
    double toneWeight = 1;

    /** The total of a scorecard, or -1 when nothing in it applies. */
    double total(const Scorecard &scorecard) const;

    QByteArray toJson() const;
    static Rubric fromJson(const QByteArray &json); ///< the defaults for anything unreadable
    static Rubric fromSettings(const Storage::WorkspaceStore &workspace);
    bool saveTo(Storage::WorkspaceStore &workspace) const;

    friend bool operator==(const Rubric &, const Rubric &) = default;
};

} // namespace Counterpart::Review
