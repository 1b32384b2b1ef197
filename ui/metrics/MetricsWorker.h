#pragma once

#include "metrics/BusinessHours.h"
#include "metrics/MetricsFilter.h"
#include "metrics/MetricsReport.h"
#include "metrics/Sla.h"

#include <QHash>
#include <QObject>

#include <memory>

namespace Counterpart::Storage {
class Database;
}

namespace Counterpart::Ui {

/** One dashboard refresh: everything the engine needs, copied so the worker shares nothing. */
struct MetricsRequest
{
    quint64 serial = 0;
    Metrics::MetricsFilter filter;
    Metrics::BusinessHours hours;
    Metrics::Sla sla;
    QDateTime now;
    QHash<QString, QPair<double, int>> reviewScores; ///< MetricsEngine::agentKey -> (average, count)
};

/**
 * Runs MetricsEngine on its own thread and its own connection to cache.sqlite, so a refresh over
 * 100,000 conversations never freezes the window. Lives on the worker thread (moveToThread);
 * compute() is called through a queued connection.
 */
class MetricsWorker : public QObject
{
    Q_OBJECT
public:
    explicit MetricsWorker(const QString &cachePath);
    ~MetricsWorker() override;

public slots:
    void compute(const Counterpart::Ui::MetricsRequest &request);

signals:
    void computed(quint64 serial, const Counterpart::Metrics::MetricsReport &report, const QString &error);

private:
    bool ensureOpen(QString *error);

    QString m_cachePath;
    std::unique_ptr<Storage::Database> m_db;
};

} // namespace Counterpart::Ui

Q_DECLARE_METATYPE(Counterpart::Ui::MetricsRequest)
Q_DECLARE_METATYPE(Counterpart::Metrics::MetricsReport)
