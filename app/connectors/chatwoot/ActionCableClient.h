#pragma once

#include <QJsonObject>
#include <QObject>
#include <QUrl>
#include <QWebSocket>

QT_BEGIN_NAMESPACE
class QTimer;
QT_END_NAMESPACE

namespace Counterpart::Connectors::Chatwoot {

/**
 * Chatwoot's realtime feed: an ActionCable WebSocket subscribed to RoomChannel with the
 * profile's pubsub_token. Sends a presence ping every 20 s so the agent shows as online,
 * reconnects with exponential backoff and jitter when the socket closes or goes silent, and
 * hands on the events of its own account only.
 */
class ActionCableClient : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int presenceIntervalMs = 20000;
        int reconnectBaseMs = 1000;
        int reconnectMaxMs = 60000;
        int staleAfterMs = 30000; ///< no frame (ActionCable pings every 3 s) for this long: reconnect
    };

    ActionCableClient(const QUrl &cableUrl, const QString &pubsubToken, qint64 accountId, qint64 userId,
                      QObject *parent = nullptr);
    ActionCableClient(const QUrl &cableUrl, const QString &pubsubToken, qint64 accountId, qint64 userId,
                      const Options &options, QObject *parent = nullptr);
    ~ActionCableClient() override;

    /** ws(s)://host/cable for an http(s) server base URL. */
    static QUrl cableUrlFor(const QUrl &baseUrl);

    void start();
    void stop();
    bool isSubscribed() const { return m_subscribed; }
    int reconnectAttempts() const { return m_reconnectAttempts; }
    /** The delay before the next reconnect attempt (for tests and the status line). */
    int lastReconnectDelayMs() const { return m_lastDelayMs; }

signals:
    /** The subscription is confirmed (again): the caller should fetch what it missed. */
    void subscribed();
    void disconnected();
    /** One event of this account, e.g. "message.created", with its data object. */
    void eventReceived(const QString &event, const QJsonObject &data);
    void subscriptionRejected();

private:
    void connectSocket();
    void onConnected();
    void onClosed();
    void onText(const QString &text);
    void scheduleReconnect();
    void sendCommand(const QString &command, const QString &data = QString());

    QUrl m_url;
    QString m_identifier;
    qint64 m_accountId;
    Options m_options;
    QWebSocket m_socket;
    QTimer *m_presence = nullptr;
    QTimer *m_reconnect = nullptr;
    QTimer *m_stale = nullptr;
    bool m_running = false;
    bool m_subscribed = false;
    int m_reconnectAttempts = 0;
    int m_lastDelayMs = 0;
};

} // namespace Counterpart::Connectors::Chatwoot
