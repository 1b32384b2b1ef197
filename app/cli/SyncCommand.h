#pragma once

#include <QStringList>

namespace Counterpart::Cli {

/**
 * `sync --once [--data-dir DIR] [--token-stdin]`: one full sync of every account and a drained
 * outbox. Progress goes to stderr; exit 0 when everything finished, 1 with one plain sentence
 * per account that could not. --token-stdin gives the token of a session-only account.
 */
int runSync(const QStringList &arguments);

} // namespace Counterpart::Cli
