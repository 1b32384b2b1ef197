#include "LatteResult.h"

namespace Counterpart::Compose {

void LatteResult::carryManual(const LatteResult &previous)
{
    for (const LatteStep s : allLatteSteps())
        step(s).manual = previous.step(s).manual;
}

QList<LatteStep> LatteResult::missing(const QList<LatteStep> &required) const
{
    QList<LatteStep> result;
    for (const LatteStep s : allLatteSteps()) {
        if (required.contains(s) && !isTicked(s))
            result.append(s);
    }
    return result;
}

int LatteResult::tickedCount() const
{
    int n = 0;
    for (const LatteStep s : allLatteSteps())
        n += isTicked(s) ? 1 : 0;
    return n;
}

} // namespace Counterpart::Compose
