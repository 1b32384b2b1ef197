#pragma once

#include "DemoOptions.h"
#include "sync/Connector.h"

#include <QHash>
#include <QList>
#include <QSet>

class QTimer;

namespace Counterpart::Connectors::Demo {

/**
 * The demo workspace served as a Connector, so the first launch, tests and benchmarks drive the
 * same SyncEngine path as a real helpdesk. It keeps the "server" state in memory, applies sent
 * operations as a server would (after a short simulated delay) and reports the result as a page,
 * like a realtime event. Everything is deterministic for the same options.
 *
 * The simulate*() and set*() calls stand in for what a real server and network do on their own
 * (going offline, revoking a token, deleting a conversation), so offline mode and the fault paths
 * can be shown and tested without a server.
 */
class DemoConnector : public Sync::Connector
{
    Q_OBJECT
public:
    /** `uid` empty: "demo"; a different uid lets several demo accounts share one inbox. */
    explicit DemoConnector(DemoOptions options, const QString &uid = QString(),
                           QObject *parent = nullptr);
    ~DemoConnector() override;

    QString sourceUid() const override;
    Domain::Source source() const override;
    void checkConnection() override;
    void startBackfill() override;
    void startDelta() override;
    void fetchMessages(qint64 conversationRemoteId, qint64 beforeRemoteMessageId) override;
    void fetchContactNotes(qint64 contactRemoteId) override;
    void setRealtimeEnabled(bool enabled) override;
    void send(const Sync::OutboxOperation &operation) override;
    void cancel() override;

    /** Milliseconds between receiving an operation and answering (default 150). */
    void setSendDelayMs(int ms) { m_sendDelayMs = ms; }
    /** Network down: syncs end Unreachable, sends answer Retry, realtime disconnects. */
    void setOffline(bool offline);
    /** Token revoked: syncs end Unauthorized, sends answer SignInAgain. */
    void setUnauthorized(bool unauthorized) { m_unauthorized = unauthorized; }
    /** The next sends answer these results in order. Unknown applies the operation first: the
     *  request reached the server but the answer was lost. */
    void scriptSendResults(const QList<Sync::SendOutcome::Result> &results) { m_script = results; }
    /** Deletes a conversation on the "server". */
    void simulateRemoval(qint64 conversationRemoteId);
    /** A customer writes; delivered now when realtime is on, else with the next delta. Returns
     *  the new message's remote id (0 for an unknown conversation). */
    qint64 simulateIncoming(qint64 conversationRemoteId, const QString &text);

    /** The server's view, for tests that compare it with the cache. */
    QList<Domain::Conversation> serverConversations() const;
    int serverMessageCount() const;
    /** Messages on the server carrying this echo id: more than one would be a duplicate send. */
    int messagesWithEcho(const QString &echoId) const;
    /** The notes the "server" keeps about a customer, oldest first. */
    QList<Domain::ContactNote> serverContactNotes(qint64 contactRemoteId) const { return m_notes.value(contactRemoteId); }
    int sendRequests() const { return m_sendRequests; }

private:
    void ensureServerState();
    void emitNextBackfillPage();
    void finishSync(Error error, const QString &message);
    Sync::SendOutcome apply(const Sync::OutboxOperation &operation);
    Sync::SendOutcome addContactNote(const Sync::OutboxOperation &operation);
    Domain::Message newMessage(qint64 conversationRemoteId, Domain::MessageKind kind,
                               const QString &text, const QString &echoId);
    void publish(qint64 conversationRemoteId, const QList<Domain::Message> &messages);

    DemoOptions m_options;
    QString m_uid;
    bool m_loaded = false;
    Storage::IngestBatch m_setup; ///< inboxes, agents, teams, labels
    QList<qint64> m_order;        ///< conversation remote ids in generation order
    QHash<qint64, Domain::Conversation> m_conversations;
    QHash<qint64, QList<Domain::Message>> m_messages;
    QHash<qint64, Domain::Contact> m_contacts;
    QHash<qint64, QList<Domain::ContactNote>> m_notes; ///< by contact remote id, oldest first
    qint64 m_nextNoteId = 0;
    QSet<qint64> m_changed; ///< since the last backfill or delta
    QSet<qint64> m_removed;
    qint64 m_nextMessageId = 0;
    qint64 m_clockSecs = 0;

    QTimer *m_pageTimer = nullptr;
    int m_backfillIndex = -1; ///< -1: no backfill running
    bool m_realtime = false;
    bool m_offline = false;
    bool m_unauthorized = false;
    int m_sendDelayMs = 150;
    int m_sendRequests = 0;
    QList<Sync::SendOutcome::Result> m_script;
    QHash<QTimer *, qint64> m_pendingSends; ///< timer -> operation id
};

} // namespace Counterpart::Connectors::Demo
