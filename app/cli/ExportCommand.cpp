#include "ExportCommand.h"

#include "CommandLine.h"
#include "ExistingProfile.h"
#include "ReportCommand.h"
#include "ReportOptions.h"
#include "common/Csv.h"
#include "print/PdfExport.h"
#include "review/Rubric.h"
#include "review/TranscriptDocument.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QSqlQuery>

#include <cmath>

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
    const Review::Rubric rubric = Review::Rubric::fromSettings(*profile.workspace());
    QStringList columns = {QStringLiteral("conversation"), QStringLiteral("source"), QStringLiteral("agent"),
                           QStringLiteral("reviewer"), QStringLiteral("total"), QStringLiteral("replies"),
                           QStringLiteral("latte_ticked"), QStringLiteral("tone_severe")};
    for (const Review::RubricItem &item : rubric.items)
        columns.append(item.key);
    columns << QStringLiteral("comment") << QStringLiteral("conversation_at") << QStringLiteral("shared_at");
    QList<QVariantList> rows;
    for (const Review::Scorecard &card : profile.reviews()->scorecards(QString(), 0, filter.from, filter.to)) {
        if (!agentRemoteIds.isEmpty() && !agentRemoteIds.contains(card.agentRemoteId))
            continue;
        int ticked = 0, severe = 0;
        for (const Review::ReplyScore &reply : card.replies) {
            ticked += reply.tickedCount();
            severe += reply.severeToneFindings;
        }
        QVariantList row = {card.conversationRemoteId, card.sourceUid, card.agentName, card.reviewer,
                            std::round(card.total * 10) / 10, int(card.replies.size()), ticked, severe};
        for (const Review::RubricItem &item : rubric.items)
            row.append(Review::rubricAnswerKey(card.rubric.value(item.key, Review::RubricAnswer::NotApplicable)));
        row << card.comment << card.conversationAt.toString(Qt::ISODate)
            << (card.sharedAt.isValid() ? card.sharedAt.toString(Qt::ISODate) : QString());
        rows.append(row);
    }
    return writeFile(output, Common::Csv::write(columns, rows)) ? 0 : 1;
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
