#include "ReviewTypes.h"

#include <QCoreApplication>

namespace Counterpart::Review {

QString Annotation::kindKey(Kind kind)
{
    switch (kind) {
    case Kind::Comment: return QStringLiteral("comment");
    case Kind::Praise: return QStringLiteral("praise");
    case Kind::Coaching: return QStringLiteral("coaching");
    }
    return QStringLiteral("comment");
}

Annotation::Kind Annotation::kindFromKey(const QString &key)
{
    if (key == QLatin1String("praise"))
        return Kind::Praise;
    if (key == QLatin1String("coaching"))
        return Kind::Coaching;
    return Kind::Comment;
}

QString Annotation::kindDisplayName(Kind kind)
{
    switch (kind) {
    case Kind::Comment: return QCoreApplication::translate("Review", "Comment");
    case Kind::Praise: return QCoreApplication::translate("Review", "Praise");
    case Kind::Coaching: return QCoreApplication::translate("Review", "Coaching point");
    }
    return {};
}

int ReplyScore::tickedCount() const
{
    int count = 0;
    for (const Compose::LatteStep step : Compose::allLatteSteps())
        count += isTicked(step) ? 1 : 0;
    return count;
}

QString rubricAnswerKey(RubricAnswer answer)
{
    switch (answer) {
    case RubricAnswer::Met: return QStringLiteral("met");
    case RubricAnswer::NotMet: return QStringLiteral("not_met");
    case RubricAnswer::NotApplicable: break;
    }
    return QStringLiteral("n/a");
}

RubricAnswer rubricAnswerFromKey(const QString &key)
{
    if (key == QLatin1String("met"))
        return RubricAnswer::Met;
    if (key == QLatin1String("not_met"))
        return RubricAnswer::NotMet;
    return RubricAnswer::NotApplicable;
}

} // namespace Counterpart::Review
