#include "ChatwootParser.h"

#include <QFileInfo>
#include <QTimeZone>
#include <QUrl>

namespace Counterpart::Connectors::Chatwoot {

using namespace Domain;

namespace {

qint64 idOf(const QJsonValue &value)
{
    // Ids are integers, but a proxy or an older view may hand them over as strings.
    if (value.isString())
        return value.toString().toLongLong();
    return value.toInteger(static_cast<qint64>(value.toDouble()));
}

QString text(const QJsonValue &value)
{
    return value.isString() ? value.toString() : QString();
}

} // namespace

QDateTime ChatwootParser::time(const QJsonValue &value)
{
    if (value.isDouble()) {
        const double seconds = value.toDouble();
        if (seconds <= 0)
            return QDateTime();
        return QDateTime::fromMSecsSinceEpoch(qint64(seconds * 1000.0 + 0.5), Qt::UTC);
    }
    if (value.isString()) {
        const QString raw = value.toString().trimmed();
        if (raw.isEmpty())
            return QDateTime();
        bool numeric = false;
        const double seconds = raw.toDouble(&numeric);
        if (numeric)
            return time(QJsonValue(seconds));
        QDateTime parsed = QDateTime::fromString(raw, Qt::ISODateWithMs);
        if (!parsed.isValid())
            parsed = QDateTime::fromString(raw, Qt::ISODate);
        return parsed.isValid() ? parsed.toUTC() : QDateTime();
    }
    return QDateTime();
}

ChannelKind ChatwootParser::channelKind(const QString &channelType, const QString &medium)
{
    static const QHash<QString, ChannelKind> kinds = {
        {QStringLiteral("Channel::Api"), ChannelKind::Api},
        {QStringLiteral("Channel::Email"), ChannelKind::Email},
        {QStringLiteral("Channel::FacebookPage"), ChannelKind::Facebook},
        {QStringLiteral("Channel::Instagram"), ChannelKind::Instagram},
        {QStringLiteral("Channel::Sms"), ChannelKind::Sms},
        {QStringLiteral("Channel::Telegram"), ChannelKind::Telegram},
        {QStringLiteral("Channel::WebWidget"), ChannelKind::WebChat},
        {QStringLiteral("Channel::Whatsapp"), ChannelKind::WhatsApp},
        {QStringLiteral("Channel::Voice"), ChannelKind::Phone},
    };
    if (channelType == QLatin1String("Channel::TwilioSms"))
        return medium == QLatin1String("whatsapp") ? ChannelKind::WhatsApp : ChannelKind::Sms;
    // Line, TikTok, Twitter and future channels have no composer rules of their own yet.
    return kinds.value(channelType, ChannelKind::Api);
}

ConversationStatus ChatwootParser::status(const QString &key)
{
    if (key == QLatin1String("resolved"))
        return ConversationStatus::Resolved;
    if (key == QLatin1String("pending"))
        return ConversationStatus::Pending;
    if (key == QLatin1String("snoozed"))
        return ConversationStatus::Snoozed;
    return ConversationStatus::Open;
}

Priority ChatwootParser::priority(const QJsonValue &value)
{
    const QString key = text(value);
    if (key == QLatin1String("low"))
        return Priority::Low;
    if (key == QLatin1String("medium"))
        return Priority::Medium;
    if (key == QLatin1String("high"))
        return Priority::High;
    if (key == QLatin1String("urgent"))
        return Priority::Urgent;
    return Priority::None;
}

QString ChatwootParser::statusKey(ConversationStatus status)
{
    switch (status) {
    case ConversationStatus::Open: return QStringLiteral("open");
    case ConversationStatus::Pending: return QStringLiteral("pending");
    case ConversationStatus::Snoozed: return QStringLiteral("snoozed");
    case ConversationStatus::Resolved: return QStringLiteral("resolved");
    }
    return QStringLiteral("open");
}

QString ChatwootParser::priorityKey(Priority priority)
{
    switch (priority) {
    case Priority::None: return QString();
    case Priority::Low: return QStringLiteral("low");
    case Priority::Medium: return QStringLiteral("medium");
    case Priority::High: return QStringLiteral("high");
    case Priority::Urgent: return QStringLiteral("urgent");
    }
    return QString();
}

Inbox ChatwootParser::inbox(const QJsonObject &json)
{
    Inbox inbox;
    inbox.remoteId = idOf(json.value(QLatin1String("id")));
    inbox.name = text(json.value(QLatin1String("name")));
    inbox.channel = channelKind(text(json.value(QLatin1String("channel_type"))),
                                text(json.value(QLatin1String("medium"))));
    inbox.timezone = text(json.value(QLatin1String("timezone")));
    inbox.address = text(json.value(QLatin1String("email")));
    if (inbox.address.isEmpty())
        inbox.address = text(json.value(QLatin1String("phone_number")));
    return inbox;
}

Agent ChatwootParser::agent(const QJsonObject &json)
{
    Agent agent;
    agent.remoteId = idOf(json.value(QLatin1String("id")));
    agent.name = text(json.value(QLatin1String("available_name")));
    if (agent.name.isEmpty())
        agent.name = text(json.value(QLatin1String("name")));
    agent.email = text(json.value(QLatin1String("email")));
    agent.role = text(json.value(QLatin1String("role")));
    agent.availability = text(json.value(QLatin1String("availability_status")));
    return agent;
}

Team ChatwootParser::team(const QJsonObject &json)
{
    Team team;
    team.remoteId = idOf(json.value(QLatin1String("id")));
    team.name = text(json.value(QLatin1String("name")));
    return team;
}

Label ChatwootParser::label(const QJsonObject &json)
{
    Label label;
    label.remoteId = idOf(json.value(QLatin1String("id")));
    label.title = text(json.value(QLatin1String("title")));
    label.description = text(json.value(QLatin1String("description")));
    label.color = text(json.value(QLatin1String("color")));
    return label;
}

Contact ChatwootParser::contact(const QJsonObject &json)
{
    Contact contact;
    contact.remoteId = idOf(json.value(QLatin1String("id")));
    contact.name = text(json.value(QLatin1String("name")));
    contact.email = text(json.value(QLatin1String("email")));
    contact.phone = text(json.value(QLatin1String("phone_number")));
    const QJsonObject extra = json.value(QLatin1String("additional_attributes")).toObject();
    contact.company = text(extra.value(QLatin1String("company_name")));
    const QString city = text(extra.value(QLatin1String("city")));
    const QString country = text(extra.value(QLatin1String("country")));
    contact.location = city.isEmpty() || country.isEmpty() ? QString(city + country) : QString(city + u", " + country);
    contact.customAttributes = json.value(QLatin1String("custom_attributes")).toObject();
    contact.createdAt = time(json.value(QLatin1String("created_at")));
    contact.lastActivityAt = time(json.value(QLatin1String("last_activity_at")));
    return contact;
}

Message ChatwootParser::message(const QJsonObject &json)
{
    Message message;
    message.remoteId = idOf(json.value(QLatin1String("id")));
    message.conversationId = idOf(json.value(QLatin1String("conversation_id")));
    message.text = text(json.value(QLatin1String("content")));
    message.createdAt = time(json.value(QLatin1String("created_at")));
    message.echoId = text(json.value(QLatin1String("echo_id")));

    const QJsonValue type = json.value(QLatin1String("message_type"));
    const int typeCode = type.isString()
        ? QStringList{QStringLiteral("incoming"), QStringLiteral("outgoing"),
                      QStringLiteral("activity"), QStringLiteral("template")}
              .indexOf(type.toString())
        : type.toInt(-1);
    const bool isPrivate = json.value(QLatin1String("private")).toBool();
    switch (typeCode) {
    case 0: message.kind = MessageKind::Incoming; break;
    case 2: message.kind = MessageKind::Activity; break;
    default: message.kind = isPrivate ? MessageKind::Note : MessageKind::Outgoing; break;
    }

    const QJsonObject sender = json.value(QLatin1String("sender")).toObject();
    QString senderType = text(sender.value(QLatin1String("type"))).toLower();
    if (senderType.isEmpty())
        senderType = text(json.value(QLatin1String("sender_type"))).toLower();
    if (message.kind == MessageKind::Activity)
        message.senderKind = SenderKind::System;
    else if (senderType == QLatin1String("contact"))
        message.senderKind = SenderKind::Contact;
    else if (senderType == QLatin1String("user"))
        message.senderKind = SenderKind::Agent;
    else if (senderType == QLatin1String("agent_bot") || senderType == QLatin1String("agentbot"))
        message.senderKind = SenderKind::Bot;
    else
        message.senderKind = message.kind == MessageKind::Incoming ? SenderKind::Contact : SenderKind::System;
    message.senderId = sender.isEmpty() ? idOf(json.value(QLatin1String("sender_id")))
                                        : idOf(sender.value(QLatin1String("id")));
    message.senderName = text(sender.value(QLatin1String("available_name")));
    if (message.senderName.isEmpty())
        message.senderName = text(sender.value(QLatin1String("name")));

    const QString state = text(json.value(QLatin1String("status")));
    if (state == QLatin1String("delivered"))
        message.delivery = DeliveryState::Delivered;
    else if (state == QLatin1String("read"))
        message.delivery = DeliveryState::Read;
    else if (state == QLatin1String("failed"))
        message.delivery = DeliveryState::Failed;
    else if (state == QLatin1String("progress"))
        message.delivery = DeliveryState::Pending;
    else
        message.delivery = DeliveryState::Sent;

    const QJsonArray attachments = json.value(QLatin1String("attachments")).toArray();
    for (const QJsonValue &item : attachments) {
        const QJsonObject object = item.toObject();
        Attachment attachment;
        attachment.url = text(object.value(QLatin1String("data_url")));
        attachment.fileName = QFileInfo(QUrl(attachment.url).path()).fileName();
        if (attachment.fileName.isEmpty())
            attachment.fileName = text(object.value(QLatin1String("fallback_title")));
        attachment.contentType = text(object.value(QLatin1String("content_type")));
        if (attachment.contentType.isEmpty())
            attachment.contentType = text(object.value(QLatin1String("file_type")));
        attachment.size = idOf(object.value(QLatin1String("file_size")));
        message.attachments.append(attachment);
    }
    return message;
}

Conversation ChatwootParser::conversation(const QJsonObject &json)
{
    Conversation conversation;
    conversation.remoteId = idOf(json.value(QLatin1String("id")));
    conversation.inboxId = idOf(json.value(QLatin1String("inbox_id")));
    const QJsonObject meta = json.value(QLatin1String("meta")).toObject();
    conversation.contactId = idOf(meta.value(QLatin1String("sender")).toObject().value(QLatin1String("id")));
    const QJsonObject assignee = meta.value(QLatin1String("assignee")).toObject();
    // An agent bot is not one of the team's agents: show the conversation as unassigned.
    const bool bot = text(meta.value(QLatin1String("assignee_type"))) == QLatin1String("AgentBot")
        || text(assignee.value(QLatin1String("type"))) == QLatin1String("agent_bot");
    conversation.assigneeId = bot ? 0 : idOf(assignee.value(QLatin1String("id")));
    conversation.teamId = idOf(meta.value(QLatin1String("team")).toObject().value(QLatin1String("id")));
    conversation.status = status(text(json.value(QLatin1String("status"))));
    conversation.priority = priority(json.value(QLatin1String("priority")));
    const QJsonObject extra = json.value(QLatin1String("additional_attributes")).toObject();
    conversation.subject = text(extra.value(QLatin1String("mail_subject")));
    const QJsonArray labels = json.value(QLatin1String("labels")).toArray();
    for (const QJsonValue &label : labels)
        conversation.labels.append(label.toString());
    conversation.unreadCount = json.value(QLatin1String("unread_count")).toInt();
    conversation.createdAt = time(json.value(QLatin1String("created_at")));
    conversation.lastActivityAt = time(json.value(QLatin1String("last_activity_at")));
    if (!conversation.lastActivityAt.isValid())
        conversation.lastActivityAt = time(json.value(QLatin1String("timestamp")));
    conversation.waitingSince = time(json.value(QLatin1String("waiting_since")));
    conversation.firstReplyAt = time(json.value(QLatin1String("first_reply_created_at")));
    conversation.snoozedUntil = time(json.value(QLatin1String("snoozed_until")));
    conversation.customAttributes = json.value(QLatin1String("custom_attributes")).toObject();
    return conversation;
}

ChatwootProfile ChatwootParser::profile(const QJsonObject &json)
{
    ChatwootProfile profile;
    profile.id = idOf(json.value(QLatin1String("id")));
    profile.name = text(json.value(QLatin1String("available_name")));
    if (profile.name.isEmpty())
        profile.name = text(json.value(QLatin1String("name")));
    profile.email = text(json.value(QLatin1String("email")));
    profile.accessToken = text(json.value(QLatin1String("access_token")));
    profile.pubsubToken = text(json.value(QLatin1String("pubsub_token")));
    const QJsonArray accounts = json.value(QLatin1String("accounts")).toArray();
    for (const QJsonValue &account : accounts)
        profile.accountIds.append(idOf(account.toObject().value(QLatin1String("id"))));
    return profile;
}

ChatwootCannedResponse ChatwootParser::cannedResponse(const QJsonObject &json)
{
    ChatwootCannedResponse canned;
    canned.remoteId = idOf(json.value(QLatin1String("id")));
    canned.shortCode = text(json.value(QLatin1String("short_code")));
    canned.content = text(json.value(QLatin1String("content")));
    return canned;
}

ChatwootTyping ChatwootParser::typing(const QJsonObject &data, bool on)
{
    ChatwootTyping typing;
    typing.typing = on;
    typing.conversationRemoteId = idOf(data.value(QLatin1String("conversation")).toObject().value(QLatin1String("id")));
    const QJsonObject user = data.value(QLatin1String("user")).toObject();
    typing.userRemoteId = idOf(user.value(QLatin1String("id")));
    typing.userName = text(user.value(QLatin1String("available_name")));
    if (typing.userName.isEmpty())
        typing.userName = text(user.value(QLatin1String("name")));
    typing.isPrivate = data.value(QLatin1String("is_private")).toBool();
    return typing;
}

void ChatwootParser::addConversation(const QJsonObject &json, Storage::IngestBatch &batch)
{
    const Conversation parsed = conversation(json);
    if (parsed.remoteId <= 0)
        return;
    const QJsonObject meta = json.value(QLatin1String("meta")).toObject();
    const QJsonObject sender = meta.value(QLatin1String("sender")).toObject();
    if (!sender.isEmpty())
        batch.contacts.append(contact(sender));
    if (parsed.assigneeId > 0)
        batch.agents.append(agent(meta.value(QLatin1String("assignee")).toObject()));
    if (parsed.teamId > 0)
        batch.teams.append(team(meta.value(QLatin1String("team")).toObject()));
    batch.conversations.append(parsed);
    const QJsonArray messages = json.value(QLatin1String("messages")).toArray();
    for (const QJsonValue &item : messages) {
        Message last = message(item.toObject());
        if (last.remoteId > 0) {
            last.conversationId = parsed.remoteId;
            batch.messages.append(last);
        }
    }
}

bool ChatwootParser::conversationList(const QJsonValue &root, Storage::IngestBatch &batch, int *count)
{
    const QJsonObject data = root.toObject().value(QLatin1String("data")).toObject();
    const QJsonValue payload = data.value(QLatin1String("payload"));
    if (!payload.isArray())
        return false;
    const QJsonArray items = payload.toArray();
    for (const QJsonValue &item : items) {
        if (!item.isObject())
            return false;
        addConversation(item.toObject(), batch);
    }
    if (count)
        *count = int(items.size());
    return true;
}

bool ChatwootParser::messageList(const QJsonValue &root, QList<Message> &messages)
{
    const QJsonValue payload = root.toObject().value(QLatin1String("payload"));
    if (!payload.isArray())
        return false;
    const QJsonArray items = payload.toArray();
    for (const QJsonValue &item : items) {
        if (!item.isObject())
            return false;
        messages.append(message(item.toObject()));
    }
    return true;
}

ContactNote ChatwootParser::contactNote(const QJsonObject &json)
{
    ContactNote note;
    note.remoteId = idOf(json.value(QLatin1String("id")));
    note.contactId = idOf(json.value(QLatin1String("contact_id")));
    note.content = text(json.value(QLatin1String("content")));
    note.createdAt = time(json.value(QLatin1String("created_at")));
    note.updatedAt = time(json.value(QLatin1String("updated_at")));
    // "user" is left out when the author's account is gone.
    const QJsonObject user = json.value(QLatin1String("user")).toObject();
    if (!user.isEmpty()) {
        const Agent author = agent(user);
        note.authorId = author.remoteId;
        note.authorName = author.name;
    }
    return note;
}

bool ChatwootParser::contactNoteList(const QJsonValue &root, QList<ContactNote> &notes)
{
    if (!root.isArray())
        return false;
    const QJsonArray items = root.toArray();
    for (const QJsonValue &item : items) {
        if (!item.isObject())
            return false;
        notes.append(contactNote(item.toObject()));
    }
    return true;
}

bool ChatwootParser::contactList(const QJsonValue &root, QList<Contact> &contacts, int *total)
{
    const QJsonObject object = root.toObject();
    const QJsonValue payload = object.value(QLatin1String("payload"));
    if (!payload.isArray())
        return false;
    const QJsonArray items = payload.toArray();
    for (const QJsonValue &item : items)
        contacts.append(contact(item.toObject()));
    if (total)
        *total = object.value(QLatin1String("meta")).toObject().value(QLatin1String("count")).toInt();
    return true;
}

bool ChatwootParser::objectArray(const QJsonValue &root, QJsonArray &items)
{
    const QJsonValue list = root.isObject() ? root.toObject().value(QLatin1String("payload")) : root;
    if (!list.isArray())
        return false;
    items = list.toArray();
    return true;
}

} // namespace Counterpart::Connectors::Chatwoot
