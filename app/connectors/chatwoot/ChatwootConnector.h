#pragma once

#include "ActionCableClient.h"
#include "ChatwootEndpoint.h"
#include "ChatwootSyncState.h"
#include "sync/Connector.h"

#include <QPointer>
#include <functional>

namespace Counterpart::Connectors::Chatwoot {

class ChatwootSyncJob;
class ChatwootSendJob;

/**
 * One Chatwoot account behind the Sync::Connector interface: backfill and updated_within
 * deltas as IngestBatch pages with remote ids, realtime over ActionCable (with a delta after
 * every reconnect), history on demand, and outbox sends that never duplicate a reply.
 */
class ChatwootConnector : public Sync::Connector
{
    Q_OBJECT
public:
    using Clock = std::function<QDateTime()>;

    /** `clock` defaults to the system clock; tests pass a fake one. */
    ChatwootConnector(const QUrl &baseUrl, qint64 accountId, const QString &token, QNetworkAccessManager *network,
                      Clock clock = {}, QObject *parent = nullptr);
    ~ChatwootConnector() override;

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

    /** After "sign in again": the new token; nothing queued is lost. */
    void setToken(const QString &token);
    void setRetryPolicy(const ChatwootRetryPolicy &policy) { m_endpoint.retry = policy; }
    void setRealtimeOptions(const ActionCableClient::Options &options) { m_realtimeOptions = options; }
    /** Defaults to ws(s)://<host>/cable of the base URL. */
    void setCableUrl(const QUrl &url) { m_cableUrl = url; }
    /** How many of the most recent conversations get their latest messages during a backfill. */
    void setRecentConversationsWithMessages(int count) { m_state.recentConversationsWithMessages = count; }
    /** The delta cursor (server time); persist it and hand it back after a restart. */
    QDateTime lastSyncServerTime() const { return m_state.lastSyncServerTime; }
    void setLastSyncServerTime(const QDateTime &time) { m_state.lastSyncServerTime = time; }
    /** Tells the connector the newest message the cache holds, so deltas fetch only newer ones. */
    void setKnownMaxMessageId(qint64 conversationRemoteId, qint64 messageRemoteId);
    /** Conversation remote id -> newest message id seen, to persist beside the cursor. */
    QHash<qint64, qint64> knownMaxMessageIds() const { return m_state.maxMessageId; }
    ChatwootProfile profile() const { return m_state.profile; }
    QList<ChatwootCannedResponse> cannedResponses() const { return m_cannedResponses; }
    bool isSyncing() const { return !m_sync.isNull(); }

signals:
    void cannedResponsesReceived(const QList<Counterpart::Connectors::Chatwoot::ChatwootCannedResponse> &responses);
    /** fetchMessages() answered; `reachedStart` when no older message exists. */
    void historyFetched(qint64 conversationRemoteId, bool reachedStart);
    /** fetchContactNotes() answered (after its page, if any); NotFound when the contact is gone. */
    void contactNotesFetched(qint64 contactRemoteId, Counterpart::Sync::Connector::Error error);

private:
    void runSync(bool backfill);
    void onSyncFinished(ChatwootSyncJob *job);
    void ensureRealtime();
    /** Runs `then` once the signed-in profile is known (fetching it if needed), or with the error. */
    void whenProfileKnown(const std::function<void(Error)> &then);
    void startSend(const Sync::OutboxOperation &operation);
    void startRealtime();
    void onRealtimeEvent(const QString &event, const QJsonObject &data);
    void emitRealtimePage(const Storage::IngestBatch &page);

    ChatwootEndpoint m_endpoint;
    Clock m_clock;
    ChatwootSyncState m_state;
    QUrl m_cableUrl;
    ActionCableClient::Options m_realtimeOptions;
    QPointer<ChatwootSyncJob> m_sync;
    bool m_deltaPending = false;
    bool m_realtimeWanted = false;
    bool m_profilePending = false; ///< a profile request is under way
    QList<std::function<void(Error)>> m_profileWaiters;
    ActionCableClient *m_cable = nullptr;
    QList<QPointer<QObject>> m_jobs;
    QList<ChatwootCannedResponse> m_cannedResponses;
};

} // namespace Counterpart::Connectors::Chatwoot
