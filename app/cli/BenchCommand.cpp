#include "BenchCommand.h"

#include "BenchStats.h"
#include "DashboardBench.h"
#include "CommandLine.h"
#include "LintBench.h"
#include "RawSqliteReference.h"
#include "TranscriptBench.h"
#include "connectors/demo/DemoGenerator.h"
#include "models/ConversationListModel.h"
#include "search/SearchIndex.h"
#include "storage/CacheStore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>

namespace Counterpart::Cli {

namespace {

double msSince(const QElapsedTimer &timer) { return double(timer.nsecsElapsed()) / 1e6; }

// Mixed on purpose: common and rare words, prefixes, two-word queries, Greek with and without
// accents, one- and two-character Chinese words in both scripts.
const char *const kQueries[] = {
    "refund",     "tracking number", "damaged", "password reset", "order", "courier delay",
    "exchange",   "invoice",         "退款",    "快递",           "包裹",  "订单",
    "退貨",       "訂單",            "密碼",    "καλημέρα",       "καλημερα", "παραγγελία",
    "επιστροφή",  "δέμα",
};

struct IngestFigures
{
    qint64 conversations = 0;
    qint64 messages = 0;
    double oursMs = 0;
    double referenceMs = 0;
    QString error;
};

IngestFigures ingest(const QString &folder, int conversations, quint64 seed, Storage::CacheStore &cache)
{
    IngestFigures figures;
    Connectors::Demo::DemoOptions options;
    options.conversations = conversations;
    options.seed = seed;
    const Connectors::Demo::DemoGenerator generator(options);
    RawSqliteReference reference(QDir(folder).filePath(QStringLiteral("reference.sqlite")));
    if (!reference.isOpen()) {
        figures.error = reference.errorString();
        return figures;
    }
    const qint64 sourceId = cache.ensureSource(generator.source());
    const bool complete = generator.generate([&](const Storage::IngestBatch &batch) {
        QElapsedTimer timer;
        timer.start();
        if (!cache.ingest(sourceId, batch, &figures.error))
            return false;
        figures.oursMs += msSince(timer);
        const auto page = RawSqliteReference::prepare(batch); // untimed: encoding only
        timer.restart();
        if (!reference.write(page)) {
            figures.error = reference.errorString();
            return false;
        }
        figures.referenceMs += msSince(timer);
        figures.conversations += batch.conversations.size();
        figures.messages += batch.messages.size();
        return true;
    });
    if (complete)
        cache.setMeAgent(sourceId, generator.meAgentRemoteId());
    else if (figures.error.isEmpty())
        figures.error = QStringLiteral("the demo generator stopped early");
    return figures;
}

} // namespace

int runBench(const QStringList &input)
{
    QStringList arguments = input;
    const int conversations = takeOption(arguments, QStringLiteral("conversations"), QStringLiteral("100000")).toInt();
    const quint64 seed = takeOption(arguments, QStringLiteral("seed"), QStringLiteral("42")).toULongLong();
    const bool json = takeFlag(arguments, QStringLiteral("json"));
    const QString keep = takeOption(arguments, QStringLiteral("keep"));
    if (conversations <= 0 || !arguments.isEmpty()) {
        err() << "bench: unexpected arguments " << arguments.join(QLatin1Char(' ')) << "\n";
        return 2;
    }
    QTemporaryDir temporary;
    const QString folder = keep.isEmpty() ? temporary.path() : keep;
    QDir().mkpath(folder);
    if (!json)
        err() << "Building a " << conversations << "-conversation workspace in " << folder << " ...\n";

    QJsonObject result;
    Storage::CacheStore cache;
    const auto opened = cache.open(QDir(folder).filePath(QStringLiteral("cache.sqlite")));
    if (!opened.ok) {
        err() << "bench: " << opened.message << "\n";
        return 1;
    }
    const IngestFigures figures = ingest(folder, conversations, seed, cache);
    if (!figures.error.isEmpty()) {
        err() << "bench: ingest failed: " << figures.error << "\n";
        return 1;
    }
    const double oursRate = figures.messages / (figures.oursMs / 1000.0);
    const double referenceRate = figures.messages / (figures.referenceMs / 1000.0);
    result.insert(QStringLiteral("conversations"), figures.conversations);
    result.insert(QStringLiteral("messages"), figures.messages);
    result.insert(QStringLiteral("ingest_s"), figures.oursMs / 1000.0);
    result.insert(QStringLiteral("ingest_msgs_per_s"), qRound64(oursRate));
    result.insert(QStringLiteral("ingest_ref_msgs_per_s"), qRound64(referenceRate));
    result.insert(QStringLiteral("ingest_ratio"), oursRate / referenceRate);

    // Search: every query once to warm the page cache, then five timed runs each.
    const Search::SearchIndex index(cache.connection());
    QList<double> searchSamples;
    qint64 totalHits = 0;
    for (const char *query : kQueries)
        totalHits += index.searchConversations(QString::fromUtf8(query)).size();
    for (int round = 0; round < 5; ++round) {
        for (const char *query : kQueries) {
            QElapsedTimer timer;
            timer.start();
            index.searchConversations(QString::fromUtf8(query));
            searchSamples.append(msSince(timer));
        }
    }
    result.insert(QStringLiteral("search_p50_ms"), BenchStats::median(searchSamples));
    result.insert(QStringLiteral("search_p95_ms"), BenchStats::percentile(searchSamples, 0.95));
    result.insert(QStringLiteral("search_queries"), int(std::size(kQueries)));
    result.insert(QStringLiteral("search_hits_first_run"), totalHits);

    // First inbox page: the model as the window builds it, against the bare SQL it runs on.
    QList<double> pageSamples;
    QList<double> pageReference;
    for (int i = 0; i < 11; ++i) {
        QElapsedTimer timer;
        timer.start();
        Models::ConversationListModel model(&cache);
        const int rows = model.rowCount();
        pageSamples.append(msSince(timer));
        if (rows == 0) {
            err() << "bench: the inbox is empty, nothing to measure\n";
            return 1;
        }
        timer.restart();
        QSqlQuery query(cache.connection());
        query.exec(QStringLiteral("SELECT id FROM conversations WHERE status IN ('open','pending')"
                                  " ORDER BY last_activity_at DESC, id DESC LIMIT 100"));
        while (query.next()) {
        }
        pageReference.append(msSince(timer));
    }
    result.insert(QStringLiteral("first_page_ms"), BenchStats::median(pageSamples));
    result.insert(QStringLiteral("first_page_ref_ms"), BenchStats::median(pageReference));
    // Re-sort of the "All" view, first page loaded: every switch runs the new ORDER BY over the
    // whole view; SLA due and longest waiting have no index, so they are the slow direction.
    {
        Models::ConversationListModel model(&cache);
        const Models::ConversationListModel::Sort sorts[] = {
            Models::ConversationListModel::Sort::SlaDue, Models::ConversationListModel::Sort::LastActivity,
            Models::ConversationListModel::Sort::LongestWaiting, Models::ConversationListModel::Sort::LastActivity};
        QList<double> resortSamples;
        for (int i = 0; i < 12; ++i) {
            QElapsedTimer timer;
            timer.start();
            model.setSort(sorts[i % 4]);
            if (model.rowCount() == 0)
                break;
            resortSamples.append(msSince(timer));
        }
        result.insert(QStringLiteral("resort_ms"), BenchStats::median(resortSamples));
    }
    // Transcript open and switch, before peak_rss_mb: the peak must include the models having run
    // over the full cache.
    const QJsonObject transcript = benchTranscript(cache);
    for (auto it = transcript.begin(); it != transcript.end(); ++it)
        result.insert(it.key(), it.value());
    const QJsonObject dashboard = benchDashboard(cache);
    for (auto it = dashboard.begin(); it != dashboard.end(); ++it)
        result.insert(it.key(), it.value());
    result.insert(QStringLiteral("peak_rss_mb"), BenchStats::peakRssMb());
    result.insert(QStringLiteral("lint"), benchLint());

    if (json) {
        out() << QJsonDocument(result).toJson(QJsonDocument::Indented);
        return 0;
    }
    auto number = [&](const char *key, int decimals = 1) {
        return QString::number(result.value(QLatin1String(key)).toDouble(), 'f', decimals);
    };
    out() << "Workspace: " << figures.conversations << " conversations, " << figures.messages << " messages\n"
          << "Ingest (with search index): " << number("ingest_msgs_per_s", 0) << " msgs/s"
          << "   raw sqlite3 C API, same rows: " << number("ingest_ref_msgs_per_s", 0)
          << " msgs/s   ratio " << number("ingest_ratio", 2) << " (target >= 0.5)\n"
          << "Search, " << int(std::size(kQueries)) << " queries x5: p50 " << number("search_p50_ms", 2)
          << " ms, p95 " << number("search_p95_ms", 2) << " ms (target p95 <= 50 ms)\n"
          << "First inbox page (100 rows): " << number("first_page_ms", 2) << " ms   bare SQL: "
          << number("first_page_ref_ms", 2) << " ms (target <= 20 ms)\n"
          << "Re-sort the All view (SLA due / longest waiting <-> last activity), median: "
          << number("resort_ms", 2) << " ms\n"
          << "Open the " << number("open_conversation_messages", 0) << "-message conversation (model + 30 visible rows): "
          << number("open_conversation_ms", 2) << " ms   bare SQL: " << number("open_conversation_ref_ms", 2)
          << " ms (target <= 50 ms)\n"
          << "Switch conversation (model + rows + side panel), 20 x3: p50 " << number("switch_conversation_ms", 2)
          << " ms, p95 " << number("switch_conversation_p95_ms", 2) << " ms   bare SQL: "
          << number("switch_conversation_ref_ms", 2) << " ms (target <= 50 ms)\n"
          << "Dashboard, business hours on: first refresh (derives facts from every message) "
          << number("dashboard_facts_build_ms") << " ms; refresh " << number("dashboard_refresh_ms") << " ms all time, "
          << number("dashboard_refresh_30d_ms") << " ms last 30 days   bare SQL scan: "
          << number("dashboard_ref_scan_ms") << " ms (target <= 200 ms)\n   per metric:";
    for (auto it = dashboard.begin(); it != dashboard.end(); ++it) {
        const QString key = it.key();
        if (key.startsWith(QLatin1String("dashboard_")) && !key.contains(QLatin1String("refresh"))
            && !key.contains(QLatin1String("facts_build")) && !key.contains(QLatin1String("ref_scan")))
            out() << ' ' << key.mid(10).chopped(3) << ' ' << QString::number(it.value().toDouble(), 'f', 1);
    }
    out() << " (ms)\n"
          << "Peak memory: " << number("peak_rss_mb", 0) << " MiB (target <= 250 MB)\n"
          << "Tone + LATTE re-lint of a 2,000-character draft: "
          << QJsonDocument(result.value(QStringLiteral("lint")).toObject()).toJson(QJsonDocument::Compact) << "\n";
    return 0;
}

} // namespace Counterpart::Cli
