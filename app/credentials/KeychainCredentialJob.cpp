#include "KeychainCredentialJob.h"

#include <qt6keychain/keychain.h>

#include <QTimer>

namespace Counterpart::Credentials {

KeychainCredentialJob::KeychainCredentialJob(Operation operation, const QString &service,
                                             const QString &key, const QString &secret,
                                             int timeoutMs, QObject *parent)
    : CredentialJob(operation, key, parent), m_service(service), m_secretToWrite(secret),
      m_timeoutMs(timeoutMs)
{
}

KeychainCredentialJob::~KeychainCredentialJob()
{
    // A job still talking to the keychain must outlive us; it deletes itself when it answers.
    if (m_job) {
        m_job->disconnect(this);
        m_job->setParent(nullptr);
        m_job->setAutoDelete(true);
    }
}

void KeychainCredentialJob::start()
{
    QKeychain::Job *job = nullptr;
    switch (operation()) {
    case Operation::Read:
        job = new QKeychain::ReadPasswordJob(m_service);
        break;
    case Operation::Write: {
        auto *write = new QKeychain::WritePasswordJob(m_service);
        write->setTextData(m_secretToWrite);
        job = write;
        break;
    }
    case Operation::Remove:
        job = new QKeychain::DeletePasswordJob(m_service);
        break;
    }
    m_secretToWrite.clear();
    // QtKeychain's insecure fallback writes the secret into a settings file: never.
    job->setInsecureFallback(false);
    job->setAutoDelete(false);
    job->setKey(key());
    job->setParent(this);
    m_job = job;
    connect(job, &QKeychain::Job::finished, this, &KeychainCredentialJob::onKeychainFinished);
    QTimer::singleShot(m_timeoutMs, this, &KeychainCredentialJob::onTimeout);
    job->start();
}

void KeychainCredentialJob::onKeychainFinished()
{
    if (!m_job)
        return;
    const QKeychain::Error code = m_job->error();
    const QString detail = m_job->errorString();
    QString secret;
    if (operation() == Operation::Read && code == QKeychain::NoError)
        secret = static_cast<QKeychain::ReadPasswordJob *>(m_job.data())->textData();
    m_job->deleteLater();
    m_job = nullptr;

    switch (code) {
    case QKeychain::NoError:
        finish(Error::None, QString(), secret);
        return;
    case QKeychain::EntryNotFound:
        if (operation() == Operation::Remove)
            finish(Error::None, QString()); // already gone is what was asked
        else
            finish(Error::NotFound, tr("No token is stored in the keychain for this account."));
        return;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        finish(Error::AccessDenied, tr("The keychain refused access: %1").arg(detail));
        return;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
    case QKeychain::CouldNotDeleteEntry:
        break;
    }
    // Without a session bus or a secrets service every libsecret call ends in OtherError, so
    // that is treated like "no backend": the caller must offer session-only, not plain text.
    const QString reason = tr("No system keychain is available (%1).")
                               .arg(detail.isEmpty() ? tr("no secrets service") : detail);
    emit keychainUnavailable(reason);
    finish(Error::NoKeychain, reason);
}

void KeychainCredentialJob::onTimeout()
{
    if (isFinished())
        return;
    finish(Error::TimedOut,
           tr("The keychain did not answer within %1 s; it may be locked.").arg(m_timeoutMs / 1000));
}

} // namespace Counterpart::Credentials
