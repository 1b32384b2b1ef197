#include "FakeChatwootServer.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLocale>
#include <QTcpSocket>
#include <QTimeZone>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

namespace Counterpart::Testing {

namespace {
constexpr qsizetype kMaxRequestBytes = 64 * 1024 * 1024;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    default: return "Status";
    }
}
} // namespace

FakeChatwootServer::FakeChatwootServer(QObject *parent)
    : QObject(parent)
    , m_webSockets(new QWebSocketServer(QStringLiteral("fake-chatwoot"), QWebSocketServer::NonSecureMode, this))
    , m_cablePing(new QTimer(this))
{
    m_store.now = [this] { return now(); };
    m_store.meId = addAgent(QStringLiteral("Morgan Admin"), QStringLiteral("morgan@example.com"),
                            QStringLiteral("administrator"));
    connect(&m_tcp, &QTcpServer::newConnection, this, &FakeChatwootServer::onNewConnection);
    connect(m_webSockets, &QWebSocketServer::newConnection, this, &FakeChatwootServer::onWebSocket);
    m_cablePing->setInterval(3000);
    connect(m_cablePing, &QTimer::timeout, this, [this] {
        const QByteArray ping = QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("ping")},
                                                          {QStringLiteral("message"), qint64(now())}})
                                    .toJson(QJsonDocument::Compact);
        for (const QPointer<QWebSocket> &client : std::as_const(m_cableClients)) {
            if (client)
                client->sendTextMessage(QString::fromUtf8(ping));
        }
    });
    m_cablePing->start();
}

FakeChatwootServer::~FakeChatwootServer()
{
    for (const QPointer<QWebSocket> &client : std::as_const(m_cableClients)) {
        if (client)
            client->abort();
    }
    const QList<QTcpSocket *> sockets = m_connections.keys();
    for (QTcpSocket *socket : sockets)
        socket->abort();
}

bool FakeChatwootServer::listen()
{
    if (!m_tcp.listen(QHostAddress::LocalHost, 0))
        return false;
    m_store.publicUrl = baseUrl().toString();
    return true;
}

quint16 FakeChatwootServer::port() const
{
    return m_tcp.serverPort();
}

QUrl FakeChatwootServer::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port()));
}

QUrl FakeChatwootServer::cableUrl() const
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1/cable").arg(port()));
}

QString FakeChatwootServer::meEmail() const
{
    return m_store.agents.value(m_store.meId).email;
}

double FakeChatwootServer::now() const
{
    return double(QDateTime::currentMSecsSinceEpoch()) / 1000.0 + m_clockOffset;
}

qint64 FakeChatwootServer::addAgent(const QString &name, const QString &email, const QString &role)
{
    const qint64 id = m_store.nextId++;
    m_store.agents.insert(id, {id, name, email, role, QStringLiteral("online")});
    return id;
}

qint64 FakeChatwootServer::addInbox(const QString &name, const QString &channelType, const QString &medium,
                                    const QString &address)
{
    const qint64 id = m_store.nextId++;
    m_store.inboxes.insert(id, {id, name, channelType, medium, address});
    return id;
}

qint64 FakeChatwootServer::addTeam(const QString &name)
{
    const qint64 id = m_store.nextId++;
    m_store.teams.insert(id, name);
    return id;
}

qint64 FakeChatwootServer::addLabel(const QString &title)
{
    const qint64 id = m_store.nextId++;
    m_store.labels.insert(id, title);
    return id;
}

qint64 FakeChatwootServer::addCannedResponse(const QString &shortCode, const QString &content)
{
    const qint64 id = m_store.nextId++;
    m_store.cannedResponses.insert(id, {shortCode, content});
    return id;
}

qint64 FakeChatwootServer::addContact(const QString &name, const QString &email, const QString &phone)
{
    const qint64 id = m_store.nextId++;
    m_store.contacts.insert(id, {id, name, email, phone, now(), now()});
    return id;
}

qint64 FakeChatwootServer::addConversation(qint64 inboxId, qint64 contactId, const QString &status,
                                           qint64 assigneeId, const QStringList &labels, double lastActivityAt)
{
    FakeChatwootStore::Conversation conversation;
    conversation.id = m_store.nextDisplayId++;
    conversation.inboxId = inboxId;
    conversation.contactId = contactId;
    conversation.status = status;
    conversation.assigneeId = assigneeId;
    conversation.labels = labels;
    conversation.createdAt = lastActivityAt > 0 ? lastActivityAt : now();
    conversation.lastActivityAt = conversation.createdAt;
    conversation.updatedAt = now();
    m_store.conversations.insert(conversation.id, conversation);
    return conversation.id;
}

qint64 FakeChatwootServer::addMessage(qint64 conversationId, const QString &content, int messageType,
                                      bool isPrivate, qint64 agentId, double createdAt)
{
    FakeChatwootStore::Conversation &conversation = m_store.conversations[conversationId];
    FakeChatwootStore::Message message;
    message.id = m_store.nextMessageId++;
    message.conversationId = conversationId;
    message.content = content;
    message.messageType = messageType;
    message.isPrivate = isPrivate;
    if (messageType == 0) {
        message.senderType = QStringLiteral("Contact");
        message.senderId = conversation.contactId;
    } else if (messageType == 1) {
        message.senderType = QStringLiteral("User");
        message.senderId = agentId ? agentId : m_store.meId;
    }
    message.createdAt = createdAt > 0 ? createdAt : now();
    m_store.messages.insert(message.id, message);
    conversation.lastActivityAt = qMax(conversation.lastActivityAt, message.createdAt);
    m_store.touch(conversation);
    return message.id;
}

qint64 FakeChatwootServer::addContactNote(qint64 contactId, const QString &content, qint64 agentId, double createdAt)
{
    FakeChatwootStore::ContactNote note;
    note.id = m_store.nextId++;
    note.contactId = contactId;
    note.userId = agentId ? agentId : m_store.meId;
    note.content = content;
    note.createdAt = createdAt > 0 ? createdAt : now();
    note.updatedAt = note.createdAt;
    m_store.contactNotes.insert(note.id, note);
    return note.id;
}

QList<FakeChatwootStore::ContactNote> FakeChatwootServer::contactNotes(qint64 contactId) const
{
    QList<FakeChatwootStore::ContactNote> notes;
    for (const auto &note : m_store.contactNotes) {
        if (note.contactId == contactId)
            notes.append(note);
    }
    return notes;
}

void FakeChatwootServer::removeContact(qint64 contactId)
{
    m_store.contacts.remove(contactId);
    m_store.contactNotes.removeIf([contactId](const auto &it) { return it.value().contactId == contactId; });
}

void FakeChatwootServer::removeConversation(qint64 conversationId)
{
    m_store.conversations.remove(conversationId);
    for (auto it = m_store.messages.begin(); it != m_store.messages.end();) {
        if (it->conversationId == conversationId)
            it = m_store.messages.erase(it);
        else
            ++it;
    }
}

void FakeChatwootServer::setStatus(qint64 conversationId, const QString &status)
{
    m_store.conversations[conversationId].status = status;
    m_store.touch(m_store.conversations[conversationId]);
    emitConversationUpdated(conversationId, QStringLiteral("conversation.status_changed"));
}

void FakeChatwootServer::setAssignee(qint64 conversationId, qint64 agentId)
{
    m_store.conversations[conversationId].assigneeId = agentId;
    m_store.touch(m_store.conversations[conversationId]);
    emitConversationUpdated(conversationId, QStringLiteral("assignee.changed"));
}

void FakeChatwootServer::setLabels(qint64 conversationId, const QStringList &labels)
{
    m_store.conversations[conversationId].labels = labels;
    m_store.touch(m_store.conversations[conversationId]);
    emitConversationUpdated(conversationId);
}

void FakeChatwootServer::emitMessageCreated(qint64 messageId)
{
    broadcast(QStringLiteral("message.created"), m_store.messagePushJson(m_store.messages.value(messageId)));
}

void FakeChatwootServer::emitConversationUpdated(qint64 conversationId, const QString &event)
{
    broadcast(event, m_store.conversationPushJson(m_store.conversations.value(conversationId)));
}

void FakeChatwootServer::emitTyping(qint64 conversationId, qint64 agentId, bool on, bool isPrivate)
{
    const FakeChatwootStore::Agent agent = m_store.agents.value(agentId);
    broadcast(on ? QStringLiteral("conversation.typing_on") : QStringLiteral("conversation.typing_off"),
              QJsonObject{{QStringLiteral("conversation"), m_store.conversationPushJson(m_store.conversations.value(conversationId))},
                          {QStringLiteral("user"), QJsonObject{{QStringLiteral("id"), agent.id},
                                                               {QStringLiteral("name"), agent.name},
                                                               {QStringLiteral("available_name"), agent.name},
                                                               {QStringLiteral("type"), QStringLiteral("user")}}},
                          {QStringLiteral("is_private"), isPrivate}, {QStringLiteral("account_id"), accountId()}});
}

void FakeChatwootServer::emitEvent(const QString &event, const QJsonObject &data, qint64 accountId)
{
    QJsonObject payload = data;
    payload.insert(QStringLiteral("account_id"), accountId ? accountId : m_store.accountId);
    for (auto it = m_subscriptions.cbegin(); it != m_subscriptions.cend(); ++it) {
        const QJsonObject frame{{QStringLiteral("identifier"), it.value()},
                                {QStringLiteral("message"), QJsonObject{{QStringLiteral("event"), event},
                                                                        {QStringLiteral("data"), payload}}}};
        it.key()->sendTextMessage(QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
    }
}

void FakeChatwootServer::broadcast(const QString &event, const QJsonObject &data)
{
    emitEvent(event, data, m_store.accountId);
}

void FakeChatwootServer::closeWebSockets()
{
    for (const QPointer<QWebSocket> &client : std::as_const(m_cableClients)) {
        if (client)
            client->close(QWebSocketProtocol::CloseCodeGoingAway);
    }
}

void FakeChatwootServer::setCablePingIntervalMs(int ms)
{
    m_cablePing->setInterval(ms);
}

int FakeChatwootServer::subscriberCount() const
{
    return int(m_subscriptions.size());
}

void FakeChatwootServer::injectFault(const QString &method, const QString &pathPart, Fault fault, int times)
{
    m_faults.append({method, pathPart, fault, times});
}

int FakeChatwootServer::pendingFaults() const
{
    int total = 0;
    for (const FaultRule &rule : m_faults)
        total += rule.remaining;
    return total;
}

int FakeChatwootServer::requestCount(const QString &method, const QString &pathPart) const
{
    int count = 0;
    for (const FakeHttpRequest &request : m_requests) {
        if ((method.isEmpty() || request.method == method) && request.path.contains(pathPart))
            ++count;
    }
    return count;
}

int FakeChatwootServer::messageCount(qint64 conversationId) const
{
    return int(m_store.messagesOf(conversationId).size());
}

QList<qint64> FakeChatwootServer::messageIds(qint64 conversationId) const
{
    QList<qint64> ids;
    const QList<FakeChatwootStore::Message> messages = m_store.messagesOf(conversationId);
    for (const FakeChatwootStore::Message &message : messages)
        ids.append(message.id);
    return ids;
}

const FakeChatwootStore::Conversation &FakeChatwootServer::conversation(qint64 conversationId) const
{
    static const FakeChatwootStore::Conversation none;
    auto it = m_store.conversations.constFind(conversationId);
    return it == m_store.conversations.cend() ? none : *it;
}

const FakeChatwootStore::Message &FakeChatwootServer::message(qint64 messageId) const
{
    static const FakeChatwootStore::Message none;
    auto it = m_store.messages.constFind(messageId);
    return it == m_store.messages.cend() ? none : *it;
}

void FakeChatwootServer::onNewConnection()
{
    while (QTcpSocket *socket = m_tcp.nextPendingConnection()) {
        m_connections.insert(socket, Connection());
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            if (m_connections.remove(socket))
                socket->deleteLater();
        });
    }
}

void FakeChatwootServer::onReadyRead(QTcpSocket *socket)
{
    auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    if (it->buffer.isEmpty() && socket->peek(11) == "GET /cable ") {
        // ActionCable lives on the same port as the REST API, as on a real server.
        socket->disconnect(this);
        m_connections.erase(it);
        m_webSockets->handleConnection(socket);
        return;
    }
    if (it->buffer.isEmpty() && socket->peek(1) == "\x16") {
        // A TLS ClientHello on the plain port: answer like nginx does, in clear text.
        socket->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        socket->disconnectFromHost();
        return;
    }
    it->buffer += socket->readAll();
    for (int guard = 0; guard < 64; ++guard) {
        it = m_connections.find(socket);
        if (it == m_connections.end())
            return;
        QByteArray &buffer = it->buffer;
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        FakeHttpRequest request;
        request.method = QString::fromLatin1(requestLine.value(0));
        const QUrl target(QString::fromUtf8(requestLine.value(1)));
        request.path = target.path();
        request.query = QUrlQuery(target);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            if (colon > 0)
                request.headers.insert(lines.at(i).left(colon).trimmed().toLower(), lines.at(i).mid(colon + 1).trimmed());
        }
        const qsizetype length = request.headers.value("content-length").toLongLong();
        if (length > kMaxRequestBytes) {
            socket->abort();
            return;
        }
        if (buffer.size() < headerEnd + 4 + length)
            return;
        request.body = buffer.mid(headerEnd + 4, length);
        buffer.remove(0, headerEnd + 4 + length);
        serve(socket, request);
    }
}

void FakeChatwootServer::serve(QTcpSocket *socket, FakeHttpRequest request)
{
    const bool keepAlive = request.headers.value("connection").toLower() != "close";
    std::optional<Fault> fault;
    for (FaultRule &rule : m_faults) {
        if (rule.remaining > 0 && (rule.method.isEmpty() || rule.method == request.method)
            && request.path.contains(rule.pathPart)) {
            --rule.remaining;
            fault = rule.fault;
            break;
        }
    }
    request.faulted = fault.has_value();
    m_requests.append(request);
    emit requestReceived(request.method, request.path);

    if (fault == Fault::ServerError) {
        writeResponse(socket, {500, "application/json; charset=utf-8", "{\"error\":\"Internal Server Error\"}", {}}, keepAlive);
        return;
    }
    if (fault == Fault::TooManyRequests) {
        writeResponse(socket, {429, "text/plain", "Retry later\n", {}}, keepAlive);
        return;
    }
    if (fault == Fault::NoAnswer)
        return;
    if (fault == Fault::Garbage) {
        writeResponse(socket, {200, "application/json; charset=utf-8", QByteArray("\x01\x02garbage<<>>", 13), {}}, keepAlive);
        return;
    }
    if (fault == Fault::HtmlPage) {
        writeResponse(socket, {200, "text/html", "<!DOCTYPE html><html><body>Welcome to nginx!</body></html>\n", {}}, keepAlive);
        return;
    }

    FakeHttpResponse response = m_store.handle(request);
    for (const auto &[event, data] : std::as_const(response.events))
        broadcast(event, data);
    if (fault == Fault::ProcessNoAnswer)
        return;
    if (fault == Fault::ProcessThenDrop) {
        socket->abort();
        return;
    }
    if (fault == Fault::DropMidBody) {
        QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status)
            + "\r\nContent-Type: " + response.contentType + "\r\nContent-Length: " + QByteArray::number(response.body.size())
            + "\r\n\r\n";
        socket->write(head + response.body.left(response.body.size() / 2));
        socket->flush();
        socket->abort();
        return;
    }
    if (fault == Fault::TruncatedJson)
        response.body.truncate(response.body.size() / 2);
    writeResponse(socket, response, keepAlive);
}

void FakeChatwootServer::writeResponse(QTcpSocket *socket, const FakeHttpResponse &response, bool keepAlive)
{
    const QByteArray date = QLocale::c()
                                .toString(QDateTime::fromMSecsSinceEpoch(qint64(now() * 1000), Qt::UTC),
                                          QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"))
                                .toLatin1();
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    out += "Date: " + date + "\r\n";
    out += "Content-Type: " + response.contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    out += keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n";
    socket->write(out + response.body);
    if (!keepAlive)
        socket->disconnectFromHost();
}

void FakeChatwootServer::onWebSocket()
{
    while (QWebSocket *socket = m_webSockets->nextPendingConnection()) {
        socket->setParent(this);
        ++m_webSocketConnections;
        m_cableClients.append(socket);
        connect(socket, &QWebSocket::textMessageReceived, this,
                [this, socket](const QString &text) { onCableText(socket, text); });
        connect(socket, &QWebSocket::disconnected, this, [this, socket] {
            m_subscriptions.remove(socket);
            m_cableClients.removeAll(socket);
            socket->deleteLater();
        });
        socket->sendTextMessage(QStringLiteral("{\"type\":\"welcome\"}"));
    }
}

void FakeChatwootServer::onCableText(QWebSocket *socket, const QString &text)
{
    const QJsonObject command = QJsonDocument::fromJson(text.toUtf8()).object();
    emit webSocketCommandReceived(command);
    const QString identifier = command.value(QLatin1String("identifier")).toString();
    const QJsonObject channel = QJsonDocument::fromJson(identifier.toUtf8()).object();
    const QString kind = command.value(QLatin1String("command")).toString();
    if (kind == QLatin1String("subscribe")) {
        const bool valid = channel.value(QLatin1String("channel")).toString() == QLatin1String("RoomChannel")
            && channel.value(QLatin1String("pubsub_token")).toString() == m_store.pubsubToken;
        if (valid)
            m_subscriptions.insert(socket, identifier);
        const QJsonObject reply{{QStringLiteral("identifier"), identifier},
                                {QStringLiteral("type"), valid ? QStringLiteral("confirm_subscription")
                                                               : QStringLiteral("reject_subscription")}};
        socket->sendTextMessage(QString::fromUtf8(QJsonDocument(reply).toJson(QJsonDocument::Compact)));
    } else if (kind == QLatin1String("message")) {
        const QJsonObject data = QJsonDocument::fromJson(command.value(QLatin1String("data")).toString().toUtf8()).object();
        if (data.value(QLatin1String("action")).toString() == QLatin1String("update_presence"))
            ++m_presencePings;
    }
}

} // namespace Counterpart::Testing
