#pragma once

#include <QJsonObject>

namespace Counterpart::Storage {
class CacheStore;
}

namespace Counterpart::Cli {

/**
 * Times the team lead's dashboard (MetricsEngine) over the whole cache with business hours on
 * (Mon-Fri 09:00-17:00, Europe/Athens, so every duration goes through the business-time table).
 * Keys: dashboard_facts_build_ms (first refresh, facts derived from every message),
 * dashboard_refresh_ms (median of later refreshes, all time), dashboard_refresh_30d_ms (last 30
 * days), dashboard_<metric>_ms (median per metric), and dashboard_ref_scan_ms: one bare SQL pass
 * over the facts table (count, average, a comparison), the floor any full-range aggregate pays.
 */
QJsonObject benchDashboard(Storage::CacheStore &cache);

} // namespace Counterpart::Cli
