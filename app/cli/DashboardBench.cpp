#include "DashboardBench.h"

#include "BenchStats.h"
#include "metrics/MetricsEngine.h"
#include "storage/CacheStore.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSqlQuery>

namespace Counterpart::Cli {

namespace {

constexpr int kRuns = 7;

} // namespace

QJsonObject benchDashboard(Storage::CacheStore &cache)
{
    QJsonObject result;
    QSqlQuery reset(cache.connection());
    reset.exec(QStringLiteral("DELETE FROM reply_facts"));
    reset.exec(QStringLiteral("DELETE FROM conversation_facts"));

    Metrics::MetricsEngine engine(cache.connection(),
                                  Metrics::BusinessHours::weekdays(QTimeZone("Europe/Athens"), 9 * 60, 17 * 60),
                                  Metrics::Sla());
    QSqlQuery newest(cache.connection());
    newest.exec(QStringLiteral("SELECT max(last_activity_at) FROM conversations"));
    const QDateTime now = QDateTime::fromSecsSinceEpoch(newest.next() ? newest.value(0).toLongLong() : 0, Qt::UTC);

    const Metrics::MetricsReport first = engine.compute({}, now);
    result.insert(QStringLiteral("dashboard_facts_build_ms"), first.refreshMs);

    QList<double> refresh, recent, reference;
    QHash<QString, QList<double>> perMetric;
    Metrics::MetricsFilter lastMonth;
    lastMonth.from = now.addDays(-30);
    lastMonth.to = now.addSecs(1);
    for (int run = 0; run < kRuns; ++run) {
        const Metrics::MetricsReport report = engine.compute({}, now);
        refresh.append(report.refreshMs);
        for (const auto &[key, ms] : report.timingsMs)
            perMetric[key].append(ms);
        recent.append(engine.compute(lastMonth, now).refreshMs);

        QElapsedTimer timer;
        timer.start();
        QSqlQuery scan(cache.connection());
        scan.setForwardOnly(true);
        if (!scan.exec(QStringLiteral("SELECT count(*), avg(frt_secs), sum(frt_secs <= target_secs) FROM conversation_facts"))
            || !scan.next())
            result.insert(QStringLiteral("dashboard_error"), QStringLiteral("reference scan failed"));
        reference.append(timer.nsecsElapsed() / 1e6);
    }
    result.insert(QStringLiteral("dashboard_refresh_ms"), BenchStats::median(refresh));
    result.insert(QStringLiteral("dashboard_refresh_30d_ms"), BenchStats::median(recent));
    result.insert(QStringLiteral("dashboard_ref_scan_ms"), BenchStats::median(reference));
    for (auto it = perMetric.cbegin(); it != perMetric.cend(); ++it)
        result.insert(QStringLiteral("dashboard_") + it.key() + QStringLiteral("_ms"), BenchStats::median(it.value()));
    if (!engine.errorString().isEmpty())
        result.insert(QStringLiteral("dashboard_error"), engine.errorString());
    return result;
}

} // namespace Counterpart::Cli
