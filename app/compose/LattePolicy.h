#pragma once

#include "LatteStep.h"

#include <QHash>
#include <QList>
#include <QStringList>

namespace Counterpart::Compose {

enum class LattePolicyMode { Off, Remind, Require };

/**
 * What the checklist does before sending: nothing, show missing steps as a reminder, or stop
 * the send until the listed steps are ticked (automatically or by hand).
 */
struct LattePolicy
{
    LattePolicyMode mode = LattePolicyMode::Remind;
    QList<LatteStep> steps = allLatteSteps();

    /**
     * The policy for one conversation: the strictest of the inbox's policy and the policies of its
     * labels (e.g. "complaint" -> Require), and Require when the customer rated an earlier
     * conversation \a lowRatingAtMost or less (previousRating 0 = never rated). Steps of every
     * policy at the winning mode are merged.
     */
    static LattePolicy effective(const LattePolicy &inbox,
                                 const QHash<QString, LattePolicy> &byLabel,
                                 const QStringList &labels, int previousRating,
                                 int lowRatingAtMost = 2);

    static QString modeKey(LattePolicyMode mode);
    static LattePolicyMode modeFromKey(const QString &key);

    friend bool operator==(const LattePolicy &, const LattePolicy &) = default;
};

} // namespace Counterpart::Compose
