#pragma once

#include <QList>
#include <QString>

namespace Counterpart::Compose {

/** The five LATTE steps, in the order an agent usually writes them. */
enum class LatteStep {
    Listen,      ///< the reply refers to what the customer actually said
    Acknowledge, ///< names the problem and its impact
    TakeAction,  ///< a concrete action done or under way
    Thank,
    Explain,     ///< what was done and what happens next
};

/** Stable keys used in JSON, SQLite and the CLI: listen, acknowledge, take_action, thank, explain. */
QString latteStepKey(LatteStep step);
/** Parses latteStepKey(); returns false in *ok for unknown keys. */
LatteStep latteStepFromKey(const QString &key, bool *ok = nullptr);
QList<LatteStep> allLatteSteps();
QString latteStepDisplayName(LatteStep step);

} // namespace Counterpart::Compose
