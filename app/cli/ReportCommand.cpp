#include "ReportCommand.h"

#include "CommandLine.h"
#include "ExistingProfile.h"
#include "ReportOptions.h"
#include "common/Csv.h"
#include "metrics/MetricsEngine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Counterpart::Cli {

bool computeReport(Profile &profile, const Metrics::MetricsFilter &filter, Metrics::MetricsReport *report, QString *error)
{
    Metrics::MetricsEngine engine(profile.cache()->connection(),
                                  Metrics::BusinessHours::fromSettings(*profile.workspace()),
                                  Metrics::Sla::fromSettings(*profile.workspace()));
    engine.setReviewScores(profile.reviews()->scoresByAgent());
    *report = engine.compute(filter, QDateTime::currentDateTimeUtc());
    *error = engine.errorString();
    return error->isEmpty();
}

namespace {

QJsonObject tableToJson(const Metrics::MetricTable &table)
{
    QJsonArray rows;
    for (const QVariantList &row : table.rows) {
        QJsonObject object;
        for (int i = 0; i < table.columns.size() && i < row.size(); ++i)
            object.insert(table.columns.at(i), QJsonValue::fromVariant(row.at(i)));
        rows.append(object);
    }
    return QJsonObject{{QStringLiteral("title"), table.title}, {QStringLiteral("rows"), rows}};
}

} // namespace

int runReport(const QStringList &input)
{
    QStringList arguments = input;
    const QString format = takeOption(arguments, QStringLiteral("format"), QStringLiteral("csv"));
    if (format != QLatin1String("csv") && format != QLatin1String("json")) {
        err() << "report: --format is csv or json.\n";
        return 2;
    }
    const std::unique_ptr<Profile> profile = openExistingProfile(QStringLiteral("report"), arguments);
    if (!profile)
        return 1;
    Metrics::MetricsFilter filter;
    if (!takeReportFilter(QStringLiteral("report"), arguments, *profile, &filter))
        return 2;
    if (!arguments.isEmpty()) {
        err() << "report: unexpected " << arguments.join(QLatin1Char(' ')) << "\n";
        return 2;
    }
    Metrics::MetricsReport report;
    QString error;
    if (!computeReport(*profile, filter, &report, &error)) {
        err() << "report: " << error << "\n";
        return 1;
    }
    const QList<Metrics::MetricTable> tables = report.tables();
    if (format == QLatin1String("csv")) {
        // The summary first, then the per-agent table: what a lead pastes into a spreadsheet.
        for (const Metrics::MetricTable &table : tables) {
            if (table.key == QLatin1String("summary") || table.key == QLatin1String("agents")) {
                out() << QString::fromUtf8(Common::Csv::write(table.columns, table.rows));
                if (table.key == QLatin1String("summary"))
                    out() << "\r\n";
            }
        }
        return 0;
    }
    QJsonObject root;
    root.insert(QStringLiteral("from"), filter.from.isValid() ? filter.from.toString(Qt::ISODate) : QString());
    root.insert(QStringLiteral("to"), filter.to.isValid() ? filter.to.toString(Qt::ISODate) : QString());
    for (const Metrics::MetricTable &table : tables)
        root.insert(table.key, tableToJson(table));
    QJsonObject timings;
    for (const auto &[key, ms] : report.timingsMs)
        timings.insert(key, ms);
    root.insert(QStringLiteral("timings_ms"), timings);
    root.insert(QStringLiteral("dashboard_refresh_ms"), report.refreshMs);
    out() << QJsonDocument(root).toJson(QJsonDocument::Indented);
    return 0;
}

} // namespace Counterpart::Cli
