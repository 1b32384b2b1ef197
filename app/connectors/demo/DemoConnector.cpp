#include "DemoConnector.h"

#include "DemoGenerator.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QMimeDatabase>
#include <QTimer>
#include <QUrl>

#include <algorithm>

namespace Counterpart::Connectors::Demo {

using namespace Domain;
using Sync::OutboxOperation;
using Sync::SendOutcome;

DemoConnector::DemoConnector(DemoOptions options, const QString &uid, QObject *parent)
    : Sync::Connector(parent), m_options(options), m_uid(uid)
{
    if (!m_options.now.isValid()) {
        const qint64 hour = 3600;
        m_options.now = QDateTime::fromSecsSinceEpoch(
            QDateTime::currentSecsSinceEpoch() / hour * hour, Qt::UTC);
    }
    m_clockSecs = m_options.now.toSecsSinceEpoch();
    m_pageTimer = new QTimer(this);
    m_pageTimer->setSingleShot(true);
    m_pageTimer->setInterval(0);
    connect(m_pageTimer, &QTimer::timeout, this, &DemoConnector::emitNextBackfillPage);
}

DemoConnector::~DemoConnector() = default;

QString DemoConnector::sourceUid() const
{
    return m_uid.isEmpty() ? DemoGenerator(m_options).source().uid : m_uid;
}

Source DemoConnector::source() const
{
    Source source = DemoGenerator(m_options).source();
    if (!m_uid.isEmpty()) {
        source.uid = m_uid;
        source.name = m_uid;
    }
    return source;
}

void DemoConnector::ensureServerState()
{
    if (m_loaded)
        return;
    m_loaded = true;
    bool first = true;
    DemoGenerator(m_options).generate([this, &first](const Storage::IngestBatch &page) {
        if (first) {
            m_setup = page;
            first = false;
            return true;
        }
        for (const Contact &contact : page.contacts)
            m_contacts.insert(contact.remoteId, contact);
        for (const Conversation &conversation : page.conversations) {
            m_order.append(conversation.remoteId);
            m_conversations.insert(conversation.remoteId, conversation);
        }
        for (const Message &message : page.messages) {
            m_messages[message.conversationId].append(message);
            m_nextMessageId = std::max(m_nextMessageId, message.remoteId);
        }
        for (const ContactNote &note : page.contactNotes) {
            m_notes[note.contactId].append(note);
            m_nextNoteId = std::max(m_nextNoteId, note.remoteId);
        }
        return true;
    });
    ++m_nextMessageId;
    ++m_nextNoteId;
}

void DemoConnector::checkConnection()
{
    QTimer::singleShot(0, this, [this] {
        if (m_offline)
            emit connectionChecked(Error::Unreachable, tr("The demo server is offline."));
        else if (m_unauthorized)
            emit connectionChecked(Error::Unauthorized, tr("The demo token was revoked."));
        else
            emit connectionChecked(Error::None, QString());
    });
}

void DemoConnector::finishSync(Error error, const QString &message)
{
    m_backfillIndex = -1;
    emit syncFinished(error, message);
}

void DemoConnector::startBackfill()
{
    ensureServerState();
    m_backfillIndex = 0;
    m_changed.clear();
    m_pageTimer->start();
}

void DemoConnector::emitNextBackfillPage()
{
    if (m_backfillIndex < 0)
        return;
    if (m_offline)
        return finishSync(Error::Unreachable, tr("The demo server is offline."));
    if (m_unauthorized)
        return finishSync(Error::Unauthorized, tr("The demo token was revoked."));
    if (m_backfillIndex == 0) {
        emit pageReceived(m_setup);
        m_backfillIndex = 1;
        m_pageTimer->start();
        return;
    }
    const int total = int(m_order.size());
    const int from = m_backfillIndex - 1;
    const int to = std::min(total, from + std::max(1, m_options.batchConversations));
    Storage::IngestBatch page;
    QSet<qint64> contacts;
    for (int i = from; i < to; ++i) {
        const qint64 remoteId = m_order.at(i);
        if (m_removed.contains(remoteId))
            continue;
        const Conversation &conversation = m_conversations.value(remoteId);
        if (!contacts.contains(conversation.contactId)) {
            contacts.insert(conversation.contactId);
            page.contacts.append(m_contacts.value(conversation.contactId));
            page.contactNotes.append(m_notes.value(conversation.contactId));
        }
        page.conversations.append(conversation);
        page.messages.append(m_messages.value(remoteId));
    }
    if (!page.isEmpty())
        emit pageReceived(page);
    emit progress(tr("Conversations"), to, total);
    if (to >= total)
        return finishSync(Error::None, QString());
    m_backfillIndex = to + 1;
    m_pageTimer->start();
}

void DemoConnector::startDelta()
{
    ensureServerState();
    QTimer::singleShot(0, this, [this] {
        if (m_offline)
            return finishSync(Error::Unreachable, tr("The demo server is offline."));
        if (m_unauthorized)
            return finishSync(Error::Unauthorized, tr("The demo token was revoked."));
        QList<qint64> changed(m_changed.cbegin(), m_changed.cend());
        std::sort(changed.begin(), changed.end());
        m_changed.clear();
        Storage::IngestBatch page;
        for (qint64 remoteId : std::as_const(changed)) {
            if (m_removed.contains(remoteId)) {
                emit conversationRemoved(remoteId);
                continue;
            }
            const Conversation &conversation = m_conversations.value(remoteId);
            page.contacts.append(m_contacts.value(conversation.contactId));
            page.conversations.append(conversation);
            page.messages.append(m_messages.value(remoteId));
        }
        if (!page.isEmpty())
            emit pageReceived(page);
        emit progress(tr("Changes"), int(changed.size()), int(changed.size()));
        finishSync(Error::None, QString());
    });
}

void DemoConnector::fetchMessages(qint64 conversationRemoteId, qint64 beforeRemoteMessageId)
{
    ensureServerState();
    QTimer::singleShot(0, this, [this, conversationRemoteId, beforeRemoteMessageId] {
        if (m_removed.contains(conversationRemoteId) || !m_conversations.contains(conversationRemoteId)) {
            emit conversationRemoved(conversationRemoteId);
            return;
        }
        Storage::IngestBatch page;
        const auto messages = m_messages.value(conversationRemoteId);
        for (const Message &message : messages) {
            if (beforeRemoteMessageId == 0 || message.remoteId < beforeRemoteMessageId)
                page.messages.append(message);
        }
        if (page.messages.size() > 20)
            page.messages = page.messages.mid(page.messages.size() - 20);
        if (!page.isEmpty())
            emit pageReceived(page);
    });
}

void DemoConnector::fetchContactNotes(qint64 contactRemoteId)
{
    ensureServerState();
    QTimer::singleShot(0, this, [this, contactRemoteId] {
        if (m_offline || m_unauthorized || !m_contacts.contains(contactRemoteId))
            return;
        Storage::IngestBatch page;
        page.contactNotes = m_notes.value(contactRemoteId);
        page.completeNoteListsOf.append(contactRemoteId);
        emit pageReceived(page);
    });
}

void DemoConnector::setRealtimeEnabled(bool enabled)
{
    const bool was = m_realtime && !m_offline;
    m_realtime = enabled;
    if (was != (m_realtime && !m_offline))
        emit realtimeStateChanged(m_realtime && !m_offline);
}

void DemoConnector::setOffline(bool offline)
{
    const bool was = m_realtime && !m_offline;
    m_offline = offline;
    if (was != (m_realtime && !m_offline))
        emit realtimeStateChanged(m_realtime && !m_offline);
}

void DemoConnector::send(const OutboxOperation &operation)
{
    ensureServerState();
    ++m_sendRequests;
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    m_pendingSends.insert(timer, operation.id);
    connect(timer, &QTimer::timeout, this, [this, timer, operation] {
        m_pendingSends.remove(timer);
        timer->deleteLater();
        const SendOutcome outcome = apply(operation);
        emit operationFinished(operation.id, outcome);
    });
    timer->start(m_sendDelayMs);
}

SendOutcome DemoConnector::apply(const OutboxOperation &op)
{
    SendOutcome outcome;
    if (m_offline) {
        outcome.result = SendOutcome::Result::Retry;
        outcome.message = tr("The demo server is offline.");
        return outcome;
    }
    if (m_unauthorized) {
        outcome.result = SendOutcome::Result::SignInAgain;
        outcome.message = tr("The demo token was revoked; sign in again.");
        return outcome;
    }
    // A contact note belongs to the customer; the conversation it was written beside only orders it.
    if (op.kind == OutboxOperation::Kind::ContactNote)
        return addContactNote(op);
    if (m_removed.contains(op.conversationRemoteId) || !m_conversations.contains(op.conversationRemoteId)) {
        outcome.result = SendOutcome::Result::Gone;
        outcome.message = tr("The conversation no longer exists on the server.");
        return outcome;
    }
    const bool isMessage = op.kind == OutboxOperation::Kind::Reply || op.kind == OutboxOperation::Kind::Note;
    if (isMessage && op.checkFirst) {
        // What a real connector does after an unknown outcome: look before sending twice.
        const auto messages = m_messages.value(op.conversationRemoteId);
        for (const Message &message : messages) {
            if (!op.echoId.isEmpty() && message.echoId == op.echoId) {
                outcome.result = SendOutcome::Result::Sent;
                outcome.serverMessageId = message.remoteId;
                return outcome;
            }
        }
    }
    const SendOutcome::Result scripted = m_script.isEmpty() ? SendOutcome::Result::Sent
                                                            : m_script.takeFirst();
    if (scripted != SendOutcome::Result::Sent && scripted != SendOutcome::Result::Unknown) {
        outcome.result = scripted;
        outcome.message = tr("Scripted demo failure.");
        return outcome;
    }

    QList<Attachment> attachments;
    if (isMessage) {
        // As a helpdesk would: the files travel with the message, so one that vanished from disk
        // fails the send for good instead of going out without it.
        const QJsonArray files = op.payload.value(QLatin1String("attachments")).toArray();
        const QMimeDatabase mimes;
        for (const QJsonValue &file : files) {
            const QFileInfo info(file.toString());
            if (!info.isFile()) {
                outcome.result = SendOutcome::Result::Rejected;
                outcome.message = tr("The attachment “%1” no longer exists (%2).").arg(info.fileName(), info.filePath());
                return outcome;
            }
            Attachment attachment;
            attachment.fileName = info.fileName();
            attachment.contentType = mimes.mimeTypeForFile(info).name();
            attachment.size = info.size();
            attachment.url = QUrl::fromLocalFile(info.absoluteFilePath()).toString();
            attachments.append(attachment);
        }
    }

    Conversation &conversation = m_conversations[op.conversationRemoteId];
    QList<Message> published;
    switch (op.kind) {
    case OutboxOperation::Kind::Reply:
    case OutboxOperation::Kind::Note: {
        Message message = newMessage(op.conversationRemoteId,
                                     op.kind == OutboxOperation::Kind::Reply ? MessageKind::Outgoing : MessageKind::Note,
                                     op.payload.value(QLatin1String("content")).toString(), op.echoId);
        message.attachments = attachments;
        m_messages[op.conversationRemoteId].append(message);
        conversation.lastActivityAt = message.createdAt;
        if (op.kind == OutboxOperation::Kind::Reply)
            conversation.waitingSince = QDateTime();
        outcome.serverMessageId = message.remoteId;
        published.append(message);
        break;
    }
    case OutboxOperation::Kind::Assign:
        conversation.assigneeId = op.payload.value(QLatin1String("assignee_remote_id")).toInteger();
        if (op.payload.contains(QLatin1String("team_remote_id")))
            conversation.teamId = op.payload.value(QLatin1String("team_remote_id")).toInteger();
        break;
    case OutboxOperation::Kind::Labels: {
        QStringList labels;
        const QJsonArray array = op.payload.value(QLatin1String("labels")).toArray();
        for (const auto &value : array)
            labels.append(value.toString());
        conversation.labels = labels;
        break;
    }
    case OutboxOperation::Kind::Status: {
        conversation.status = statusFromKey(op.payload.value(QLatin1String("status")).toString());
        const qint64 until = op.payload.value(QLatin1String("snoozed_until")).toInteger();
        conversation.snoozedUntil = until > 0 ? QDateTime::fromSecsSinceEpoch(until, Qt::UTC) : QDateTime();
        break;
    }
    case OutboxOperation::Kind::Priority:
        conversation.priority = priorityFromKey(op.payload.value(QLatin1String("priority")).toString());
        break;
    case OutboxOperation::Kind::CustomAttributes:
        conversation.customAttributes = op.payload.value(QLatin1String("custom_attributes")).toObject();
        break;
    case OutboxOperation::Kind::MarkRead:
        conversation.unreadCount = 0;
        break;
    case OutboxOperation::Kind::MarkUnread:
        conversation.unreadCount = std::max(1, conversation.unreadCount);
        break;
    case OutboxOperation::Kind::ContactNote:
        break; // handled above
    }
    m_changed.insert(op.conversationRemoteId);
    publish(op.conversationRemoteId, published);
    if (scripted == SendOutcome::Result::Unknown) {
        outcome.result = SendOutcome::Result::Unknown;
        outcome.message = tr("The answer was lost on the way back.");
        return outcome;
    }
    outcome.result = SendOutcome::Result::Sent;
    return outcome;
}

SendOutcome DemoConnector::addContactNote(const OutboxOperation &op)
{
    SendOutcome outcome;
    const qint64 contactRemoteId = op.payload.value(QLatin1String("contact_remote_id")).toInteger();
    if (!m_contacts.contains(contactRemoteId)) {
        outcome.result = SendOutcome::Result::Rejected;
        outcome.message = tr("This customer no longer exists on the server; the note was not saved.");
        return outcome;
    }
    QList<ContactNote> &notes = m_notes[contactRemoteId];
    const QString content = op.payload.value(QLatin1String("content")).toString();
    const qint64 me = DemoGenerator(m_options).meAgentRemoteId();
    if (op.checkFirst) {
        for (const ContactNote &note : std::as_const(notes)) {
            if (note.authorId == me && note.content == content) {
                outcome.result = SendOutcome::Result::Sent;
                outcome.serverMessageId = note.remoteId;
                return outcome;
            }
        }
    }
    const SendOutcome::Result scripted = m_script.isEmpty() ? SendOutcome::Result::Sent : m_script.takeFirst();
    if (scripted != SendOutcome::Result::Sent && scripted != SendOutcome::Result::Unknown) {
        outcome.result = scripted;
        outcome.message = tr("Scripted demo failure.");
        return outcome;
    }
    ContactNote note;
    note.remoteId = m_nextNoteId++;
    note.contactId = contactRemoteId;
    note.authorId = me;
    for (const Agent &agent : std::as_const(m_setup.agents)) {
        if (agent.remoteId == me)
            note.authorName = agent.name;
    }
    note.content = content;
    note.createdAt = QDateTime::fromSecsSinceEpoch(++m_clockSecs, Qt::UTC);
    note.updatedAt = note.createdAt;
    notes.append(note);
    // The server's answer to the POST carries the note: it reaches the cache with or without realtime.
    Storage::IngestBatch page;
    page.contactNotes.append(note);
    emit pageReceived(page);
    outcome.serverMessageId = note.remoteId;
    if (scripted == SendOutcome::Result::Unknown) {
        outcome.result = SendOutcome::Result::Unknown;
        outcome.message = tr("The answer was lost on the way back.");
        return outcome;
    }
    outcome.result = SendOutcome::Result::Sent;
    return outcome;
}

Message DemoConnector::newMessage(qint64 conversationRemoteId, MessageKind kind, const QString &text,
                                  const QString &echoId)
{
    Message message;
    message.remoteId = m_nextMessageId++;
    message.conversationId = conversationRemoteId;
    message.kind = kind;
    message.text = text;
    message.echoId = echoId;
    // A clock that only moves forward keeps the demo deterministic and the order of messages clear.
    message.createdAt = QDateTime::fromSecsSinceEpoch(++m_clockSecs, Qt::UTC);
    if (kind == MessageKind::Incoming) {
        const Conversation &conversation = m_conversations.value(conversationRemoteId);
        message.senderKind = SenderKind::Contact;
        message.senderId = conversation.contactId;
        message.senderName = m_contacts.value(conversation.contactId).name;
    } else {
        message.senderKind = SenderKind::Agent;
        message.senderId = DemoGenerator(m_options).meAgentRemoteId();
        for (const Agent &agent : std::as_const(m_setup.agents)) {
            if (agent.remoteId == message.senderId)
                message.senderName = agent.name;
        }
    }
    return message;
}

void DemoConnector::publish(qint64 conversationRemoteId, const QList<Message> &messages)
{
    if (!m_realtime || m_offline)
        return;
    Storage::IngestBatch page;
    const Conversation &conversation = m_conversations.value(conversationRemoteId);
    page.contacts.append(m_contacts.value(conversation.contactId));
    page.conversations.append(conversation);
    page.messages = messages;
    emit pageReceived(page);
}

void DemoConnector::simulateRemoval(qint64 conversationRemoteId)
{
    ensureServerState();
    m_removed.insert(conversationRemoteId);
    m_changed.insert(conversationRemoteId);
    if (m_realtime && !m_offline)
        emit conversationRemoved(conversationRemoteId);
}

qint64 DemoConnector::simulateIncoming(qint64 conversationRemoteId, const QString &text)
{
    ensureServerState();
    if (!m_conversations.contains(conversationRemoteId) || m_removed.contains(conversationRemoteId))
        return 0;
    const Message message = newMessage(conversationRemoteId, MessageKind::Incoming, text, QString());
    m_messages[conversationRemoteId].append(message);
    Conversation &conversation = m_conversations[conversationRemoteId];
    conversation.lastActivityAt = message.createdAt;
    conversation.unreadCount += 1;
    m_changed.insert(conversationRemoteId);
    publish(conversationRemoteId, {message});
    return message.remoteId;
}

void DemoConnector::cancel()
{
    const bool running = m_backfillIndex >= 0;
    m_pageTimer->stop();
    // Nothing of a pending send was applied yet, so it may simply go again later.
    const auto pending = m_pendingSends;
    m_pendingSends.clear();
    for (auto it = pending.cbegin(); it != pending.cend(); ++it) {
        it.key()->stop();
        it.key()->deleteLater();
        SendOutcome outcome;
        outcome.result = SendOutcome::Result::Retry;
        outcome.message = tr("Cancelled.");
        emit operationFinished(it.value(), outcome);
    }
    if (running)
        finishSync(Error::Cancelled, tr("Cancelled."));
}

QList<Conversation> DemoConnector::serverConversations() const
{
    QList<Conversation> result;
    for (qint64 remoteId : m_order) {
        if (!m_removed.contains(remoteId))
            result.append(m_conversations.value(remoteId));
    }
    return result;
}

int DemoConnector::serverMessageCount() const
{
    int count = 0;
    for (auto it = m_messages.cbegin(); it != m_messages.cend(); ++it) {
        if (!m_removed.contains(it.key()))
            count += int(it.value().size());
    }
    return count;
}

int DemoConnector::messagesWithEcho(const QString &echoId) const
{
    int count = 0;
    for (const auto &messages : m_messages) {
        for (const Message &message : messages)
            count += message.echoId == echoId ? 1 : 0;
    }
    return count;
}

} // namespace Counterpart::Connectors::Demo
