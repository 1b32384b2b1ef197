#pragma once

#include <QStringList>

namespace Counterpart::Cli {

/**
 * `counterpart-cli bench [--conversations N] [--seed S] [--json] [--keep DIR]`: builds a demo
 * workspace in a temporary folder and prints ingest, search and inbox figures, each with a
 * reference measured in the same run.
 */
int runBench(const QStringList &arguments);

} // namespace Counterpart::Cli
