#pragma once

#include <QJsonObject>

namespace Counterpart::Cli {

/**
 * Times a full re-lint (LatteChecker + ToneLinter, as the composer runs on every keystroke) of a
 * ~2,000-character draft in English, Simplified Chinese and Greek. Reports p50/p95 in ms per
 * language and, as a reference, one plain QString::indexOf scan of the same draft for every rule
 * phrase of that language's pack (the floor any phrase-based linter pays).
 */
QJsonObject benchLint();

} // namespace Counterpart::Cli
