#pragma once

#include "ChatwootEndpoint.h"
#include "ChatwootSyncState.h"
#include "storage/IngestBatch.h"
#include "sync/Connector.h"
#include "sync/OutboxOperation.h"

#include <QObject>
#include <QPointer>
#include <functional>

namespace Counterpart::Connectors::Chatwoot {

class ChatwootRequestBody;
class ChatwootRequestJob;

/**
 * Sends one outbox operation. Actions are idempotent as sent (explicit status, explicit assignee,
 * the full label set) and are retried like reads. Replies and notes are not: when an attempt
 * ends without a clear answer, the job looks for the message on the server (messages?after=
 * the highest id known before the first attempt) before anything is sent again, so a reply is
 * never duplicated. Contact notes work the same way: an attempt that may have landed is looked
 * for among the contact's notes (mine, same content, written since the operation was queued).
 *
 * A reply with files (payload "attachments": local paths) goes out as multipart/form-data; a
 * file that is missing, unreadable or too large for Chatwoot fails the operation (Rejected)
 * with a message naming it, and nothing is sent.
 */
class ChatwootSendJob : public QObject
{
    Q_OBJECT
public:
    ChatwootSendJob(const ChatwootEndpoint &endpoint, ChatwootSyncState *state, const Sync::OutboxOperation &operation,
                    QObject *parent = nullptr);

    void start();
    void abort();
    Sync::SendOutcome outcome() const { return m_outcome; }
    qint64 operationId() const { return m_operation.id; }

    /** Whether `candidate` (REST message JSON) is the reply this operation sent. */
    static bool isSameReply(const QJsonObject &candidate, const Sync::OutboxOperation &operation, qint64 meId);

signals:
    void pageReceived(const Counterpart::Storage::IngestBatch &page);
    void conversationRemoved(qint64 conversationRemoteId);
    void finished(Counterpart::Connectors::Chatwoot::ChatwootSendJob *job);

private:
    /** found: the look has finished the job itself (Sent, or what the message was for is gone). */
    using LookedFor = std::function<void(bool found, bool lookupFailed)>;
    using Look = void (ChatwootSendJob::*)(const LookedFor &then);
    using Post = void (ChatwootSendJob::*)();

    void request(const QString &method, const QString &path, const QJsonValue &body, bool retry,
                 const std::function<void(ChatwootRequestJob *)> &onDone, ChatwootRequestBody *upload = nullptr,
                 const QByteArray &uploadType = {});
    void sendAction();
    void sendMessage();
    void postMessage();
    void lookForEarlierAttempt(const LookedFor &then);
    void refreshConversation();
    void sendContactNote();
    void postContactNote();
    void lookForEarlierContactNote(const LookedFor &then);
    /** Posts once `look` has shown that no earlier attempt arrived; a failed look is Unknown. */
    void postAfterLooking(Look look, Post post);
    /**
     * After an attempt that ended without a clear answer: Sent if `look` finds it, else Retry
     * with `notArrived` (Unknown if the look itself failed).
     */
    void retryAfterLooking(Look look, const QString &notArrived);
    void finishContactNoteGone();
    QString contactNotesPath() const;
    void finishWith(Sync::SendOutcome::Result result, const QString &message, qint64 serverMessageId = 0);
    void finishWithError(ChatwootRequestJob *job);
    QString conversationPath() const;

    ChatwootEndpoint m_endpoint;
    ChatwootSyncState *m_state;
    Sync::OutboxOperation m_operation;
    Sync::SendOutcome m_outcome;
    QPointer<ChatwootRequestJob> m_current;
    QList<std::function<void()>> m_actions;
    bool m_finished = false;
};

} // namespace Counterpart::Connectors::Chatwoot
