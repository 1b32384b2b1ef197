#pragma once

#include "ChatwootEndpoint.h"
#include "ChatwootSyncState.h"
#include "storage/IngestBatch.h"
#include "sync/Connector.h"

#include <QObject>
#include <QPointer>
#include <functional>

namespace Counterpart::Connectors::Chatwoot {

class ChatwootRequestJob;

/**
 * A backfill (profile, reference data, contacts, every conversation page, recent messages) or a
 * delta (conversations changed since the cursor, then their new messages). Emits one
 * IngestBatch per server page; finished() carries the error, None when everything arrived.
 */
class ChatwootSyncJob : public QObject
{
    Q_OBJECT
public:
    using Error = Sync::Connector::Error;
    enum class Mode { Backfill, Delta };

    ChatwootSyncJob(const ChatwootEndpoint &endpoint, ChatwootSyncState *state, Mode mode,
                    std::function<QDateTime()> clock, QObject *parent = nullptr);

    void start();
    void abort();
    Error error() const { return m_error; }
    QString errorString() const { return m_errorString; }
    Mode mode() const { return m_mode; }

signals:
    void pageReceived(const Counterpart::Storage::IngestBatch &page);
    void cannedResponsesReceived(const QList<Counterpart::Connectors::Chatwoot::ChatwootCannedResponse> &responses);
    void conversationRemoved(qint64 conversationRemoteId);
    void progress(const QString &what, int done, int total);
    void finished(Counterpart::Connectors::Chatwoot::ChatwootSyncJob *job);

private:
    using Step = std::function<void()>;
    void get(const QUrl &url, const std::function<bool(ChatwootRequestJob *)> &onSuccess);
    void next();
    void fail(Error error, const QString &message);
    void done();
    void fetchContactsPage(int page);
    void fetchConversationPage(int page);
    void fetchDelta();
    void fetchMessagesAfter(qint64 conversationId, qint64 after);
    void queueMessages(const QList<qint64> &conversationIds, bool incremental);
    void emitPage(const Storage::IngestBatch &page);
    void noteServerTime(ChatwootRequestJob *job);

    ChatwootEndpoint m_endpoint;
    ChatwootSyncState *m_state;
    Mode m_mode;
    std::function<QDateTime()> m_clock;
    QList<Step> m_steps;
    QPointer<ChatwootRequestJob> m_current;
    QDateTime m_startServerTime;
    QList<qint64> m_conversationOrder;
    Error m_error = Error::None;
    QString m_errorString;
    bool m_finished = false;
};

} // namespace Counterpart::Connectors::Chatwoot
