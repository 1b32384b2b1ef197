#pragma once

#include "Channel.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

/*
 * Value types shared by every layer. Local ids (`id`) are rowids of cache.sqlite and change when
 * the cache is rebuilt; `remoteId` is the server's id and, with the source's uid, the stable key
 * that workspace.sqlite uses to refer to server objects.
 */
namespace Counterpart::Domain {

/** Where data comes from: the demo generator or one helpdesk account. */
struct Source
{
    qint64 id = 0;
    QString uid;  ///< stable: "demo", "chatwoot:<host>#<account>"
    QString kind; ///< "demo", "chatwoot"
    QString name;
    QString baseUrl;
    qint64 accountId = 0;
};

struct Inbox
{
    qint64 id = 0;
    qint64 sourceId = 0;
    qint64 remoteId = 0;
    QString name;
    ChannelKind channel = ChannelKind::Api;
    QString timezone;
    QString address; ///< email address or phone number the inbox receives on
};

struct Agent
{
    qint64 id = 0;
    qint64 sourceId = 0;
    qint64 remoteId = 0;
    QString name;
    QString email;
    QString role; ///< "agent" or "administrator"
    QString availability; ///< online, busy, offline
};

struct Team
{
    qint64 id = 0;
    qint64 sourceId = 0;
    qint64 remoteId = 0;
    QString name;
};

struct Label
{
    qint64 id = 0;
    qint64 sourceId = 0;
    qint64 remoteId = 0;
    QString title;
    QString description;
    QString color;
};

struct Contact
{
    qint64 id = 0;
    qint64 sourceId = 0;
    qint64 remoteId = 0;
    QString name;
    QString email;
    QString phone;
    QString language; ///< BCP 47: "en", "zh-Hans", "zh-Hant", "el"
    QString timezone; ///< IANA: "Asia/Shanghai"
    QString location;
    QString company;
    QJsonObject customAttributes; ///< plan, lifetime value, orders ...
    QDateTime createdAt;
    QDateTime lastActivityAt;
};

/**
 * A note the team keeps about a customer (Chatwoot "contact notes"), beside every conversation
 * with them. In an IngestBatch `contactId` and `authorId` are remote ids; read from the cache
 * they are local ids (authorId 0 when the author is not a known agent).
 */
struct ContactNote
{
    qint64 id = 0;
    qint64 sourceId = 0;
    qint64 remoteId = 0;
    qint64 contactId = 0;
    qint64 authorId = 0;
    QString authorName;
    QString content;
    QDateTime createdAt;
    QDateTime updatedAt;
};

enum class ConversationStatus { Open, Pending, Snoozed, Resolved };
enum class Priority { None, Low, Medium, High, Urgent };

QString statusKey(ConversationStatus status);
ConversationStatus statusFromKey(const QString &key);
QString statusDisplayName(ConversationStatus status);
QString priorityKey(Priority priority);
Priority priorityFromKey(const QString &key);
QString priorityDisplayName(Priority priority);

struct Conversation
{
    qint64 id = 0;
    qint64 sourceId = 0;
    qint64 remoteId = 0; ///< Chatwoot display_id
    qint64 inboxId = 0;
    qint64 contactId = 0;
    qint64 assigneeId = 0; ///< local agent id, 0 = unassigned
    qint64 teamId = 0;
    ConversationStatus status = ConversationStatus::Open;
    Priority priority = Priority::None;
    QString subject;
    QString preview; ///< last customer or agent message, derived by the cache on ingest
    QStringList labels;
    int unreadCount = 0;
    QDateTime createdAt;
    QDateTime lastActivityAt;
    QDateTime waitingSince;  ///< null when the customer is not waiting
    QDateTime firstReplyAt;  ///< null before the first agent reply
    QDateTime snoozedUntil;
    int csatRating = 0; ///< 1..5, 0 = none
    QString csatComment;
    QJsonObject customAttributes;
};

enum class MessageKind { Incoming, Outgoing, Note, Activity };
enum class SenderKind { Contact, Agent, Bot, System };
enum class DeliveryState { Sent, Delivered, Read, Failed, Pending };

QString messageKindKey(MessageKind kind);
MessageKind messageKindFromKey(const QString &key);
QString senderKindKey(SenderKind kind);
SenderKind senderKindFromKey(const QString &key);
QString deliveryKey(DeliveryState state);
DeliveryState deliveryFromKey(const QString &key);

struct Attachment
{
    QString fileName;
    QString contentType;
    qint64 size = 0;
    QString url;
    int durationSeconds = 0; ///< audio / voicemail
};

struct Message
{
    qint64 id = 0;
    qint64 sourceId = 0;
    qint64 remoteId = 0;
    qint64 conversationId = 0;
    MessageKind kind = MessageKind::Incoming;
    SenderKind senderKind = SenderKind::Contact;
    qint64 senderId = 0; ///< local contact or agent id
    QString senderName;
    QString text;
    QString html; ///< email body as received; empty for plain channels
    QList<Attachment> attachments;
    QDateTime createdAt;
    DeliveryState delivery = DeliveryState::Sent;
    QString echoId;
};

QJsonArray attachmentsToJson(const QList<Attachment> &attachments);
QList<Attachment> attachmentsFromJson(const QByteArray &json);

} // namespace Counterpart::Domain
