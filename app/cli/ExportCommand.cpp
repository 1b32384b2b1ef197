#include "ExportCommand.h"

#include "CommandLine.h"
#include "ExistingProfile.h"
#include "ReportCommand.h"
#include "ReportOptions.h"
#include "common/Csv.h"
#include "print/PdfExport.h"
#include "review/Rubric.h"
#include "review/ScorecardTable.h"
#include "review/TranscriptDocument.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QSqlQuery>

namespace Counterpart::Cli {

namespace {

bool writeFile(const QString &path, const QByteArray &data)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        err() << "export: cannot write " << path << ": " << file.errorString() << "\n";
        return false;
    }
    return true;
}

int exportTranscript(Profile &profile, QStringList &arguments)
{
    const QString remote = takeOption(arguments, QStringLiteral("conversation"));
    const QString format = takeOption(arguments, QStringLiteral("format"), QStringLiteral("pdf"));
    const QString output = takeOption(arguments, QStringLiteral("output"));
    Review::TranscriptDocument::Options options;
    options.annotations = !takeFlag(arguments, QStringLiteral("no-annotations"));
    options.scorecard = !takeFlag(arguments, QStringLiteral("no-scorecard"));
    if (remote.isEmpty() || output.isEmpty() || (format != QLatin1String("pdf") && format != QLatin1String("html"))) {
        err() << "export transcript: give --conversation ID, --output FILE and --format pdf or html.\n";
        return 2;
    }
    QSqlQuery query(profile.cache()->connection());
    query.prepare(QStringLiteral("SELECT id FROM conversations WHERE remote_id=? ORDER BY source_id LIMIT 1"));
    query.addBindValue(remote.toLongLong());
    if (!query.exec() || !query.next()) {
        err() << "export transcript: there is no conversation #" << remote << " in this workspace.\n";
        return 1;
    }
    const Review::TranscriptDocument document(profile.cache(), profile.reviews());
    QString error;
    const QString html = document.html(query.value(0).toLongLong(), Review::Rubric::fromSettings(*profile.workspace()),
                                       options, &error);
    if (html.isEmpty()) {
        err() << "export transcript: " << error << "\n";
        return 1;
    }
    if (format == QLatin1String("html"))
        return writeFile(output, html.toUtf8()) ? 0 : 1;
    if (!Print::PdfExport::write(html, QStringLiteral("Conversation #") + remote, output, &error)) {
        err() << "export transcript: " << error << "\n";
        return 1;
    }
    return 0;
}

int exportScorecards(Profile &profile, QStringList &arguments)
{
    const QString output = takeOption(arguments, QStringLiteral("output"));
    Metrics::MetricsFilter filter;
    if (!takeReportFilter(QStringLiteral("export scorecards"), arguments, profile, &filter))
        return 2;
    if (output.isEmpty()) {
        err() << "export scorecards: give --output FILE.csv\n";
        return 2;
    }
    QList<qint64> agentRemoteIds;
    for (const Domain::Agent &agent : profile.cache()->agents()) {
        if (filter.agentIds.contains(agent.id))
            agentRemoteIds.append(agent.remoteId);
    }
    QList<Review::Scorecard> scorecards;
    for (const Review::Scorecard &card : profile.reviews()->scorecards(QString(), 0, filter.from, filter.to)) {
        if (agentRemoteIds.isEmpty() || agentRemoteIds.contains(card.agentRemoteId))
            scorecards.append(card);
    }
    // The same table the review window exports, so both files read alike.
    const Metrics::MetricTable table
        = Review::ScorecardTable::build(scorecards, Review::Rubric::fromSettings(*profile.workspace()));
    return writeFile(output, Common::Csv::write(table.columns, table.rows)) ? 0 : 1;
}

int exportMetrics(Profile &profile, QStringList &arguments)
{
    const QString output = takeOption(arguments, QStringLiteral("output"));
    Metrics::MetricsFilter filter;
    if (!takeReportFilter(QStringLiteral("export metrics"), arguments, profile, &filter))
        return 2;
    if (output.isEmpty() || !QDir().mkpath(output)) {
        err() << "export metrics: give --output DIR (a folder; one CSV per table is written into it)\n";
        return 2;
    }
    Metrics::MetricsReport report;
    QString error;
    if (!computeReport(profile, filter, &report, &error)) {
        err() << "export metrics: " << error << "\n";
        return 1;
    }
    for (const Metrics::MetricTable &table : report.tables()) {
        if (!writeFile(QDir(output).filePath(table.key + QStringLiteral(".csv")), Common::Csv::write(table.columns, table.rows)))
            return 1;
    }
    return 0;
}

} // namespace

bool exportNeedsGui(const QStringList &arguments)
{
    // HTML needs no fonts either, but a headless QGuiApplication costs a few milliseconds.
    return arguments.value(0) == QLatin1String("export") && arguments.value(1) == QLatin1String("transcript");
}

int runExport(const QStringList &input)
{
    QStringList arguments = input;
    const QString what = arguments.isEmpty() ? QString() : arguments.takeFirst();
    if (what != QLatin1String("transcript") && what != QLatin1String("scorecards") && what != QLatin1String("metrics")) {
        err() << "export: what to export? transcript, scorecards or metrics.\n";
        return 2;
    }
    const std::unique_ptr<Profile> profile = openExistingProfile(QStringLiteral("export"), arguments);
    if (!profile)
        return 1;
    int code = 0;
    if (what == QLatin1String("transcript"))
        code = exportTranscript(*profile, arguments);
    else if (what == QLatin1String("scorecards"))
        code = exportScorecards(*profile, arguments);
    else
        code = exportMetrics(*profile, arguments);
    if (code == 0 && !arguments.isEmpty())
        err() << "export: ignored " << arguments.join(QLatin1Char(' ')) << "\n";
    return code;
}

} // namespace Counterpart::Cli
