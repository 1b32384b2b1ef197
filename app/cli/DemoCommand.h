#pragma once

#include <QStringList>

namespace Counterpart::Cli {

/**
 * `counterpart-cli demo [--data-dir DIR] [--conversations N] [--seed S] [--now ISO8601] [--force]`:
 * writes the deterministic demo workspace into the profile's cache.sqlite. `arguments` are the
 * words after `demo`. Returns the process exit code.
 */
int runDemo(const QStringList &arguments);

} // namespace Counterpart::Cli
