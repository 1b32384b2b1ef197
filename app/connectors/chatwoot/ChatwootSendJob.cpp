#include "ChatwootSendJob.h"

#include "ChatwootFormData.h"
#include "ChatwootParser.h"
#include "ChatwootRequestBody.h"
#include "ChatwootRequestJob.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QLocale>

namespace Counterpart::Connectors::Chatwoot {

using Sync::OutboxOperation;
using Sync::SendOutcome;
using Error = Sync::Connector::Error;

namespace {

// Chatwoot's limits for one message (API-NOTES, POST …/messages): checked here so the agent
// reads which file is at fault rather than the server's generic 422.
constexpr int MaxAttachments = 15;
constexpr qint64 MaxAttachmentBytes = qint64(40) * 1024 * 1024;

QStringList attachmentPaths(const OutboxOperation &operation)
{
    QStringList paths;
    const QJsonArray files = operation.payload.value(QLatin1String("attachments")).toArray();
    for (const QJsonValue &file : files) {
        if (!file.toString().isEmpty())
            paths.append(file.toString());
    }
    return paths;
}

/** Why these files cannot go out, or empty. */
QString attachmentProblem(const QStringList &paths)
{
    if (paths.size() > MaxAttachments)
        return QCoreApplication::translate("Chatwoot", "Chatwoot takes at most %1 files per message; this one has %2.")
            .arg(MaxAttachments)
            .arg(paths.size());
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.exists())
            return QCoreApplication::translate("Chatwoot", "The attachment “%1” no longer exists (%2).")
                .arg(info.fileName(), path);
        if (!info.isFile() || !info.isReadable())
            return QCoreApplication::translate("Chatwoot", "The attachment “%1” cannot be read (%2).")
                .arg(info.fileName(), path);
        if (info.size() > MaxAttachmentBytes)
            return QCoreApplication::translate("Chatwoot", "The attachment “%1” is %2; Chatwoot takes files up to %3.")
                .arg(info.fileName(), QLocale().formattedDataSize(info.size()),
                     QLocale().formattedDataSize(MaxAttachmentBytes));
    }
    return {};
}

} // namespace


ChatwootSendJob::ChatwootSendJob(const ChatwootEndpoint &endpoint, ChatwootSyncState *state,
                                 const OutboxOperation &operation, QObject *parent)
    : QObject(parent)
    , m_endpoint(endpoint)
    , m_state(state)
    , m_operation(operation)
{
}

QString ChatwootSendJob::conversationPath() const
{
    return QStringLiteral("/conversations/") + QString::number(m_operation.conversationRemoteId);
}

void ChatwootSendJob::start()
{
    if (m_operation.kind == OutboxOperation::Kind::ContactNote)
        sendContactNote();
    else if (m_operation.kind == OutboxOperation::Kind::Reply || m_operation.kind == OutboxOperation::Kind::Note)
        sendMessage();
    else
        sendAction();
}

void ChatwootSendJob::abort()
{
    m_actions.clear();
    if (m_current)
        m_current->abort();
    finishWith(SendOutcome::Result::Retry, ChatwootRequestJob::errorMessage(Error::Cancelled));
}

void ChatwootSendJob::request(const QString &method, const QString &path, const QJsonValue &body, bool retry,
                              const std::function<void(ChatwootRequestJob *)> &onDone, ChatwootRequestBody *upload,
                              const QByteArray &uploadType)
{
    const ChatwootRequestJob::Method verb = method == QLatin1String("GET") ? ChatwootRequestJob::Method::Get
                                                                           : ChatwootRequestJob::Method::Post;
    auto *job = new ChatwootRequestJob(m_endpoint, verb, m_endpoint.accountUrl(path), body, this);
    job->setRetryTransient(retry);
    if (upload)
        job->setUploadBody(upload, uploadType);
    m_current = job;
    connect(job, &ChatwootRequestJob::finished, this, [this, onDone](ChatwootRequestJob *job) {
        job->deleteLater();
        m_current = nullptr;
        if (job->error() == Error::Cancelled)
            return;
        onDone(job);
    });
    job->start();
}

void ChatwootSendJob::sendAction()
{
    const QJsonObject payload = m_operation.payload;
    QList<QPair<QString, QJsonObject>> calls;
    switch (m_operation.kind) {
    case OutboxOperation::Kind::Assign: {
        const qint64 assignee = payload.value(QLatin1String("assignee_remote_id")).toInteger();
        calls.append({QStringLiteral("/assignments"),
                      QJsonObject{{QStringLiteral("assignee_id"), assignee ? QJsonValue(assignee) : QJsonValue(QJsonValue::Null)}}});
        if (payload.contains(QLatin1String("team_remote_id"))) {
            const qint64 team = payload.value(QLatin1String("team_remote_id")).toInteger();
            calls.append({QStringLiteral("/assignments"),
                          QJsonObject{{QStringLiteral("team_id"), team ? QJsonValue(team) : QJsonValue(QJsonValue::Null)}}});
        }
        break;
    }
    case OutboxOperation::Kind::Labels:
        calls.append({QStringLiteral("/labels"), QJsonObject{{QStringLiteral("labels"), payload.value(QLatin1String("labels")).toArray()}}});
        break;
    case OutboxOperation::Kind::Status: {
        QJsonObject body{{QStringLiteral("status"), payload.value(QLatin1String("status")).toString(QStringLiteral("open"))}};
        if (body.value(QLatin1String("status")).toString() == QLatin1String("snoozed"))
            body.insert(QStringLiteral("snoozed_until"), payload.value(QLatin1String("snoozed_until")).toInteger());
        calls.append({QStringLiteral("/toggle_status"), body});
        break;
    }
    case OutboxOperation::Kind::Priority: {
        const QString priority = payload.value(QLatin1String("priority")).toString();
        calls.append({QStringLiteral("/toggle_priority"),
                      QJsonObject{{QStringLiteral("priority"), priority.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(priority)}}});
        break;
    }
    case OutboxOperation::Kind::CustomAttributes:
        calls.append({QStringLiteral("/custom_attributes"),
                      QJsonObject{{QStringLiteral("custom_attributes"), payload.value(QLatin1String("custom_attributes")).toObject()}}});
        break;
    case OutboxOperation::Kind::MarkRead:
        calls.append({QStringLiteral("/update_last_seen"), QJsonObject()});
        break;
    case OutboxOperation::Kind::MarkUnread:
        calls.append({QStringLiteral("/unread"), QJsonObject()});
        break;
    case OutboxOperation::Kind::Reply:
    case OutboxOperation::Kind::Note:
    case OutboxOperation::Kind::ContactNote:
        break;
    }
    for (const auto &[action, body] : std::as_const(calls)) {
        m_actions.append([this, action, body] {
            request(QStringLiteral("POST"), conversationPath() + action, body, true, [this](ChatwootRequestJob *job) {
                if (job->error() != Error::None && !(job->error() == Error::BadResponse && job->httpStatus() == 200)) {
                    finishWithError(job);
                    return;
                }
                if (m_actions.isEmpty())
                    refreshConversation();
                else
                    m_actions.takeFirst()();
            });
        });
    }
    if (m_actions.isEmpty()) {
        finishWith(SendOutcome::Result::Rejected, QCoreApplication::translate("Chatwoot", "Unknown operation."));
        return;
    }
    m_actions.takeFirst()();
}

void ChatwootSendJob::refreshConversation()
{
    // Report the server's view of the conversation, so the cache equals it even without realtime.
    request(QStringLiteral("GET"), conversationPath(), QJsonValue(QJsonValue::Undefined), true, [this](ChatwootRequestJob *job) {
        if (job->error() == Error::None && job->json().isObject()) {
            Storage::IngestBatch page;
            ChatwootParser::addConversation(job->json().toObject(), page);
            if (!page.isEmpty())
                emit pageReceived(page);
        }
        finishWith(SendOutcome::Result::Sent, QString());
    });
}

bool ChatwootSendJob::isSameReply(const QJsonObject &candidate, const OutboxOperation &operation, qint64 meId)
{
    const QString echo = candidate.value(QLatin1String("echo_id")).toString();
    if (!echo.isEmpty())
        return echo == operation.echoId;
    const Domain::Message message = ChatwootParser::message(candidate);
    const bool wantPrivate = operation.kind == OutboxOperation::Kind::Note;
    const bool isPrivate = candidate.value(QLatin1String("private")).toBool();
    if (message.kind == Domain::MessageKind::Incoming || message.kind == Domain::MessageKind::Activity)
        return false;
    if (isPrivate != wantPrivate || message.senderKind != Domain::SenderKind::Agent || message.senderId != meId)
        return false;
    // A reply with files may have no text at all: the number of files still tells it apart.
    if (message.attachments.size() != attachmentPaths(operation).size())
        return false;
    const QString content = operation.payload.value(QLatin1String("content")).toString();
    // Liquid rewrites {{…}} on the server: such content cannot be compared, the sender and
    // the position after the watermark have to do.
    if (content.contains(QLatin1String("{{")))
        return true;
    return message.text == content;
}

void ChatwootSendJob::sendMessage()
{
    const QString key = m_operation.sourceUid + QLatin1Char('#') + m_operation.echoId;
    const bool triedBefore = m_operation.attempts > 0 || m_state->firstAttemptWatermark.contains(key);
    if (!m_operation.echoId.isEmpty() && m_state->echoes.contains(m_operation.echoId)) {
        finishWith(SendOutcome::Result::Sent, QString(), m_state->echoes.value(m_operation.echoId));
        return;
    }
    // The outbox's baseline was stored before the first attempt, so it survives a restart that
    // emptied this in-memory state; only without one does the connector's own mark stand in.
    if (!m_state->firstAttemptWatermark.contains(key))
        m_state->firstAttemptWatermark.insert(key, m_operation.afterRemoteMessageId > 0
                                                       ? m_operation.afterRemoteMessageId
                                                       : m_state->maxMessageId.value(m_operation.conversationRemoteId));
    if (!triedBefore) {
        postMessage();
        return;
    }
    postAfterLooking(&ChatwootSendJob::lookForEarlierAttempt, &ChatwootSendJob::postMessage);
}

void ChatwootSendJob::postMessage()
{
    QJsonObject body{{QStringLiteral("content"), m_operation.payload.value(QLatin1String("content")).toString()},
                     {QStringLiteral("message_type"), QStringLiteral("outgoing")},
                     {QStringLiteral("private"), m_operation.kind == OutboxOperation::Kind::Note}};
    if (!m_operation.echoId.isEmpty())
        body.insert(QStringLiteral("echo_id"), m_operation.echoId);
    const QString cc = m_operation.payload.value(QLatin1String("cc")).toString();
    const QString bcc = m_operation.payload.value(QLatin1String("bcc")).toString();
    if (!cc.isEmpty())
        body.insert(QStringLiteral("cc_emails"), cc);
    if (!bcc.isEmpty())
        body.insert(QStringLiteral("bcc_emails"), bcc);

    ChatwootRequestBody *upload = nullptr;
    QByteArray uploadType;
    const QStringList files = attachmentPaths(m_operation);
    if (!files.isEmpty()) {
        // Resending cannot make a missing or oversized file acceptable: fail for good, by name.
        QString problem = attachmentProblem(files);
        if (problem.isEmpty()) {
            ChatwootFormData form;
            for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
                const QJsonValue value = it.value();
                form.addField(it.key(), value.isBool() ? (value.toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                                                       : value.toString());
            }
            for (const QString &path : files)
                form.addFile(QStringLiteral("attachments[]"), path);
            upload = form.createBody(&problem);
            uploadType = form.contentType();
        }
        if (!upload) {
            finishWith(SendOutcome::Result::Rejected, problem);
            return;
        }
    }
    request(QStringLiteral("POST"), conversationPath() + QStringLiteral("/messages"), body, false, [this](ChatwootRequestJob *job) {
        if (job->error() == Error::None && job->json().isObject()) {
            Domain::Message message = ChatwootParser::message(job->json().toObject());
            message.conversationId = m_operation.conversationRemoteId;
            message.echoId = m_operation.echoId;
            m_state->echoes.insert(m_operation.echoId, message.remoteId);
            m_state->noteMessage(message.conversationId, message.remoteId);
            Storage::IngestBatch page;
            page.messages.append(message);
            emit pageReceived(page);
            finishWith(SendOutcome::Result::Sent, QString(), message.remoteId);
            return;
        }
        if (job->outcomeUnknown() || job->error() == Error::None) {
            // The server may have stored it: look now rather than sending twice later.
            retryAfterLooking(
                &ChatwootSendJob::lookForEarlierAttempt,
                QCoreApplication::translate(
                    "Chatwoot", "The reply did not reach the server; it will be sent again."));
            return;
        }
        finishWithError(job);
    }, upload, uploadType);
}

void ChatwootSendJob::lookForEarlierAttempt(const LookedFor &then)
{
    const QString key = m_operation.sourceUid + QLatin1Char('#') + m_operation.echoId;
    const qint64 after = m_state->firstAttemptWatermark.value(key);
    auto *job = new ChatwootRequestJob(m_endpoint, ChatwootRequestJob::Method::Get,
                                       after > 0 ? m_endpoint.accountUrl(conversationPath() + QStringLiteral("/messages"),
                                                                         QUrlQuery{{QStringLiteral("after"), QString::number(after)}})
                                                 : m_endpoint.accountUrl(conversationPath() + QStringLiteral("/messages")),
                                       QJsonValue(QJsonValue::Undefined), this);
    m_current = job;
    connect(job, &ChatwootRequestJob::finished, this, [this, then](ChatwootRequestJob *job) {
        job->deleteLater();
        m_current = nullptr;
        if (job->error() == Error::Cancelled)
            return;
        if (job->error() == Error::NotFound) {
            emit conversationRemoved(m_operation.conversationRemoteId);
            finishWith(SendOutcome::Result::Gone, job->errorString());
            then(true, false);
            return;
        }
        if (job->error() != Error::None) {
            then(false, true);
            return;
        }
        const QJsonArray items = job->json().toObject().value(QLatin1String("payload")).toArray();
        for (const QJsonValue &item : items) {
            if (!isSameReply(item.toObject(), m_operation, m_state->profile.id))
                continue;
            Domain::Message message = ChatwootParser::message(item.toObject());
            message.conversationId = m_operation.conversationRemoteId;
            message.echoId = m_operation.echoId;
            m_state->echoes.insert(m_operation.echoId, message.remoteId);
            Storage::IngestBatch page;
            page.messages.append(message);
            emit pageReceived(page);
            finishWith(SendOutcome::Result::Sent, QString(), message.remoteId);
            then(true, false);
            return;
        }
        then(false, false);
    });
    job->start();
}

void ChatwootSendJob::postAfterLooking(Look look, Post post)
{
    (this->*look)([this, post](bool found, bool lookupFailed) {
        if (found)
            return;
        if (lookupFailed) {
            finishWith(
                SendOutcome::Result::Unknown,
                QCoreApplication::translate(
                    "Chatwoot",
                    "Could not check whether the earlier attempt arrived; will look again."));
            return;
        }
        (this->*post)();
    });
}

void ChatwootSendJob::retryAfterLooking(Look look, const QString &notArrived)
{
    (this->*look)([this, notArrived](bool found, bool lookupFailed) {
        if (found)
            return;
        finishWith(lookupFailed ? SendOutcome::Result::Unknown : SendOutcome::Result::Retry,
                   notArrived);
    });
}

QString ChatwootSendJob::contactNotesPath() const
{
    return QStringLiteral("/contacts/")
        + QString::number(m_operation.payload.value(QLatin1String("contact_remote_id")).toInteger())
        + QStringLiteral("/notes");
}

void ChatwootSendJob::sendContactNote()
{
    if (m_operation.attempts == 0 && !m_operation.checkFirst) {
        postContactNote();
        return;
    }
    postAfterLooking(&ChatwootSendJob::lookForEarlierContactNote,
                     &ChatwootSendJob::postContactNote);
}

void ChatwootSendJob::postContactNote()
{
    const QJsonObject body{{QStringLiteral("content"), m_operation.payload.value(QLatin1String("content")).toString()}};
    request(QStringLiteral("POST"), contactNotesPath(), body, false, [this](ChatwootRequestJob *job) {
        if (job->error() == Error::None && job->json().isObject()) {
            Domain::ContactNote note = ChatwootParser::contactNote(job->json().toObject());
            if (note.contactId == 0)
                note.contactId = m_operation.payload.value(QLatin1String("contact_remote_id")).toInteger();
            Storage::IngestBatch page;
            page.contactNotes.append(note);
            emit pageReceived(page);
            finishWith(SendOutcome::Result::Sent, QString(), note.remoteId);
            return;
        }
        if (job->error() == Error::NotFound) {
            finishContactNoteGone();
            return;
        }
        if (job->outcomeUnknown() || job->error() == Error::None) {
            retryAfterLooking(
                &ChatwootSendJob::lookForEarlierContactNote,
                QCoreApplication::translate(
                    "Chatwoot", "The note did not reach the server; it will be sent again."));
            return;
        }
        finishWithError(job);
    });
}

void ChatwootSendJob::lookForEarlierContactNote(const LookedFor &then)
{
    request(QStringLiteral("GET"), contactNotesPath(), QJsonValue(QJsonValue::Undefined), true, [this, then](ChatwootRequestJob *job) {
        if (job->error() == Error::NotFound) {
            finishContactNoteGone();
            then(true, false);
            return;
        }
        QList<Domain::ContactNote> notes;
        if (job->error() != Error::None || !ChatwootParser::contactNoteList(job->json(), notes)) {
            then(false, true);
            return;
        }
        const qint64 contactRemoteId = m_operation.payload.value(QLatin1String("contact_remote_id")).toInteger();
        const QString content = m_operation.payload.value(QLatin1String("content")).toString();
        // Queued long before the attempt is fine; the margin covers a server clock a little behind ours.
        const qint64 queuedAt = m_operation.createdAtMs / 1000 - 300;
        qint64 found = 0;
        for (Domain::ContactNote &note : notes) {
            if (note.contactId == 0)
                note.contactId = contactRemoteId;
            if (found == 0 && note.authorId == m_state->profile.id && note.content == content
                && (!note.createdAt.isValid() || note.createdAt.toSecsSinceEpoch() >= queuedAt))
                found = note.remoteId;
        }
        if (found == 0) {
            then(false, false);
            return;
        }
        // The whole list came back anyway: the cache gets all of it.
        Storage::IngestBatch page;
        page.contactNotes = notes;
        page.completeNoteListsOf.append(contactRemoteId);
        emit pageReceived(page);
        finishWith(SendOutcome::Result::Sent, QString(), found);
        then(true, false);
    });
}

void ChatwootSendJob::finishContactNoteGone()
{
    // The customer is gone, not the conversation the note was written beside: no Gone here,
    // which would delete that conversation from the cache.
    finishWith(SendOutcome::Result::Rejected,
               QCoreApplication::translate("Chatwoot", "This customer no longer exists on the server; the note was not saved."));
}

void ChatwootSendJob::finishWithError(ChatwootRequestJob *job)
{
    switch (job->error()) {
    case Error::Unauthorized:
        finishWith(SendOutcome::Result::SignInAgain, job->errorString());
        return;
    case Error::NotFound:
        emit conversationRemoved(m_operation.conversationRemoteId);
        finishWith(SendOutcome::Result::Gone, job->errorString());
        return;
    case Error::BadResponse:
        if (job->httpStatus() >= 400 && job->httpStatus() < 500) {
            finishWith(SendOutcome::Result::Rejected, job->errorString());
            return;
        }
        finishWith(SendOutcome::Result::Retry, job->errorString());
        return;
    default:
        finishWith(SendOutcome::Result::Retry, job->errorString());
        return;
    }
}

void ChatwootSendJob::finishWith(SendOutcome::Result result, const QString &message, qint64 serverMessageId)
{
    if (m_finished)
        return;
    m_finished = true;
    m_outcome.result = result;
    m_outcome.message = message;
    m_outcome.serverMessageId = serverMessageId;
    if (result == SendOutcome::Result::Sent || result == SendOutcome::Result::Gone || result == SendOutcome::Result::Rejected)
        m_state->firstAttemptWatermark.remove(m_operation.sourceUid + QLatin1Char('#') + m_operation.echoId);
    emit finished(this);
}

} // namespace Counterpart::Connectors::Chatwoot
