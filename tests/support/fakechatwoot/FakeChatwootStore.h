#pragma once

#include "FakeChatwootTypes.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <functional>

namespace Counterpart::Testing {

/**
 * The state of the fake Chatwoot account and the REST endpoints of API-NOTES §4 over it, with the
 * server's JSON shapes: conversations keyed by display_id, mixed time formats, 25 conversations
 * and 20 messages per page, error bodies of §2. No I/O here; FakeChatwootServer does the sockets.
 */
class FakeChatwootStore
{
public:
    struct Agent { qint64 id; QString name; QString email; QString role; QString availability; };
    struct Inbox { qint64 id; QString name; QString channelType; QString medium; QString address; };
    struct Contact { qint64 id; QString name; QString email; QString phone; double createdAt; double lastActivityAt; };
    struct Conversation
    {
        qint64 id = 0; ///< display_id
        qint64 inboxId = 0;
        qint64 contactId = 0;
        qint64 assigneeId = 0;
        qint64 teamId = 0;
        QString status = QStringLiteral("open");
        QString priority; ///< empty = null
        QStringList labels;
        QJsonObject customAttributes;
        double createdAt = 0;
        double updatedAt = 0;
        double lastActivityAt = 0;
        qint64 snoozedUntil = 0;
        double agentLastSeenAt = 0;
        int unreadCount = 0;
    };
    struct Attachment
    {
        qint64 id = 0;
        QString fileName;
        QString contentType;
        QByteArray data;
    };
    struct Message
    {
        qint64 id = 0;
        qint64 conversationId = 0;
        QString content;
        int messageType = 0;
        bool isPrivate = false;
        QString senderType; ///< "Contact", "User" or empty
        qint64 senderId = 0;
        double createdAt = 0;
        QJsonObject contentAttributes;
        QList<Attachment> attachments;
    };

    struct ContactNote { qint64 id = 0; qint64 contactId = 0; qint64 userId = 0; QString content; double createdAt = 0; double updatedAt = 0; };

    std::function<double()> now; ///< server clock in epoch seconds (fractional)
    qint64 accountId = 1;
    QString token = QStringLiteral("test-token");
    QString password = QStringLiteral("secret-password");
    QString pubsubToken = QStringLiteral("pubsub-token-1");
    qint64 meId = 0;
    QString publicUrl = QStringLiteral("http://127.0.0.1"); ///< prefix of attachments' data_url

    QMap<qint64, Agent> agents;
    QMap<qint64, Inbox> inboxes;
    QMap<qint64, QString> teams;
    QMap<qint64, QString> labels;
    QMap<qint64, Contact> contacts;
    QMap<qint64, Conversation> conversations;
    QMap<qint64, Message> messages;
    QMap<qint64, QPair<QString, QString>> cannedResponses;
    QMap<qint64, ContactNote> contactNotes;
    qint64 nextId = 1;
    qint64 nextMessageId = 1;
    qint64 nextDisplayId = 1;

    FakeHttpResponse handle(const FakeHttpRequest &request);

    QJsonObject agentJson(const Agent &agent) const;
    QJsonObject inboxJson(const Inbox &inbox) const;
    QJsonObject contactJson(const Contact &contact) const;
    QJsonObject conversationJson(const Conversation &conversation) const;
    QJsonObject conversationPushJson(const Conversation &conversation) const;
    QJsonObject messageJson(const Message &message) const;
    QJsonObject messagePushJson(const Message &message) const;
    QJsonObject attachmentJson(const Message &message, const Attachment &attachment) const;
    QJsonObject profileJson() const;
    QJsonObject contactNoteJson(const ContactNote &note) const;
    QList<Message> messagesOf(qint64 conversationId) const;
    void touch(Conversation &conversation);

private:
    FakeHttpResponse handleAccount(const FakeHttpRequest &request, const QStringList &parts);
    FakeHttpResponse handleConversation(const FakeHttpRequest &request, Conversation &conversation,
                                        const QString &action);
    FakeHttpResponse handleContactNotes(const FakeHttpRequest &request, qint64 contactId);
    FakeHttpResponse listConversations(const FakeHttpRequest &request);
    FakeHttpResponse listMessages(const FakeHttpRequest &request, const Conversation &conversation);
    FakeHttpResponse postMessage(const FakeHttpRequest &request, Conversation &conversation);
    QJsonObject countsJson(bool withAssigned) const;
};

} // namespace Counterpart::Testing
