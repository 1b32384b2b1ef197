#pragma once

#include "support/fakechatwoot/FakeChatwootStore.h"
#include "support/fakechatwoot/FakeChatwootTypes.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QUrl>

QT_BEGIN_NAMESPACE
class QTcpSocket;
class QWebSocket;
class QWebSocketServer;
class QTimer;
QT_END_NAMESPACE

namespace Counterpart::Testing {

/**
 * A stateful Chatwoot server on 127.0.0.1 (random port) for tests and benchmarks: a minimal
 * HTTP/1.1 server speaking the REST API of API-NOTES §4 with the server's JSON shapes, and the
 * ActionCable WebSocket on /cable of the same port. Seed it with the add* builders, drive it
 * like the team would (emit* helpers, or the REST API itself), inject faults, and inspect the
 * requests the client made and the resulting server state.
 *
 * A fresh server holds one account (accountId()), and "me": the administrator whose token() the
 * client uses (meId()).
 */
class FakeChatwootServer : public QObject
{
    Q_OBJECT
public:
    enum class Fault {
        ServerError,      ///< 500 with a JSON error body
        TooManyRequests,  ///< 429 text/plain "Retry later\n" (rack-attack)
        NoAnswer,         ///< read the request, never answer (the client times out)
        DropMidBody,      ///< process, send headers and half the body, close the connection
        TruncatedJson,    ///< process, answer 200 with the JSON cut in half (consistent length)
        Garbage,          ///< answer 200 with bytes that are not JSON
        ProcessThenDrop,  ///< process the request (state changes!), then close without answering
        HtmlPage,         ///< 200 text/html, as a non-Chatwoot web server would
        ProcessNoAnswer,  ///< process the request (state changes!), then never answer: a client
                          ///< killed while waiting leaves its write on the server
    };
    Q_ENUM(Fault)

    explicit FakeChatwootServer(QObject *parent = nullptr);
    ~FakeChatwootServer() override;

    /** Listens on 127.0.0.1 with a random port; false when that fails. */
    bool listen();
    quint16 port() const;
    QUrl baseUrl() const; ///< http://127.0.0.1:<port>
    QUrl cableUrl() const; ///< ws://127.0.0.1:<port>/cable
    qint64 accountId() const { return m_store.accountId; }
    QString token() const { return m_store.token; }
    QString password() const { return m_store.password; }
    qint64 meId() const { return m_store.meId; }
    QString meEmail() const;
    QString pubsubToken() const { return m_store.pubsubToken; }
    void setToken(const QString &token) { m_store.token = token; }

    // Seed data. Times are epoch seconds; 0 = now. Return the new server id.
    qint64 addAgent(const QString &name, const QString &email, const QString &role = QStringLiteral("agent"));
    qint64 addInbox(const QString &name, const QString &channelType, const QString &medium = {},
                    const QString &address = {});
    qint64 addTeam(const QString &name);
    qint64 addLabel(const QString &title);
    qint64 addCannedResponse(const QString &shortCode, const QString &content);
    qint64 addContact(const QString &name, const QString &email = {}, const QString &phone = {});
    /** A conversation (returns its display_id); lastActivityAt orders the list. */
    qint64 addConversation(qint64 inboxId, qint64 contactId, const QString &status = QStringLiteral("open"),
                           qint64 assigneeId = 0, const QStringList &labels = {}, double lastActivityAt = 0);
    /** messageType 0 incoming (from the contact), 1 outgoing (from `agentId`, default me), 2 activity. */
    qint64 addMessage(qint64 conversationId, const QString &content, int messageType = 0, bool isPrivate = false,
                      qint64 agentId = 0, double createdAt = 0);
    /** A note about a contact written by `agentId` (default me); returns its id. */
    qint64 addContactNote(qint64 contactId, const QString &content, qint64 agentId = 0, double createdAt = 0);
    /** The notes the server holds about a contact, oldest first. */
    QList<FakeChatwootStore::ContactNote> contactNotes(qint64 contactId) const;
    void removeContact(qint64 contactId);
    void removeConversation(qint64 conversationId);
    /** Server-side edits as another agent would make them (bump updated_at, broadcast). */
    void setStatus(qint64 conversationId, const QString &status);
    void setAssignee(qint64 conversationId, qint64 agentId);
    void setLabels(qint64 conversationId, const QStringList &labels);
    /** Moves the server clock forward (updated_within, Date header) without waiting. */
    void advanceClock(double seconds) { m_clockOffset += seconds; }
    double now() const;

    // Realtime: each broadcasts to every confirmed RoomChannel subscriber of this account.
    void emitMessageCreated(qint64 messageId);
    void emitConversationUpdated(qint64 conversationId, const QString &event = QStringLiteral("conversation.updated"));
    void emitTyping(qint64 conversationId, qint64 agentId, bool on, bool isPrivate = false);
    void emitEvent(const QString &event, const QJsonObject &data, qint64 accountId = 0);
    void closeWebSockets();
    void setCablePingIntervalMs(int ms);
    int webSocketConnections() const { return m_webSocketConnections; }
    int subscriberCount() const;
    int presencePings() const { return m_presencePings; }

    // Faults: the next `times` requests whose method matches (empty = any) and whose path
    // contains `pathPart` get `fault`.
    void injectFault(const QString &method, const QString &pathPart, Fault fault, int times = 1);
    void clearFaults() { m_faults.clear(); }
    int pendingFaults() const;

    // Inspection.
    int requestCount() const { return int(m_requests.size()); }
    const QList<FakeHttpRequest> &requests() const { return m_requests; }
    int requestCount(const QString &method, const QString &pathPart) const;
    void clearRequests() { m_requests.clear(); }
    QList<qint64> conversationIds() const { return m_store.conversations.keys(); }
    int messageCount(qint64 conversationId) const;
    int messageCount() const { return int(m_store.messages.size()); }
    QList<qint64> messageIds(qint64 conversationId) const;
    const FakeChatwootStore::Conversation &conversation(qint64 conversationId) const;
    const FakeChatwootStore::Message &message(qint64 messageId) const;
    /** Direct access to the state, for what the helpers above do not cover. */
    FakeChatwootStore &store() { return m_store; }

signals:
    void requestReceived(const QString &method, const QString &path);
    void webSocketCommandReceived(const QJsonObject &command);

private:
    struct FaultRule { QString method; QString pathPart; Fault fault; int remaining; };
    struct Connection { QByteArray buffer; bool upgraded = false; };

    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void serve(QTcpSocket *socket, FakeHttpRequest request);
    void writeResponse(QTcpSocket *socket, const FakeHttpResponse &response, bool keepAlive);
    void onWebSocket();
    void onCableText(QWebSocket *socket, const QString &text);
    void broadcast(const QString &event, const QJsonObject &data);

    FakeChatwootStore m_store;
    QTcpServer m_tcp;
    QWebSocketServer *m_webSockets = nullptr;
    QHash<QTcpSocket *, Connection> m_connections;
    QList<QPointer<QWebSocket>> m_cableClients;
    QHash<QWebSocket *, QString> m_subscriptions; ///< socket -> identifier it subscribed with
    QList<FaultRule> m_faults;
    QList<FakeHttpRequest> m_requests;
    QTimer *m_cablePing = nullptr;
    double m_clockOffset = 0;
    int m_webSocketConnections = 0;
    int m_presencePings = 0;
};

} // namespace Counterpart::Testing
