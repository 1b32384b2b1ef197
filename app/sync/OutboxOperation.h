#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Counterpart::Sync {

/**
 * One write the agent made, as it waits in the outbox (workspace.sqlite) and as a connector sends
 * it. Kept as data so it survives restarts: `payload` holds the kind's fields (see below), and
 * (sourceUid, conversationRemoteId) say where it goes without any cache rowid.
 *
 * Payload fields by kind:
 *  - Reply / Note:   content, (email) subject, cc, bcc; echo_id is set on the operation itself
 *  - Assign:         assignee_remote_id (0 = unassign), team_remote_id (optional, 0 = none)
 *  - Labels:         labels (array: the full set, never a delta)
 *  - Status:         status ("open", "pending", "resolved", "snoozed"), snoozed_until (epoch s)
 *  - Priority:       priority ("", "low", "medium", "high", "urgent")
 *  - CustomAttributes: custom_attributes (object: the full hash)
 *  - MarkRead / MarkUnread: none
 *  - ContactNote:    contact_remote_id, content. The note belongs to the customer, not to a
 *                    conversation: conversationRemoteId is the conversation the agent had open
 *                    when writing it, which orders the note with the rest of that conversation.
 */
struct OutboxOperation
{
    enum class Kind { Reply, Note, Assign, Labels, Status, Priority, CustomAttributes, MarkRead, MarkUnread,
                      ContactNote };
    enum class State { Queued, Sending, Sent, Failed };

    qint64 id = 0; ///< outbox rowid
    QString sourceUid;
    qint64 conversationRemoteId = 0;
    Kind kind = Kind::Reply;
    QJsonObject payload;
    QString echoId; ///< UUID for replies, notes and contact notes: how a retry finds an earlier attempt
    State state = State::Queued;
    /** Attempts made so far. Handed to Connector::send() it counts the earlier attempts only
     *  (0 = first try), at least 1 when checkFirst is set. */
    int attempts = 0;
    QString lastError;
    /**
     * An earlier attempt may have reached the server (the process died while it was "sending",
     * or the connector answered Unknown). The connector must look first (replies and notes: by
     * echoId, then among messages after `afterRemoteMessageId` from me with the same content and
     * private flag) and answer Sent without sending when it finds it.
     */
    bool checkFirst = false;
    /** Newest remote message id of the conversation in the cache before the first attempt. */
    qint64 afterRemoteMessageId = 0;
    qint64 serverMessageId = 0;  ///< once sent (replies and notes)
    qint64 nextAttemptAtMs = 0;  ///< epoch ms; 0 = as soon as possible
    qint64 createdAtMs = 0;

    static QString kindKey(Kind kind);
    static Kind kindFromKey(const QString &key);
    static QString stateKey(State state);
    static State stateFromKey(const QString &key);
};

/** What a connector reports after trying to send one operation. */
struct SendOutcome
{
    enum class Result {
        Sent,        ///< the server accepted it (serverMessageId set for replies and notes)
        Retry,       ///< temporary: network down, 429, 5xx, timeout before anything was sent
        Unknown,     ///< the request may have reached the server: look before sending again
        Rejected,    ///< permanent: 4xx other than 401/429; shown as failed with the reason
        SignInAgain, ///< 401: keep the operation, ask the agent to sign in
        Gone,        ///< 404: the conversation no longer exists on the server (a contact
                     ///< note whose customer is gone is Rejected instead: its conversation stays)
    };
    Result result = Result::Retry;
    qint64 serverMessageId = 0;
    QString message; ///< a sentence for the UI
};

} // namespace Counterpart::Sync
