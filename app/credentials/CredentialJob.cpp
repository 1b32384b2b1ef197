#include "CredentialJob.h"

#include <QEventLoop>

namespace Counterpart::Credentials {

CredentialJob::CredentialJob(Operation operation, const QString &key, QObject *parent)
    : QObject(parent), m_operation(operation), m_key(key)
{
}

void CredentialJob::finish(Error error, const QString &errorString, const QString &secret)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    m_errorString = errorString;
    m_secret = secret;
    emit finished(this);
    if (m_autoDelete)
        deleteLater();
}

void CredentialJob::exec()
{
    setAutoDelete(false);
    QEventLoop loop;
    connect(this, &CredentialJob::finished, &loop, &QEventLoop::quit);
    start();
    if (!m_finished)
        loop.exec();
}

} // namespace Counterpart::Credentials
