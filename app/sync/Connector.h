#pragma once

#include "OutboxOperation.h"
#include "domain/Entities.h"
#include "storage/IngestBatch.h"

#include <QObject>

namespace Counterpart::Sync {

/**
 * One helpdesk account as the sync engine sees it. The demo source and Chatwoot implement it;
 * a direct e-mail connector can follow without touching the UI. Everything is asynchronous and
 * reported by signals; the connector never touches SQLite: it hands IngestBatch pages (with
 * remote ids) to whoever listens, and the SyncEngine writes them into cache.sqlite.
 */
class Connector : public QObject
{
    Q_OBJECT
public:
    enum class Error {
        None,
        Unreachable,   ///< DNS, refused, timed out, offline
        Tls,           ///< certificate or handshake problem
        Unauthorized,  ///< 401: token invalid or revoked
        NotFound,      ///< wrong account id or path
        NotHelpdesk,   ///< the URL answers, but not as this helpdesk
        RateLimited,   ///< 429
        Server,        ///< 5xx
        BadResponse,   ///< garbage, truncated or unexpected JSON
        Cancelled,
    };
    Q_ENUM(Error)

    using QObject::QObject;

    /** Stable identity, e.g. "demo" or "chatwoot:https://desk.example.com#3". */
    virtual QString sourceUid() const = 0;
    virtual Domain::Source source() const = 0;

    /** Checks URL, token and account; answers with connectionChecked(). */
    virtual void checkConnection() = 0;
    /** Full mirror: reference data, then conversations page by page, then recent messages. */
    virtual void startBackfill() = 0;
    /** Changes since the last successful sync (server clock); pages arrive as for a backfill. */
    virtual void startDelta() = 0;
    /** Older history of one conversation, before `beforeRemoteMessageId` (0: newest page). */
    virtual void fetchMessages(qint64 conversationRemoteId, qint64 beforeRemoteMessageId) = 0;
    /**
     * Every note kept about one customer, delivered as a page with
     * IngestBatch::completeNoteListsOf set. Asked for when the sidebar shows the customer, not
     * during sync: a helpdesk like Chatwoot lists notes per contact only, so a sync would cost
     * one request per customer. A connector without contact notes ignores it.
     */
    virtual void fetchContactNotes(qint64 /*contactRemoteId*/) {}
    /** Realtime updates (WebSocket); pages and typing events arrive while connected. */
    virtual void setRealtimeEnabled(bool enabled) = 0;
    /** Sends one outbox operation; answers with operationFinished() for the same id. */
    virtual void send(const OutboxOperation &operation) = 0;
    /** Stops whatever runs; pending requests end with Error::Cancelled. */
    virtual void cancel() = 0;

signals:
    void connectionChecked(Counterpart::Sync::Connector::Error error, const QString &message);
    /** A page of server data to write (one transaction). */
    void pageReceived(const Counterpart::Storage::IngestBatch &page);
    /** The server says a conversation is gone (404 or deletion event). */
    void conversationRemoved(qint64 conversationRemoteId);
    void progress(const QString &what, int done, int total);
    /** A backfill or delta ended; `error` None when everything arrived. */
    void syncFinished(Counterpart::Sync::Connector::Error error, const QString &message);
    void operationFinished(qint64 operationId, const Counterpart::Sync::SendOutcome &outcome);
    void typingChanged(qint64 conversationRemoteId, const QString &agentName, bool typing);
    void realtimeStateChanged(bool connected);
};

} // namespace Counterpart::Sync
