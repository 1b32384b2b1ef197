#include "ToneFinding.h"

namespace Counterpart::Compose {

QString severityKey(Severity severity)
{
    switch (severity) {
    case Severity::Low:
        return QStringLiteral("low");
    case Severity::Medium:
        return QStringLiteral("medium");
    case Severity::High:
        return QStringLiteral("high");
    }
    return QString();
}

Severity severityFromKey(const QString &key)
{
    if (key == QLatin1String("high"))
        return Severity::High;
    if (key == QLatin1String("medium"))
        return Severity::Medium;
    return Severity::Low;
}

QString formalityKey(Formality formality)
{
    switch (formality) {
    case Formality::Formal:
        return QStringLiteral("formal");
    case Formality::Neutral:
        return QStringLiteral("neutral");
    case Formality::Casual:
        return QStringLiteral("casual");
    }
    return QString();
}

Formality formalityFromKey(const QString &key, bool *ok)
{
    if (ok)
        *ok = true;
    if (key == QLatin1String("formal"))
        return Formality::Formal;
    if (key == QLatin1String("casual"))
        return Formality::Casual;
    if (ok && key != QLatin1String("neutral"))
        *ok = false;
    return Formality::Neutral;
}

} // namespace Counterpart::Compose
