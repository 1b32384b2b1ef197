#pragma once

#include <QObject>
#include <QString>

namespace Counterpart::Credentials {

/**
 * One asynchronous keychain operation: start(), then finished(this) exactly once. The job
 * deletes itself after finished() unless setAutoDelete(false). The secret is only ever held in
 * memory; nothing here logs it.
 */
class CredentialJob : public QObject
{
    Q_OBJECT
public:
    enum class Operation { Read, Write, Remove };
    Q_ENUM(Operation)
    enum class Error {
        None,
        NotFound,     ///< no secret stored under that key
        NoKeychain,   ///< no keychain service (headless, no session bus): offer session-only
        AccessDenied, ///< the user or the keychain refused
        TimedOut,     ///< no answer in time (a locked keyring waiting for a hidden prompt)
        Other,
    };
    Q_ENUM(Error)

    CredentialJob(Operation operation, const QString &key, QObject *parent = nullptr);

    virtual void start() = 0;

    Operation operation() const { return m_operation; }
    QString key() const { return m_key; }
    bool isFinished() const { return m_finished; }
    Error error() const { return m_error; }
    QString errorString() const { return m_errorString; }
    /** The secret read (Read jobs), valid in finished(). */
    QString secret() const { return m_secret; }

    bool autoDelete() const { return m_autoDelete; }
    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }

    /**
     * Starts the job and waits in a local event loop until it finished (every implementation
     * ends by itself: the keychain one has a timeout). For the CLI and tests; switches autoDelete
     * off, so the caller owns the job afterwards.
     */
    void exec();

signals:
    void finished(Counterpart::Credentials::CredentialJob *job);

protected:
    /** Ends the job once; later calls are ignored (a late keychain answer after a timeout). */
    void finish(Error error, const QString &errorString, const QString &secret = QString());

private:
    Operation m_operation;
    QString m_key;
    QString m_secret;
    QString m_errorString;
    Error m_error = Error::None;
    bool m_finished = false;
    bool m_autoDelete = true;
};

} // namespace Counterpart::Credentials
