// counterpart-cli: the core without widgets, for scripts, CI and benchmarks.

#include "AccountCommand.h"
#include "BenchCommand.h"
#include "CommandLine.h"
#include "DemoCommand.h"
#include "ExportCommand.h"
#include "LintCommand.h"
#include "ReportCommand.h"
#include "SearchCommand.h"
#include "SyncCommand.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <memory>

#include <functional>

using namespace Counterpart::Cli;

namespace {

struct Command
{
    const char *name;
    const char *usage;
    std::function<int(const QStringList &)> run;
};

const Command kCommands[] = {
    {"demo", "demo [--data-dir DIR] [--conversations N] [--seed S] [--now ISO] [--force]", runDemo},
    {"search", "search [--data-dir DIR] [--json] [--limit N] QUERY", runSearch},
    {"bench", "bench [--conversations N] [--json]", runBench},
    {"account", "account add --url URL --account-id N --token-stdin [--session-only] [--name NAME] | account list | account remove ID  [--data-dir DIR]", runAccount},
    {"sync", "sync --once [--data-dir DIR] [--token-stdin]", runSync},
    {"export", "export transcript --conversation ID [--format pdf|html] [--no-annotations] [--no-scorecard] --output FILE | export scorecards|metrics [--from D] [--to D] [--agent NAME] --output FILE|DIR  [--data-dir DIR]", runExport},
    {"report", "report [--from D] [--to D] [--agent NAME] [--format csv|json] [--data-dir DIR]", runReport},
    {"lint", "lint --lang LANG [--customer FILE] [--formality formal|neutral|casual] FILE|-",
     [](const QStringList &arguments) { return runLint(arguments); }},
};

int usage(int code)
{
    QTextStream &stream = code == 0 ? out() : err();
    stream << "Usage: counterpart-cli COMMAND [OPTIONS]\n\nCommands:\n";
    for (const auto &command : kCommands)
        stream << "  " << command.usage << '\n';
    stream.flush();
    return code;
}

} // namespace

int main(int argc, char **argv)
{
    QStringList raw;
    for (int i = 1; i < argc; ++i)
        raw.append(QString::fromLocal8Bit(argv[i]));
    std::unique_ptr<QCoreApplication> application;
    if (exportNeedsGui(raw)) {
        // PDF needs fonts, which need a GUI application; never a window, so no display either.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        application = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        application = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication &app = *application;
    QCoreApplication::setOrganizationName(QStringLiteral("Counterpart"));
    QCoreApplication::setApplicationName(QStringLiteral("Counterpart"));
    QStringList arguments = app.arguments().mid(1);
    if (arguments.isEmpty())
        return usage(2);
    const QString name = arguments.takeFirst();
    if (name == QLatin1String("help") || name == QLatin1String("--help") || name == QLatin1String("-h"))
        return usage(0);
    for (const auto &command : kCommands) {
        if (name == QLatin1String(command.name)) {
            const int code = command.run(arguments);
            out().flush();
            err().flush();
            return code;
        }
    }
    err() << "Unknown command: " << name << "\n";
    return usage(2);
}
