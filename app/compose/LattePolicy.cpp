#include "LattePolicy.h"

namespace Counterpart::Compose {

LattePolicy LattePolicy::effective(const LattePolicy &inbox,
                                   const QHash<QString, LattePolicy> &byLabel,
                                   const QStringList &labels, int previousRating,
                                   int lowRatingAtMost)
{
    QList<LattePolicy> candidates{inbox};
    for (const QString &label : labels) {
        const auto it = byLabel.constFind(label);
        if (it != byLabel.constEnd())
            candidates.append(it.value());
    }
    if (previousRating > 0 && previousRating <= lowRatingAtMost)
        candidates.append(LattePolicy{LattePolicyMode::Require, allLatteSteps()});

    LattePolicy result;
    result.mode = LattePolicyMode::Off;
    result.steps.clear();
    for (const LattePolicy &p : candidates) {
        if (static_cast<int>(p.mode) > static_cast<int>(result.mode)) {
            result.mode = p.mode;
            result.steps.clear();
        }
        if (p.mode == result.mode) {
            for (const LatteStep s : p.steps) {
                if (!result.steps.contains(s))
                    result.steps.append(s);
            }
        }
    }
    // Keep LATTE order whatever order the policies listed their steps in.
    QList<LatteStep> ordered;
    for (const LatteStep s : allLatteSteps()) {
        if (result.steps.contains(s))
            ordered.append(s);
    }
    result.steps = ordered;
    return result;
}

QString LattePolicy::modeKey(LattePolicyMode mode)
{
    switch (mode) {
    case LattePolicyMode::Off:
        return QStringLiteral("off");
    case LattePolicyMode::Remind:
        return QStringLiteral("remind");
    case LattePolicyMode::Require:
        return QStringLiteral("require");
    }
    return QString();
}

LattePolicyMode LattePolicy::modeFromKey(const QString &key)
{
    if (key == QLatin1String("off"))
        return LattePolicyMode::Off;
    if (key == QLatin1String("require"))
        return LattePolicyMode::Require;
    return LattePolicyMode::Remind;
}

} // namespace Counterpart::Compose
