#include "ActionCableClient.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTimer>

namespace Counterpart::Connectors::Chatwoot {

ActionCableClient::ActionCableClient(const QUrl &cableUrl, const QString &pubsubToken, qint64 accountId,
                                     qint64 userId, QObject *parent)
    : ActionCableClient(cableUrl, pubsubToken, accountId, userId, Options(), parent)
{
}

ActionCableClient::ActionCableClient(const QUrl &cableUrl, const QString &pubsubToken, qint64 accountId,
                                     qint64 userId, const Options &options, QObject *parent)
    : QObject(parent)
    , m_url(cableUrl)
    , m_accountId(accountId)
    , m_options(options)
    , m_presence(new QTimer(this))
    , m_reconnect(new QTimer(this))
    , m_stale(new QTimer(this))
{
    // ActionCable matches subscriptions by the identifier string itself, so build it once.
    m_identifier = QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("channel"), QStringLiteral("RoomChannel")},
                                                               {QStringLiteral("pubsub_token"), pubsubToken},
                                                               {QStringLiteral("account_id"), accountId},
                                                               {QStringLiteral("user_id"), userId}})
                                         .toJson(QJsonDocument::Compact));
    m_presence->setInterval(m_options.presenceIntervalMs);
    m_reconnect->setSingleShot(true);
    m_stale->setSingleShot(true);
    m_stale->setInterval(m_options.staleAfterMs);
    connect(m_presence, &QTimer::timeout, this,
            [this] { sendCommand(QStringLiteral("message"), QStringLiteral("{\"action\":\"update_presence\"}")); });
    connect(m_reconnect, &QTimer::timeout, this, &ActionCableClient::connectSocket);
    connect(m_stale, &QTimer::timeout, this, [this] { m_socket.abort(); });
    connect(&m_socket, &QWebSocket::connected, this, &ActionCableClient::onConnected);
    connect(&m_socket, &QWebSocket::disconnected, this, &ActionCableClient::onClosed);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &ActionCableClient::onText);
}

ActionCableClient::~ActionCableClient()
{
    m_running = false;
    m_socket.disconnect(this);
    m_socket.abort();
}

QUrl ActionCableClient::cableUrlFor(const QUrl &baseUrl)
{
    QUrl url = baseUrl;
    url.setScheme(baseUrl.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QStringLiteral("/cable"));
    url.setQuery(QString());
    return url;
}

void ActionCableClient::start()
{
    if (m_running)
        return;
    m_running = true;
    m_reconnectAttempts = 0;
    connectSocket();
}

void ActionCableClient::stop()
{
    m_running = false;
    m_reconnect->stop();
    m_presence->stop();
    m_stale->stop();
    m_subscribed = false;
    m_socket.abort();
}

void ActionCableClient::connectSocket()
{
    if (!m_running)
        return;
    m_stale->start(); // also bounds a connection attempt that never completes
    m_socket.open(m_url);
}

void ActionCableClient::onConnected()
{
    m_stale->start();
}

void ActionCableClient::onClosed()
{
    const bool wasSubscribed = m_subscribed;
    m_subscribed = false;
    m_presence->stop();
    m_stale->stop();
    if (wasSubscribed)
        emit disconnected();
    if (m_running)
        scheduleReconnect();
}

void ActionCableClient::scheduleReconnect()
{
    ++m_reconnectAttempts;
    const qint64 exponential = qint64(m_options.reconnectBaseMs) << qBound(0, m_reconnectAttempts - 1, 16);
    const double jitter = 0.5 + QRandomGenerator::global()->generateDouble() * 0.5;
    m_lastDelayMs = int(qMin<qint64>(m_options.reconnectMaxMs, qint64(double(qMin<qint64>(exponential, m_options.reconnectMaxMs)) * jitter)));
    m_reconnect->start(m_lastDelayMs);
}

void ActionCableClient::sendCommand(const QString &command, const QString &data)
{
    QJsonObject frame{{QStringLiteral("command"), command}, {QStringLiteral("identifier"), m_identifier}};
    if (!data.isEmpty())
        frame.insert(QStringLiteral("data"), data);
    m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
}

void ActionCableClient::onText(const QString &text)
{
    m_stale->start();
    const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = frame.value(QLatin1String("type")).toString();
    if (type == QLatin1String("welcome")) {
        sendCommand(QStringLiteral("subscribe"));
        return;
    }
    if (type == QLatin1String("ping"))
        return;
    if (type == QLatin1String("confirm_subscription")) {
        m_subscribed = true;
        m_reconnectAttempts = 0;
        m_presence->start();
        sendCommand(QStringLiteral("message"), QStringLiteral("{\"action\":\"update_presence\"}"));
        emit subscribed();
        return;
    }
    if (type == QLatin1String("reject_subscription")) {
        // A wrong pubsub token will not get better by retrying: stop and let the caller decide.
        m_running = false;
        m_socket.close();
        emit subscriptionRejected();
        return;
    }
    if (type == QLatin1String("disconnect"))
        return; // the server closes the socket next; onClosed() reconnects
    const QJsonObject message = frame.value(QLatin1String("message")).toObject();
    const QString event = message.value(QLatin1String("event")).toString();
    const QJsonObject data = message.value(QLatin1String("data")).toObject();
    if (event.isEmpty())
        return;
    const QJsonValue account = data.value(QLatin1String("account_id"));
    if (!account.isUndefined() && !account.isNull() && account.toInteger(qint64(account.toDouble())) != m_accountId)
        return;
    emit eventReceived(event, data);
}

} // namespace Counterpart::Connectors::Chatwoot
