#include "ResolvedCredentialJob.h"

#include <QTimer>

namespace Counterpart::Credentials {

ResolvedCredentialJob::ResolvedCredentialJob(Operation operation, const QString &key,
                                             std::function<Result()> work, QObject *parent)
    : CredentialJob(operation, key, parent), m_work(std::move(work))
{
}

void ResolvedCredentialJob::start()
{
    QTimer::singleShot(0, this, [this] {
        const Result result = m_work();
        finish(result.error, result.errorString, result.secret);
    });
}

} // namespace Counterpart::Credentials
