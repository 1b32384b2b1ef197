#include "MetricsWorker.h"

#include "metrics/MetricsEngine.h"
#include "storage/CacheSchema.h"
#include "storage/Database.h"

namespace Counterpart::Ui {

MetricsWorker::MetricsWorker(const QString &cachePath)
    : m_cachePath(cachePath)
{
}

MetricsWorker::~MetricsWorker() = default;

bool MetricsWorker::ensureOpen(QString *error)
{
    if (m_db && m_db->isOpen())
        return true;
    // Opened here, on the worker thread: a QSqlDatabase connection belongs to the thread that made it.
    m_db = std::make_unique<Storage::Database>();
    if (m_db->open(m_cachePath, Storage::cacheMigrations()) != Storage::Database::OpenStatus::Ok) {
        *error = m_db->errorString();
        m_db.reset();
        return false;
    }
    return true;
}

void MetricsWorker::compute(const MetricsRequest &request)
{
    QString error;
    if (!ensureOpen(&error)) {
        emit computed(request.serial, {}, error);
        return;
    }
    // A fresh engine per request: the business hours or targets may have changed, and the SQL
    // functions it registers must see the new ones. Creating one costs microseconds.
    Metrics::MetricsEngine engine(m_db->connection(), request.hours, request.sla);
    engine.setReviewScores(request.reviewScores);
    const Metrics::MetricsReport report = engine.compute(request.filter, request.now);
    emit computed(request.serial, report, engine.errorString());
}

} // namespace Counterpart::Ui
