#pragma once

#include "ChatwootEndpoint.h"
#include "sync/Connector.h"

#include <QDateTime>
#include <QJsonValue>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>

QT_BEGIN_NAMESPACE
class QTimer;
QT_END_NAMESPACE

namespace Counterpart::Connectors::Chatwoot {

class ChatwootRequestBody;

/**
 * One REST call with the token header, a timeout, and retries with backoff for what is worth
 * retrying (429, 5xx, timeouts, dropped connections, broken JSON). Calls that must not be
 * repeated blindly (posting a message) set retryTransient to false and look at outcomeUnknown().
 */
class ChatwootRequestJob : public QObject
{
    Q_OBJECT
public:
    using Error = Sync::Connector::Error;
    enum class Method { Get, Post, Put, Patch, Delete };

    ChatwootRequestJob(const ChatwootEndpoint &endpoint, Method method, const QUrl &url,
                       const QJsonValue &body = QJsonValue(QJsonValue::Undefined), QObject *parent = nullptr);
    ~ChatwootRequestJob() override;

    void setRetryTransient(bool retry) { m_retryTransient = retry; }
    /** Some answers are empty by design (toggle_priority); others must be JSON. */
    void setExpectJson(bool expect) { m_expectJson = expect; }
    void setSendToken(bool send) { m_sendToken = send; }
    /**
     * Sends `body` (a POST) instead of the JSON given to the constructor; the job takes it over.
     * Such a body is read once, so the job makes a single attempt.
     */
    void setUploadBody(ChatwootRequestBody *body, const QByteArray &contentType);

    void start();
    void abort();

    Error error() const { return m_error; }
    QString errorString() const { return m_errorString; }
    int httpStatus() const { return m_status; }
    QJsonValue json() const { return m_json; }
    QByteArray body() const { return m_body; }
    QByteArray contentType() const { return m_contentType; }
    /** The server's Date header of the last answer (invalid if none). */
    QDateTime serverDate() const { return m_serverDate; }
    /** True when the request may have changed the server although no answer arrived. */
    bool outcomeUnknown() const { return m_outcomeUnknown; }
    int attempts() const { return m_attempts; }
    QUrl url() const { return m_url; }

    static QString errorMessage(Error error);

signals:
    void finished(Counterpart::Connectors::Chatwoot::ChatwootRequestJob *job);

private:
    void sendOnce();
    void onReplyFinished();
    void finish(Error error, const QString &message);
    bool retryLater();

    ChatwootEndpoint m_endpoint;
    Method m_method;
    QUrl m_url;
    QByteArray m_payload;
    bool m_hasPayload = false;
    QPointer<ChatwootRequestBody> m_uploadBody;
    QByteArray m_uploadContentType;
    bool m_retryTransient = true;
    bool m_expectJson = true;
    bool m_sendToken = true;
    bool m_timedOut = false;
    bool m_finished = false;
    QPointer<QNetworkReply> m_reply;
    QTimer *m_timeout = nullptr;
    QTimer *m_backoff = nullptr;
    int m_attempts = 0;
    Error m_error = Error::None;
    QString m_errorString;
    int m_status = 0;
    QJsonValue m_json;
    QByteArray m_body;
    QByteArray m_contentType;
    QDateTime m_serverDate;
    bool m_outcomeUnknown = false;
};

} // namespace Counterpart::Connectors::Chatwoot
