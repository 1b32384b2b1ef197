#include "MetricsRefresher.h"

namespace Counterpart::Ui {

MetricsRefresher::MetricsRefresher(const QString &cachePath, QObject *parent)
    : QObject(parent)
    , m_worker(new MetricsWorker(cachePath))
{
    qRegisterMetaType<Counterpart::Ui::MetricsRequest>();
    qRegisterMetaType<Counterpart::Metrics::MetricsReport>();
    m_thread.setObjectName(QStringLiteral("metrics"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(this, &MetricsRefresher::dispatch, m_worker, &MetricsWorker::compute, Qt::QueuedConnection);
    connect(m_worker, &MetricsWorker::computed, this, &MetricsRefresher::onComputed, Qt::QueuedConnection);
    m_thread.start(QThread::LowPriority);
}

MetricsRefresher::~MetricsRefresher()
{
    m_thread.quit();
    m_thread.wait();
}

void MetricsRefresher::request(MetricsRequest request)
{
    request.serial = ++m_serial;
    if (m_running) {
        m_pending = request;
        return;
    }
    m_running = true;
    emit started();
    emit dispatch(request);
}

void MetricsRefresher::onComputed(quint64 serial, const Metrics::MetricsReport &report, const QString &error)
{
    m_running = false;
    if (m_pending) {
        MetricsRequest next = *m_pending;
        m_pending.reset();
        m_running = true;
        emit dispatch(next);
        return; // this answer is already out of date
    }
    Q_UNUSED(serial);
    emit reportReady(report, error);
}

} // namespace Counterpart::Ui
