#include "ChatwootRequestJob.h"

#include "ChatwootRequestBody.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QTimer>

namespace Counterpart::Connectors::Chatwoot {

namespace {

bool isTls(QNetworkReply::NetworkError code)
{
    return code == QNetworkReply::SslHandshakeFailedError || code == QNetworkReply::InsecureRedirectError;
}

bool neverSent(QNetworkReply::NetworkError code)
{
    return code == QNetworkReply::ConnectionRefusedError || code == QNetworkReply::HostNotFoundError
        || isTls(code) || code == QNetworkReply::ProtocolUnknownError
        || code == QNetworkReply::ProxyConnectionRefusedError;
}

QDateTime httpDate(const QByteArray &value)
{
    QDateTime date = QLocale::c().toDateTime(QString::fromLatin1(value).trimmed(),
                                             QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    date.setTimeSpec(Qt::UTC);
    return date;
}

} // namespace

ChatwootRequestJob::ChatwootRequestJob(const ChatwootEndpoint &endpoint, Method method, const QUrl &url,
                                       const QJsonValue &body, QObject *parent)
    : QObject(parent)
    , m_endpoint(endpoint)
    , m_method(method)
    , m_url(url)
    , m_timeout(new QTimer(this))
    , m_backoff(new QTimer(this))
{
    if (body.isObject()) {
        m_payload = QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
        m_hasPayload = true;
    } else if (body.isArray()) {
        m_payload = QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact);
        m_hasPayload = true;
    }
    m_timeout->setSingleShot(true);
    m_backoff->setSingleShot(true);
    connect(m_timeout, &QTimer::timeout, this, [this] {
        m_timedOut = true;
        if (m_reply)
            m_reply->abort();
    });
    connect(m_backoff, &QTimer::timeout, this, &ChatwootRequestJob::sendOnce);
}

ChatwootRequestJob::~ChatwootRequestJob()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void ChatwootRequestJob::setUploadBody(ChatwootRequestBody *body, const QByteArray &contentType)
{
    delete m_uploadBody;
    m_uploadBody = body;
    body->setParent(this);
    m_uploadContentType = contentType;
    m_hasPayload = true;
    m_retryTransient = false;
}

void ChatwootRequestJob::start()
{
    sendOnce();
}

void ChatwootRequestJob::abort()
{
    m_backoff->stop();
    m_timeout->stop();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    finish(Error::Cancelled, errorMessage(Error::Cancelled));
}

void ChatwootRequestJob::sendOnce()
{
    ++m_attempts;
    m_timedOut = false;
    QNetworkRequest request(m_url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setRawHeader("Accept", "application/json");
    if (m_sendToken)
        request.setRawHeader("api_access_token", m_endpoint.token.toUtf8());
    if (m_hasPayload)
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          m_uploadBody ? m_uploadContentType : QByteArrayLiteral("application/json"));
    QNetworkAccessManager *network = m_endpoint.network;
    switch (m_method) {
    case Method::Get: m_reply = network->get(request); break;
    case Method::Post: {
        // A POST is not idempotent: never let Qt re-send it on its own (see ChatwootRequestBody).
        ChatwootRequestBody *body = m_uploadBody ? m_uploadBody.data() : new ChatwootRequestBody(m_payload);
        m_uploadBody = nullptr;
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        request.setHeader(QNetworkRequest::ContentLengthHeader, body->totalSize());
        m_reply = network->post(request, body);
        body->setParent(m_reply);
        break;
    }
    case Method::Put: m_reply = network->put(request, m_payload); break;
    case Method::Patch: m_reply = network->sendCustomRequest(request, "PATCH", m_payload); break;
    case Method::Delete: m_reply = network->deleteResource(request); break;
    }
    connect(m_reply, &QNetworkReply::finished, this, &ChatwootRequestJob::onReplyFinished);
    m_timeout->start(m_endpoint.retry.timeoutMs);
}

void ChatwootRequestJob::onReplyFinished()
{
    m_timeout->stop();
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    if (!reply)
        return;
    reply->deleteLater();
    const QNetworkReply::NetworkError code = reply->error();
    m_status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_body = reply->readAll();
    m_contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    if (reply->hasRawHeader("Date"))
        m_serverDate = httpDate(reply->rawHeader("Date"));
    m_json = QJsonValue();

    if (m_status == 0) {
        // No HTTP answer at all: decide between "never reached" and "may have been processed".
        Error error = isTls(code) ? Error::Tls : Error::Unreachable;
        QString message = m_timedOut ? QCoreApplication::translate("Chatwoot", "The server did not answer in time.")
                                     : reply->errorString();
        if (!neverSent(code) && m_method != Method::Get)
            m_outcomeUnknown = true;
        if (!isTls(code) && code != QNetworkReply::HostNotFoundError && retryLater())
            return;
        finish(error, message);
        return;
    }

    if (m_status == 429 || m_status >= 500) {
        if (m_status >= 500 && m_method != Method::Get)
            m_outcomeUnknown = true;
        if (retryLater())
            return;
        finish(m_status == 429 ? Error::RateLimited : Error::Server, errorMessage(m_status == 429 ? Error::RateLimited : Error::Server));
        return;
    }

    if (code != QNetworkReply::NoError && m_status < 400) {
        // Headers arrived but the body was cut: the server processed the request.
        if (m_method != Method::Get)
            m_outcomeUnknown = true;
        if (retryLater())
            return;
        finish(Error::BadResponse, errorMessage(Error::BadResponse));
        return;
    }

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(m_body, &parseError);
    if (parseError.error == QJsonParseError::NoError)
        m_json = document.isArray() ? QJsonValue(document.array())
               : document.isObject() ? QJsonValue(document.object())
                                     : QJsonValue();
    else if (m_body.trimmed() == "null")
        m_json = QJsonValue(QJsonValue::Null);

    if (m_status >= 400) {
        const QJsonObject object = m_json.toObject();
        QString serverMessage = object.value(QLatin1String("error")).toString();
        if (serverMessage.isEmpty())
            serverMessage = object.value(QLatin1String("message")).toString();
        const bool html = m_contentType.contains("html") || parseError.error != QJsonParseError::NoError;
        Error error = Error::BadResponse;
        if (m_status == 401)
            error = Error::Unauthorized;
        else if (m_status == 404)
            error = html ? Error::NotHelpdesk : Error::NotFound;
        finish(error, serverMessage.isEmpty() ? errorMessage(error) : serverMessage);
        return;
    }

    if (m_expectJson && parseError.error != QJsonParseError::NoError && m_body.trimmed() != "null") {
        if (m_method != Method::Get)
            m_outcomeUnknown = true;
        const bool html = m_contentType.contains("html");
        if (!html && retryLater())
            return;
        finish(html ? Error::NotHelpdesk : Error::BadResponse, errorMessage(html ? Error::NotHelpdesk : Error::BadResponse));
        return;
    }
    finish(Error::None, QString());
}

bool ChatwootRequestJob::retryLater()
{
    if (!m_retryTransient || m_attempts >= m_endpoint.retry.maxAttempts)
        return false;
    m_backoff->start(m_endpoint.retry.delayMs(m_attempts));
    return true;
}

void ChatwootRequestJob::finish(Error error, const QString &message)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    m_errorString = message;
    if (error == Error::None)
        m_outcomeUnknown = false;
    emit finished(this);
}

QString ChatwootRequestJob::errorMessage(Error error)
{
    switch (error) {
    case Error::None: return QString();
    case Error::Unreachable:
        return QCoreApplication::translate("Chatwoot", "The server cannot be reached. Check the address and your connection.");
    case Error::Tls:
        return QCoreApplication::translate("Chatwoot", "A secure connection could not be made (TLS certificate or handshake problem).");
    case Error::Unauthorized:
        return QCoreApplication::translate("Chatwoot", "The access token is not valid any more. Please sign in again.");
    case Error::NotFound:
        return QCoreApplication::translate("Chatwoot", "This account does not exist on the server, or you are not a member of it.");
    case Error::NotHelpdesk:
        return QCoreApplication::translate("Chatwoot", "The address answers, but not as a Chatwoot server. Check the URL.");
    case Error::RateLimited:
        return QCoreApplication::translate("Chatwoot", "The server asks to slow down (too many requests). Trying again shortly.");
    case Error::Server:
        return QCoreApplication::translate("Chatwoot", "The server had an internal error. Trying again shortly.");
    case Error::BadResponse:
        return QCoreApplication::translate("Chatwoot", "The server sent an answer that could not be read.");
    case Error::Cancelled:
        return QCoreApplication::translate("Chatwoot", "Cancelled.");
    }
    return QString();
}

} // namespace Counterpart::Connectors::Chatwoot
