#pragma once

#include <QStringList>

namespace Counterpart::Cli {

/**
 * `counterpart-cli export transcript --conversation ID [--format pdf|html] [--no-annotations]
 *  [--no-scorecard] --output FILE`, `export scorecards [--from D] [--to D] [--agent NAME] --output
 *  FILE.csv`, `export metrics [--from D] [--to D] [--agent NAME] --output DIR` (one CSV per table).
 * ID is the conversation's number as the helpdesk shows it.
 */
int runExport(const QStringList &arguments);

/** The PDF export needs fonts, hence a QGuiApplication: main() asks before creating the app. */
bool exportNeedsGui(const QStringList &arguments);

} // namespace Counterpart::Cli
