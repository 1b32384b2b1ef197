#pragma once

#include <QStringList>

namespace Counterpart::Cli {

/** `counterpart-cli search [--data-dir DIR] [--json] [--limit N] QUERY` */
int runSearch(const QStringList &arguments);

} // namespace Counterpart::Cli
