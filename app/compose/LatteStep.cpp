#include "LatteStep.h"

#include <QCoreApplication>

namespace Counterpart::Compose {

QString latteStepKey(LatteStep step)
{
    switch (step) {
    case LatteStep::Listen:
        return QStringLiteral("listen");
    case LatteStep::Acknowledge:
        return QStringLiteral("acknowledge");
    case LatteStep::TakeAction:
        return QStringLiteral("take_action");
    case LatteStep::Thank:
        return QStringLiteral("thank");
    case LatteStep::Explain:
        return QStringLiteral("explain");
    }
    return QString();
}

LatteStep latteStepFromKey(const QString &key, bool *ok)
{
    for (const LatteStep step : allLatteSteps()) {
        if (latteStepKey(step) == key) {
            if (ok)
                *ok = true;
            return step;
        }
    }
    if (ok)
        *ok = false;
    return LatteStep::Listen;
}

QList<LatteStep> allLatteSteps()
{
    return {LatteStep::Listen, LatteStep::Acknowledge, LatteStep::TakeAction, LatteStep::Thank,
            LatteStep::Explain};
}

QString latteStepDisplayName(LatteStep step)
{
    switch (step) {
    case LatteStep::Listen:
        return QCoreApplication::translate("Counterpart::Compose", "Listen");
    case LatteStep::Acknowledge:
        return QCoreApplication::translate("Counterpart::Compose", "Acknowledge");
    case LatteStep::TakeAction:
        return QCoreApplication::translate("Counterpart::Compose", "Take action");
    case LatteStep::Thank:
        return QCoreApplication::translate("Counterpart::Compose", "Thank");
    case LatteStep::Explain:
        return QCoreApplication::translate("Counterpart::Compose", "Explain");
    }
    return QString();
}

} // namespace Counterpart::Compose
