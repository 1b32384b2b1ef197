#include "FakeChatwootStore.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTimeZone>
#include <QUrl>

#include <algorithm>

namespace Counterpart::Testing {

namespace {

FakeHttpResponse json(const QJsonValue &value, int status = 200)
{
    FakeHttpResponse response;
    response.status = status;
    response.body = value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                                    : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    return response;
}

FakeHttpResponse error(int status, const QString &message)
{
    return json(QJsonObject{{QStringLiteral("error"), message}}, status);
}

FakeHttpResponse notFound()
{
    return error(404, QStringLiteral("Resource could not be found"));
}

QString iso(double seconds)
{
    return QDateTime::fromMSecsSinceEpoch(qint64(seconds * 1000), Qt::UTC)
        .toString(Qt::ISODateWithMs);
}

QJsonValue nullable(const QString &value)
{
    return value.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(value);
}

} // namespace

QJsonObject FakeHttpRequest::json() const
{
    return QJsonDocument::fromJson(body).object();
}

bool FakeHttpRequest::isMultipart() const
{
    return headers.value("content-type").trimmed().toLower().startsWith("multipart/form-data");
}

namespace {

/** A parameter of a header value (`boundary`, `name`, `filename`), unquoted. */
QByteArray headerParameter(const QByteArray &value, const QByteArray &parameter)
{
    const QList<QByteArray> pieces = value.split(';');
    for (const QByteArray &piece : pieces) {
        const QByteArray trimmed = piece.trimmed();
        const qsizetype equals = trimmed.indexOf('=');
        if (equals <= 0 || trimmed.left(equals).trimmed().toLower() != parameter)
            continue;
        QByteArray result = trimmed.mid(equals + 1).trimmed();
        if (result.size() >= 2 && result.startsWith('"') && result.endsWith('"'))
            result = result.mid(1, result.size() - 2);
        return result;
    }
    return {};
}

} // namespace

QList<FakeFormPart> FakeHttpRequest::formParts() const
{
    QList<FakeFormPart> parts;
    if (!isMultipart())
        return parts;
    const QByteArray boundary = headerParameter(headers.value("content-type"), "boundary");
    if (boundary.isEmpty())
        return parts;
    // RFC 2046: every delimiter is CRLF "--" boundary; the first may open the body directly.
    const QByteArray delimiter = "\r\n--" + boundary;
    const QByteArray framed = "\r\n" + body;
    qsizetype position = framed.indexOf(delimiter);
    while (position >= 0) {
        position += delimiter.size();
        if (framed.mid(position, 2) == "--")
            break;
        const qsizetype headEnd = framed.indexOf("\r\n\r\n", position);
        const qsizetype next = framed.indexOf(delimiter, position);
        if (headEnd < 0 || next < 0 || headEnd > next)
            break;
        FakeFormPart part;
        const QList<QByteArray> lines = framed.mid(position, headEnd - position).split('\n');
        for (const QByteArray &line : lines) {
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "content-disposition") {
                part.name = QString::fromUtf8(headerParameter(value, "name"));
                // Browsers and Counterpart send raw UTF-8 with quotes and line breaks as %XX.
                QByteArray fileName = headerParameter(value, "filename");
                fileName.replace("%22", "\"").replace("%0D", "\r").replace("%0A", "\n");
                part.fileName = QString::fromUtf8(fileName);
            } else if (name == "content-type") {
                part.contentType = value;
            }
        }
        part.data = framed.mid(headEnd + 4, next - headEnd - 4);
        parts.append(part);
        position = next;
    }
    return parts;
}

QJsonObject FakeChatwootStore::agentJson(const Agent &agent) const
{
    return {{QStringLiteral("id"), agent.id}, {QStringLiteral("account_id"), accountId},
            {QStringLiteral("availability_status"), agent.availability},
            {QStringLiteral("auto_offline"), true}, {QStringLiteral("confirmed"), true},
            {QStringLiteral("email"), agent.email}, {QStringLiteral("provider"), QStringLiteral("email")},
            {QStringLiteral("available_name"), agent.name}, {QStringLiteral("name"), agent.name},
            {QStringLiteral("role"), agent.role}, {QStringLiteral("thumbnail"), QString()}};
}

QJsonObject FakeChatwootStore::inboxJson(const Inbox &inbox) const
{
    QJsonObject object{{QStringLiteral("id"), inbox.id}, {QStringLiteral("avatar_url"), QString()},
                       {QStringLiteral("channel_id"), inbox.id}, {QStringLiteral("name"), inbox.name},
                       {QStringLiteral("channel_type"), inbox.channelType},
                       {QStringLiteral("enable_auto_assignment"), true},
                       {QStringLiteral("timezone"), QStringLiteral("UTC")},
                       {QStringLiteral("phone_number"), QJsonValue::Null}};
    if (inbox.channelType == QLatin1String("Channel::Email"))
        object.insert(QStringLiteral("email"), inbox.address);
    else if (!inbox.address.isEmpty())
        object.insert(QStringLiteral("phone_number"), inbox.address);
    if (inbox.channelType == QLatin1String("Channel::TwilioSms"))
        object.insert(QStringLiteral("medium"), inbox.medium);
    return object;
}

QJsonObject FakeChatwootStore::contactJson(const Contact &contact) const
{
    return {{QStringLiteral("additional_attributes"), QJsonObject()},
            {QStringLiteral("availability_status"), QStringLiteral("offline")},
            {QStringLiteral("email"), nullable(contact.email)}, {QStringLiteral("id"), contact.id},
            {QStringLiteral("name"), contact.name}, {QStringLiteral("phone_number"), nullable(contact.phone)},
            {QStringLiteral("blocked"), false}, {QStringLiteral("identifier"), QJsonValue::Null},
            {QStringLiteral("thumbnail"), QString()}, {QStringLiteral("custom_attributes"), QJsonObject()},
            {QStringLiteral("last_activity_at"), qint64(contact.lastActivityAt)},
            {QStringLiteral("created_at"), qint64(contact.createdAt)}};
}

QJsonObject FakeChatwootStore::messageJson(const Message &message) const
{
    QJsonObject object{{QStringLiteral("id"), message.id}, {QStringLiteral("content"), message.content},
                       {QStringLiteral("inbox_id"), conversations.value(message.conversationId).inboxId},
                       {QStringLiteral("conversation_id"), message.conversationId},
                       {QStringLiteral("message_type"), message.messageType},
                       {QStringLiteral("content_type"), QStringLiteral("text")},
                       {QStringLiteral("status"), QStringLiteral("sent")},
                       {QStringLiteral("content_attributes"), message.contentAttributes},
                       {QStringLiteral("created_at"), qint64(message.createdAt)},
                       {QStringLiteral("private"), message.isPrivate},
                       {QStringLiteral("source_id"), QJsonValue::Null}};
    if (message.senderType == QLatin1String("User") && agents.contains(message.senderId)) {
        const Agent agent = agents.value(message.senderId);
        object.insert(QStringLiteral("sender"),
                      QJsonObject{{QStringLiteral("id"), agent.id}, {QStringLiteral("name"), agent.name},
                                  {QStringLiteral("available_name"), agent.name},
                                  {QStringLiteral("avatar_url"), QString()},
                                  {QStringLiteral("type"), QStringLiteral("user")},
                                  {QStringLiteral("availability_status"), agent.availability},
                                  {QStringLiteral("thumbnail"), QString()}});
    } else if (message.senderType == QLatin1String("Contact") && contacts.contains(message.senderId)) {
        QJsonObject sender = contactJson(contacts.value(message.senderId));
        sender.insert(QStringLiteral("type"), QStringLiteral("contact"));
        object.insert(QStringLiteral("sender"), sender);
    }
    if (!message.attachments.isEmpty()) {
        QJsonArray attachments;
        for (const Attachment &attachment : message.attachments)
            attachments.append(attachmentJson(message, attachment));
        object.insert(QStringLiteral("attachments"), attachments);
    }
    return object;
}

QJsonObject FakeChatwootStore::attachmentJson(const Message &message, const Attachment &attachment) const
{
    // Chatwoot derives file_type from the content type and serves the file from an Active
    // Storage URL that ends with the file name.
    QString fileType = QStringLiteral("file");
    for (const QString &kind : {QStringLiteral("image"), QStringLiteral("audio"), QStringLiteral("video")}) {
        if (attachment.contentType.startsWith(kind + QLatin1Char('/')))
            fileType = kind;
    }
    const QString url = publicUrl + QStringLiteral("/rails/active_storage/blobs/redirect/") + QString::number(attachment.id)
        + QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(attachment.fileName));
    const QString suffix = QFileInfo(attachment.fileName).suffix();
    return {{QStringLiteral("id"), attachment.id},
            {QStringLiteral("message_id"), message.id},
            {QStringLiteral("file_type"), fileType},
            {QStringLiteral("account_id"), accountId},
            {QStringLiteral("extension"), nullable(suffix)},
            {QStringLiteral("content_type"), attachment.contentType},
            {QStringLiteral("data_url"), url},
            {QStringLiteral("thumb_url"), fileType == QLatin1String("image") ? url : QString()},
            {QStringLiteral("file_size"), qint64(attachment.data.size())},
            {QStringLiteral("width"), QJsonValue::Null},
            {QStringLiteral("height"), QJsonValue::Null}};
}

QJsonObject FakeChatwootStore::messagePushJson(const Message &message) const
{
    const Conversation conversation = conversations.value(message.conversationId);
    QJsonObject object = messageJson(message);
    object.insert(QStringLiteral("account_id"), accountId);
    object.insert(QStringLiteral("updated_at"), iso(message.createdAt));
    object.insert(QStringLiteral("sender_type"), nullable(message.senderType));
    object.insert(QStringLiteral("sender_id"), message.senderId);
    object.insert(QStringLiteral("processed_message_content"), message.content);
    object.insert(QStringLiteral("conversation"),
                  QJsonObject{{QStringLiteral("assignee_id"), conversation.assigneeId
                                   ? QJsonValue(conversation.assigneeId) : QJsonValue(QJsonValue::Null)},
                              {QStringLiteral("unread_count"), conversation.unreadCount},
                              {QStringLiteral("last_activity_at"), qint64(conversation.lastActivityAt)}});
    return object;
}

QJsonObject FakeChatwootStore::conversationJson(const Conversation &conversation) const
{
    QJsonObject meta{{QStringLiteral("sender"), contactJson(contacts.value(conversation.contactId))},
                     {QStringLiteral("channel"), inboxes.value(conversation.inboxId).channelType},
                     {QStringLiteral("hmac_verified"), false}};
    if (conversation.assigneeId) {
        meta.insert(QStringLiteral("assignee"), agentJson(agents.value(conversation.assigneeId)));
        meta.insert(QStringLiteral("assignee_type"), QStringLiteral("User"));
    }
    if (conversation.teamId)
        meta.insert(QStringLiteral("team"), QJsonObject{{QStringLiteral("id"), conversation.teamId},
                                                        {QStringLiteral("name"), teams.value(conversation.teamId)}});
    QJsonArray last;
    const QList<Message> all = messagesOf(conversation.id);
    if (!all.isEmpty())
        last.append(messagePushJson(all.last()));
    QJsonArray labelArray;
    for (const QString &label : conversation.labels)
        labelArray.append(label);
    return {{QStringLiteral("meta"), meta},
            {QStringLiteral("id"), conversation.id},
            {QStringLiteral("messages"), last},
            {QStringLiteral("account_id"), accountId},
            {QStringLiteral("uuid"), QStringLiteral("00000000-0000-4000-8000-%1").arg(conversation.id, 12, 10, QLatin1Char('0'))},
            {QStringLiteral("additional_attributes"), QJsonObject()},
            {QStringLiteral("agent_last_seen_at"), qint64(conversation.agentLastSeenAt)},
            {QStringLiteral("assignee_last_seen_at"), 0},
            {QStringLiteral("can_reply"), true},
            {QStringLiteral("contact_last_seen_at"), 0},
            {QStringLiteral("custom_attributes"), conversation.customAttributes},
            {QStringLiteral("inbox_id"), conversation.inboxId},
            {QStringLiteral("labels"), labelArray},
            {QStringLiteral("muted"), false},
            {QStringLiteral("snoozed_until"), conversation.snoozedUntil ? QJsonValue(iso(double(conversation.snoozedUntil)))
                                                                        : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("status"), conversation.status},
            {QStringLiteral("created_at"), qint64(conversation.createdAt)},
            {QStringLiteral("updated_at"), conversation.updatedAt},
            {QStringLiteral("timestamp"), qint64(conversation.lastActivityAt)},
            {QStringLiteral("first_reply_created_at"), QJsonValue::Null},
            {QStringLiteral("unread_count"), conversation.unreadCount},
            {QStringLiteral("last_non_activity_message"), last.isEmpty() ? QJsonValue(QJsonValue::Null) : last.first()},
            {QStringLiteral("last_activity_at"), qint64(conversation.lastActivityAt)},
            {QStringLiteral("priority"), nullable(conversation.priority)},
            {QStringLiteral("waiting_since"), 0},
            {QStringLiteral("sla_policy_id"), QJsonValue::Null}};
}

QJsonObject FakeChatwootStore::conversationPushJson(const Conversation &conversation) const
{
    QJsonObject object = conversationJson(conversation);
    object.remove(QStringLiteral("uuid"));
    object.remove(QStringLiteral("muted"));
    object.remove(QStringLiteral("assignee_last_seen_at"));
    object.remove(QStringLiteral("last_non_activity_message"));
    QJsonObject meta = object.value(QStringLiteral("meta")).toObject();
    if (conversation.assigneeId) {
        const Agent agent = agents.value(conversation.assigneeId);
        meta.insert(QStringLiteral("assignee"),
                    QJsonObject{{QStringLiteral("id"), agent.id}, {QStringLiteral("name"), agent.name},
                                {QStringLiteral("available_name"), agent.name},
                                {QStringLiteral("avatar_url"), QString()}, {QStringLiteral("type"), QStringLiteral("user")},
                                {QStringLiteral("availability_status"), agent.availability},
                                {QStringLiteral("thumbnail"), QString()}});
    }
    object.insert(QStringLiteral("meta"), meta);
    return object;
}

QJsonObject FakeChatwootStore::profileJson() const
{
    const Agent me = agents.value(meId);
    QJsonObject object = agentJson(me);
    object.insert(QStringLiteral("access_token"), token);
    object.insert(QStringLiteral("account_id"), accountId);
    object.insert(QStringLiteral("pubsub_token"), pubsubToken);
    object.insert(QStringLiteral("ui_settings"), QJsonObject());
    object.insert(QStringLiteral("accounts"),
                  QJsonArray{QJsonObject{{QStringLiteral("id"), accountId}, {QStringLiteral("name"), QStringLiteral("Acme")},
                                         {QStringLiteral("status"), QStringLiteral("active")},
                                         {QStringLiteral("role"), me.role},
                                         {QStringLiteral("availability"), me.availability},
                                         {QStringLiteral("availability_status"), me.availability},
                                         {QStringLiteral("auto_offline"), true}}});
    return object;
}

QList<FakeChatwootStore::Message> FakeChatwootStore::messagesOf(qint64 conversationId) const
{
    QList<Message> result;
    for (const Message &message : messages) {
        if (message.conversationId == conversationId)
            result.append(message);
    }
    return result; // QMap keeps them ascending by id
}

void FakeChatwootStore::touch(Conversation &conversation)
{
    conversation.updatedAt = now();
}

QJsonObject FakeChatwootStore::countsJson(bool withAssigned) const
{
    int mine = 0, assigned = 0, unassigned = 0;
    for (const Conversation &conversation : conversations) {
        if (conversation.status != QLatin1String("open"))
            continue;
        if (conversation.assigneeId == meId)
            ++mine;
        if (conversation.assigneeId)
            ++assigned;
        else
            ++unassigned;
    }
    QJsonObject meta{{QStringLiteral("mine_count"), mine}, {QStringLiteral("unassigned_count"), unassigned},
                     {QStringLiteral("all_count"), assigned + unassigned}};
    if (withAssigned)
        meta.insert(QStringLiteral("assigned_count"), assigned);
    return meta;
}

FakeHttpResponse FakeChatwootStore::handle(const FakeHttpRequest &request)
{
    const QStringList parts = request.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (request.method == QLatin1String("POST") && request.path == QLatin1String("/auth/sign_in")) {
        const QJsonObject body = request.json();
        const Agent me = agents.value(meId);
        if (body.value(QLatin1String("email")).toString() != me.email
            || body.value(QLatin1String("password")).toString() != password) {
            return json(QJsonObject{{QStringLiteral("success"), false},
                                    {QStringLiteral("errors"), QJsonArray{QStringLiteral("Invalid login credentials. Please try again.")}}},
                        401);
        }
        return json(QJsonObject{{QStringLiteral("data"), profileJson()}});
    }
    if (parts.size() < 3 || parts.at(0) != QLatin1String("api") || parts.at(1) != QLatin1String("v1")) {
        FakeHttpResponse page;
        page.status = 404;
        page.contentType = "text/html; charset=utf-8";
        page.body = "<!DOCTYPE html><html><body><h1>The page you were looking for doesn't exist.</h1></body></html>\n";
        return page;
    }
    const QByteArray given = request.headers.value("api_access_token", request.headers.value("api-access-token"));
    if (QString::fromUtf8(given) != token)
        return error(401, QStringLiteral("Invalid Access Token"));
    if (parts.size() == 3 && parts.at(2) == QLatin1String("profile") && request.method == QLatin1String("GET"))
        return json(profileJson());
    if (parts.size() >= 4 && parts.at(2) == QLatin1String("accounts")) {
        if (parts.at(3).toLongLong() != accountId)
            return notFound();
        return handleAccount(request, parts.mid(4));
    }
    return notFound();
}

FakeHttpResponse FakeChatwootStore::handleAccount(const FakeHttpRequest &request, const QStringList &parts)
{
    const bool get = request.method == QLatin1String("GET");
    const QString what = parts.value(0);
    if (get && parts.size() == 1) {
        QJsonArray items;
        if (what == QLatin1String("inboxes")) {
            for (const Inbox &inbox : inboxes)
                items.append(inboxJson(inbox));
            return json(QJsonObject{{QStringLiteral("payload"), items}});
        }
        if (what == QLatin1String("agents")) {
            for (const Agent &agent : agents)
                items.append(agentJson(agent));
            return json(items);
        }
        if (what == QLatin1String("teams")) {
            for (auto it = teams.cbegin(); it != teams.cend(); ++it)
                items.append(QJsonObject{{QStringLiteral("id"), it.key()}, {QStringLiteral("name"), it.value()},
                                         {QStringLiteral("description"), QString()},
                                         {QStringLiteral("allow_auto_assign"), true},
                                         {QStringLiteral("account_id"), accountId}, {QStringLiteral("is_member"), true}});
            return json(items);
        }
        if (what == QLatin1String("labels")) {
            for (auto it = labels.cbegin(); it != labels.cend(); ++it)
                items.append(QJsonObject{{QStringLiteral("id"), it.key()}, {QStringLiteral("title"), it.value()},
                                         {QStringLiteral("description"), QString()},
                                         {QStringLiteral("color"), QStringLiteral("#1f93ff")},
                                         {QStringLiteral("show_on_sidebar"), true}});
            return json(QJsonObject{{QStringLiteral("payload"), items}});
        }
        if (what == QLatin1String("canned_responses")) {
            for (auto it = cannedResponses.cbegin(); it != cannedResponses.cend(); ++it)
                items.append(QJsonObject{{QStringLiteral("id"), it.key()}, {QStringLiteral("account_id"), accountId},
                                         {QStringLiteral("short_code"), it.value().first},
                                         {QStringLiteral("content"), it.value().second},
                                         {QStringLiteral("created_at"), iso(now())},
                                         {QStringLiteral("updated_at"), iso(now())}});
            return json(items);
        }
        if (what == QLatin1String("contacts")) {
            QList<Contact> listed;
            for (const Contact &contact : contacts) {
                if (!contact.email.isEmpty() || !contact.phone.isEmpty())
                    listed.append(contact);
            }
            const int page = qMax(1, request.query.queryItemValue(QStringLiteral("page")).toInt());
            for (qsizetype i = (page - 1) * 15; i < qMin<qsizetype>(listed.size(), page * 15); ++i)
                items.append(contactJson(listed.at(i)));
            return json(QJsonObject{{QStringLiteral("meta"), QJsonObject{{QStringLiteral("count"), int(listed.size())},
                                                                         {QStringLiteral("current_page"), page}}},
                                    {QStringLiteral("payload"), items}});
        }
        if (what == QLatin1String("conversations"))
            return listConversations(request);
    }
    if (what == QLatin1String("contacts") && parts.size() == 3 && parts.at(2) == QLatin1String("notes")) {
        const qint64 contactId = parts.at(1).toLongLong();
        if (!contacts.contains(contactId))
            return notFound();
        return handleContactNotes(request, contactId);
    }
    if (what == QLatin1String("conversations") && parts.size() >= 2) {
        if (get && parts.at(1) == QLatin1String("meta"))
            return json(QJsonObject{{QStringLiteral("meta"), countsJson(true)}});
        const qint64 id = parts.at(1).toLongLong();
        if (!conversations.contains(id))
            return notFound();
        return handleConversation(request, conversations[id], parts.mid(2).join(QLatin1Char('/')));
    }
    if (what == QLatin1String("cache_keys") && get)
        return json(QJsonObject{{QStringLiteral("cache_keys"),
                                 QJsonObject{{QStringLiteral("label"), QString::number(labels.size())},
                                             {QStringLiteral("inbox"), QString::number(inboxes.size())},
                                             {QStringLiteral("team"), QString::number(teams.size())}}}});
    return notFound();
}

QJsonObject FakeChatwootStore::contactNoteJson(const ContactNote &note) const
{
    // app/views/api/v1/models/_note.json.jbuilder: integer times, "user" only while the author exists.
    QJsonObject json{{QStringLiteral("id"), note.id}, {QStringLiteral("content"), note.content},
                     {QStringLiteral("account_id"), accountId}, {QStringLiteral("contact_id"), note.contactId},
                     {QStringLiteral("created_at"), qint64(note.createdAt)},
                     {QStringLiteral("updated_at"), qint64(note.updatedAt)}};
    if (agents.contains(note.userId))
        json.insert(QStringLiteral("user"), agentJson(agents.value(note.userId)));
    return json;
}

FakeHttpResponse FakeChatwootStore::handleContactNotes(const FakeHttpRequest &request, qint64 contactId)
{
    if (request.method == QLatin1String("GET")) {
        QList<ContactNote> notes;
        for (const ContactNote &note : std::as_const(contactNotes)) {
            if (note.contactId == contactId)
                notes.append(note);
        }
        // The controller's `latest` scope: newest first.
        std::sort(notes.begin(), notes.end(), [](const ContactNote &a, const ContactNote &b) {
            return a.createdAt != b.createdAt ? a.createdAt > b.createdAt : a.id > b.id;
        });
        QJsonArray items;
        for (const ContactNote &note : std::as_const(notes))
            items.append(contactNoteJson(note));
        return json(items);
    }
    if (request.method == QLatin1String("POST")) {
        const QJsonObject body = request.json();
        // The controller takes the fields bare or wrapped in "note".
        const QJsonObject fields = body.value(QLatin1String("note")).isObject() ? body.value(QLatin1String("note")).toObject() : body;
        const QString content = fields.value(QLatin1String("content")).toString();
        if (content.trimmed().isEmpty())
            return json(QJsonObject{{QStringLiteral("message"), QStringLiteral("Content can't be blank")}}, 422);
        ContactNote note;
        note.id = nextId++;
        note.contactId = contactId;
        note.userId = meId;
        note.content = content;
        note.createdAt = now();
        note.updatedAt = note.createdAt;
        contactNotes.insert(note.id, note);
        return json(contactNoteJson(note));
    }
    return notFound();
}

FakeHttpResponse FakeChatwootStore::listConversations(const FakeHttpRequest &request)
{
    const QString status = request.query.queryItemValue(QStringLiteral("status"));
    const QString within = request.query.queryItemValue(QStringLiteral("updated_within"));
    QList<Conversation> rows;
    for (const Conversation &conversation : conversations) {
        if (status != QLatin1String("all") && conversation.status != (status.isEmpty() ? QStringLiteral("open") : status))
            continue;
        if (!within.isEmpty() && conversation.updatedAt <= now() - within.toDouble())
            continue;
        rows.append(conversation);
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Conversation &a, const Conversation &b) {
        return a.lastActivityAt != b.lastActivityAt ? a.lastActivityAt > b.lastActivityAt : a.id > b.id;
    });
    QJsonArray payload;
    if (within.isEmpty()) {
        const int page = qMax(1, request.query.queryItemValue(QStringLiteral("page")).toInt());
        for (qsizetype i = (page - 1) * 25; i < qMin<qsizetype>(rows.size(), page * 25); ++i)
            payload.append(conversationJson(rows.at(i)));
    } else {
        for (const Conversation &conversation : rows)
            payload.append(conversationJson(conversation));
    }
    return json(QJsonObject{{QStringLiteral("data"), QJsonObject{{QStringLiteral("meta"), countsJson(true)},
                                                                 {QStringLiteral("payload"), payload}}}});
}

FakeHttpResponse FakeChatwootStore::listMessages(const FakeHttpRequest &request, const Conversation &conversation)
{
    const QList<Message> all = messagesOf(conversation.id);
    const QString before = request.query.queryItemValue(QStringLiteral("before"));
    const QString after = request.query.queryItemValue(QStringLiteral("after"));
    QList<Message> picked;
    for (const Message &message : all) {
        if (!before.isEmpty() && message.id >= before.toLongLong())
            continue;
        if (!after.isEmpty() && message.id <= after.toLongLong())
            continue;
        picked.append(message);
    }
    if (!after.isEmpty() && before.isEmpty())
        picked = picked.mid(0, 100);
    else if (!after.isEmpty())
        picked = picked.mid(0, 1000);
    else if (picked.size() > 20)
        picked = picked.mid(picked.size() - 20);
    QJsonArray payload;
    for (const Message &message : picked)
        payload.append(messageJson(message));
    QJsonArray labelArray;
    for (const QString &label : conversation.labels)
        labelArray.append(label);
    const QJsonObject meta{{QStringLiteral("labels"), labelArray},
                           {QStringLiteral("additional_attributes"), QJsonObject()},
                           {QStringLiteral("contact"), contactJson(contacts.value(conversation.contactId))},
                           {QStringLiteral("agent_last_seen_at"), iso(conversation.agentLastSeenAt)},
                           {QStringLiteral("assignee_last_seen_at"), QJsonValue::Null}};
    return json(QJsonObject{{QStringLiteral("meta"), meta}, {QStringLiteral("payload"), payload}});
}

FakeHttpResponse FakeChatwootStore::postMessage(const FakeHttpRequest &request, Conversation &conversation)
{
    QJsonObject body = request.json();
    QList<Attachment> attachments;
    if (request.isMultipart()) {
        // Rails reads every form field as a string: booleans as "true"/"false", content_attributes
        // as JSON text.
        const QList<FakeFormPart> parts = request.formParts();
        for (const FakeFormPart &part : parts) {
            if (part.name == QLatin1String("attachments[]")) {
                attachments.append({0, part.fileName, QString::fromLatin1(part.contentType), part.data});
            } else if (part.name == QLatin1String("private")) {
                body.insert(part.name, part.data == "true");
            } else if (part.name == QLatin1String("content_attributes")) {
                body.insert(part.name, QJsonDocument::fromJson(part.data).object());
            } else {
                body.insert(part.name, QString::fromUtf8(part.data));
            }
        }
        if (attachments.size() > 15)
            return error(422, QStringLiteral("Attachments: too many files"));
        for (const Attachment &attachment : std::as_const(attachments)) {
            if (attachment.data.size() > qsizetype(40) * 1024 * 1024)
                return error(422, QStringLiteral("Attachments file size is too big"));
        }
    }
    const QString type = body.value(QLatin1String("message_type")).toString(QStringLiteral("outgoing"));
    if (type == QLatin1String("incoming") && inboxes.value(conversation.inboxId).channelType != QLatin1String("Channel::Api"))
        return error(422, QStringLiteral("Message type incoming is only allowed in API inboxes"));
    Message message;
    message.id = nextMessageId++;
    message.conversationId = conversation.id;
    message.content = body.value(QLatin1String("content")).toString();
    // Liquid: the server renders variables in outgoing content before storing it.
    if (message.content.contains(QLatin1String("{{contact.name}}")))
        message.content.replace(QLatin1String("{{contact.name}}"), contacts.value(conversation.contactId).name);
    message.messageType = type == QLatin1String("incoming") ? 0 : 1;
    message.isPrivate = body.value(QLatin1String("private")).toBool();
    message.senderType = message.messageType == 1 ? QStringLiteral("User") : QStringLiteral("Contact");
    message.senderId = message.messageType == 1 ? meId : conversation.contactId;
    message.createdAt = now();
    message.contentAttributes = body.value(QLatin1String("content_attributes")).toObject();
    for (Attachment &attachment : attachments) {
        attachment.id = nextId++;
        message.attachments.append(attachment);
    }
    messages.insert(message.id, message);
    conversation.lastActivityAt = message.createdAt;
    touch(conversation);
    FakeHttpResponse response;
    QJsonObject reply = messageJson(message);
    QJsonObject push = messagePushJson(message);
    if (body.contains(QLatin1String("echo_id"))) {
        reply.insert(QStringLiteral("echo_id"), body.value(QLatin1String("echo_id")));
        push.insert(QStringLiteral("echo_id"), body.value(QLatin1String("echo_id")));
    }
    response = json(reply);
    response.events.append({QStringLiteral("message.created"), push});
    return response;
}

FakeHttpResponse FakeChatwootStore::handleConversation(const FakeHttpRequest &request, Conversation &conversation,
                                                       const QString &action)
{
    const bool get = request.method == QLatin1String("GET");
    const bool post = request.method == QLatin1String("POST");
    const QJsonObject body = request.json();
    if (get && action.isEmpty())
        return json(conversationJson(conversation));
    if (get && action == QLatin1String("messages"))
        return listMessages(request, conversation);
    if (post && action == QLatin1String("messages"))
        return postMessage(request, conversation);
    if (get && action == QLatin1String("labels"))
        return json(QJsonObject{{QStringLiteral("payload"), QJsonArray::fromStringList(conversation.labels)}});
    if (!post)
        return notFound();

    FakeHttpResponse response;
    QString event = QStringLiteral("conversation.updated");
    if (action == QLatin1String("toggle_status")) {
        const QString status = body.value(QLatin1String("status")).toString();
        if (status.isEmpty()) {
            conversation.status = conversation.status == QLatin1String("open") ? QStringLiteral("resolved") : QStringLiteral("open");
        } else if (!QStringList{QStringLiteral("open"), QStringLiteral("resolved"), QStringLiteral("pending"),
                                QStringLiteral("snoozed")}.contains(status)) {
            return error(422, QStringLiteral("Invalid status"));
        } else {
            conversation.status = status;
        }
        conversation.snoozedUntil = conversation.status == QLatin1String("snoozed")
            ? body.value(QLatin1String("snoozed_until")).toInteger() : 0;
        if (conversation.status == QLatin1String("open") && agents.value(meId).role == QLatin1String("agent"))
            conversation.assigneeId = meId;
        event = QStringLiteral("conversation.status_changed");
        response = json(QJsonObject{{QStringLiteral("meta"), QJsonObject()},
                                    {QStringLiteral("payload"),
                                     QJsonObject{{QStringLiteral("success"), true},
                                                 {QStringLiteral("conversation_id"), conversation.id},
                                                 {QStringLiteral("current_status"), conversation.status},
                                                 {QStringLiteral("snoozed_until"), conversation.snoozedUntil
                                                      ? QJsonValue(iso(double(conversation.snoozedUntil)))
                                                      : QJsonValue(QJsonValue::Null)}}}});
    } else if (action == QLatin1String("toggle_priority")) {
        conversation.priority = body.value(QLatin1String("priority")).toString();
        // Rails `head :ok`: no body, so no JSON content type either (an empty body labelled JSON
        // is not valid JSON, and a validating proxy rightly refuses it).
        response.body.clear();
        response.contentType = "text/plain; charset=utf-8";
    } else if (action == QLatin1String("assignments")) {
        if (body.contains(QLatin1String("team_id"))) {
            conversation.teamId = body.value(QLatin1String("team_id")).toInteger();
            event = QStringLiteral("team.changed");
            response = conversation.teamId
                ? json(QJsonObject{{QStringLiteral("id"), conversation.teamId}, {QStringLiteral("name"), teams.value(conversation.teamId)}})
                : FakeHttpResponse{200, "application/json; charset=utf-8", "null", {}};
        } else {
            const qint64 assignee = body.value(QLatin1String("assignee_id")).toInteger();
            if (assignee && !agents.contains(assignee))
                return notFound();
            conversation.assigneeId = assignee;
            event = QStringLiteral("assignee.changed");
            response = assignee ? json(agentJson(agents.value(assignee)))
                                : FakeHttpResponse{200, "application/json; charset=utf-8", "null", {}};
        }
    } else if (action == QLatin1String("labels")) {
        conversation.labels.clear();
        const QJsonArray list = body.value(QLatin1String("labels")).toArray();
        for (const QJsonValue &label : list)
            conversation.labels.append(label.toString());
        response = json(QJsonObject{{QStringLiteral("payload"), QJsonArray::fromStringList(conversation.labels)}});
    } else if (action == QLatin1String("custom_attributes")) {
        conversation.customAttributes = body.value(QLatin1String("custom_attributes")).toObject();
        response = json(QJsonObject{{QStringLiteral("custom_attributes"), conversation.customAttributes}});
    } else if (action == QLatin1String("update_last_seen") || action == QLatin1String("unread")) {
        conversation.agentLastSeenAt = action == QLatin1String("unread") ? 0 : now();
        conversation.unreadCount = action == QLatin1String("unread") ? qMax(1, conversation.unreadCount) : 0;
        touch(conversation);
        return json(conversationJson(conversation));
    } else if (action == QLatin1String("toggle_typing_status")) {
        return FakeHttpResponse{200, "application/json; charset=utf-8", QByteArray(), {}};
    } else {
        return notFound();
    }
    touch(conversation);
    response.events.append({event, conversationPushJson(conversation)});
    return response;
}

} // namespace Counterpart::Testing
