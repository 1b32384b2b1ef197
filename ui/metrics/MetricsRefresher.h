#pragma once

#include "MetricsWorker.h"

#include <QObject>
#include <QThread>

#include <optional>

namespace Counterpart::Ui {

/**
 * Owns the metrics thread. request() while a refresh runs keeps only the newest request, so a
 * lead clicking through filters gets the last one answered, not a backlog.
 */
class MetricsRefresher : public QObject
{
    Q_OBJECT
public:
    MetricsRefresher(const QString &cachePath, QObject *parent = nullptr);
    ~MetricsRefresher() override;

    void request(MetricsRequest request);
    bool isBusy() const { return m_running; }

signals:
    void started();
    void reportReady(const Counterpart::Metrics::MetricsReport &report, const QString &error);
    void dispatch(const Counterpart::Ui::MetricsRequest &request);

private:
    void onComputed(quint64 serial, const Metrics::MetricsReport &report, const QString &error);

    QThread m_thread;
    MetricsWorker *m_worker;
    std::optional<MetricsRequest> m_pending;
    quint64 m_serial = 0;
    bool m_running = false;
};

} // namespace Counterpart::Ui
