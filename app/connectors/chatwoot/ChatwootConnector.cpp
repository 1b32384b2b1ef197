#include "ChatwootConnector.h"

#include "ChatwootConnectionCheckJob.h"
#include "ChatwootParser.h"
#include "ChatwootRequestJob.h"
#include "ChatwootSendJob.h"
#include "ChatwootSyncJob.h"

#include <QJsonArray>

namespace Counterpart::Connectors::Chatwoot {

namespace {
constexpr int kMessagesPerPage = 20;
} // namespace

ChatwootConnector::ChatwootConnector(const QUrl &baseUrl, qint64 accountId, const QString &token,
                                     QNetworkAccessManager *network, Clock clock, QObject *parent)
    : Sync::Connector(parent)
    , m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); }))
{
    m_endpoint.baseUrl = baseUrl;
    m_endpoint.accountId = accountId;
    m_endpoint.token = token;
    m_endpoint.network = network;
    m_cableUrl = ActionCableClient::cableUrlFor(baseUrl);
}

ChatwootConnector::~ChatwootConnector()
{
    delete m_cable;
}

QString ChatwootConnector::sourceUid() const
{
    QString base = m_endpoint.baseUrl.toString(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash);
    return QStringLiteral("chatwoot:") + base + QLatin1Char('#') + QString::number(m_endpoint.accountId);
}

Domain::Source ChatwootConnector::source() const
{
    Domain::Source source;
    source.uid = sourceUid();
    source.kind = QStringLiteral("chatwoot");
    source.name = m_endpoint.baseUrl.host();
    source.baseUrl = m_endpoint.baseUrl.toString(QUrl::StripTrailingSlash);
    source.accountId = m_endpoint.accountId;
    return source;
}

void ChatwootConnector::setToken(const QString &token)
{
    m_endpoint.token = token;
}

void ChatwootConnector::setKnownMaxMessageId(qint64 conversationRemoteId, qint64 messageRemoteId)
{
    m_state.noteMessage(conversationRemoteId, messageRemoteId);
}

void ChatwootConnector::checkConnection()
{
    auto *job = new ChatwootConnectionCheckJob(m_endpoint, this);
    m_jobs.removeIf([](const QPointer<QObject> &pending) { return pending.isNull(); });
    m_jobs.append(job);
    connect(job, &ChatwootConnectionCheckJob::finished, this, [this](ChatwootConnectionCheckJob *job) {
        job->deleteLater();
        if (job->error() == Error::None)
            m_state.profile = job->profile();
        emit connectionChecked(job->error(), job->errorString());
    });
    job->start();
}

void ChatwootConnector::startBackfill()
{
    runSync(true);
}

void ChatwootConnector::startDelta()
{
    if (m_sync) {
        m_deltaPending = true; // one more delta after the running sync covers what it misses
        return;
    }
    // Without a cursor, or after more than 3 h away, a delta would miss too much.
    const QDateTime serverNow = m_clock().addMSecs(m_state.serverSkewMs);
    const bool stale = !m_state.lastSyncServerTime.isValid() || m_state.lastSyncServerTime.secsTo(serverNow) > 3 * 3600;
    runSync(stale);
}

void ChatwootConnector::runSync(bool backfill)
{
    if (m_sync)
        return;
    m_sync = new ChatwootSyncJob(m_endpoint, &m_state, backfill ? ChatwootSyncJob::Mode::Backfill : ChatwootSyncJob::Mode::Delta,
                                 m_clock, this);
    connect(m_sync, &ChatwootSyncJob::pageReceived, this, &Connector::pageReceived);
    connect(m_sync, &ChatwootSyncJob::conversationRemoved, this, &Connector::conversationRemoved);
    connect(m_sync, &ChatwootSyncJob::progress, this, &Connector::progress);
    connect(m_sync, &ChatwootSyncJob::cannedResponsesReceived, this, [this](const QList<ChatwootCannedResponse> &responses) {
        m_cannedResponses = responses;
        emit cannedResponsesReceived(responses);
    });
    connect(m_sync, &ChatwootSyncJob::finished, this, &ChatwootConnector::onSyncFinished);
    m_sync->start();
}

void ChatwootConnector::onSyncFinished(ChatwootSyncJob *job)
{
    job->deleteLater();
    m_sync = nullptr;
    const Error error = job->error();
    emit syncFinished(error, job->errorString());
    if (error == Error::None)
        ensureRealtime();
    if (m_deltaPending && error != Error::Cancelled && error != Error::Unauthorized) {
        m_deltaPending = false;
        startDelta();
    }
}

void ChatwootConnector::fetchMessages(qint64 conversationRemoteId, qint64 beforeRemoteMessageId)
{
    QUrlQuery query;
    if (beforeRemoteMessageId > 0)
        query.addQueryItem(QStringLiteral("before"), QString::number(beforeRemoteMessageId));
    auto *job = new ChatwootRequestJob(m_endpoint, ChatwootRequestJob::Method::Get,
                                       m_endpoint.accountUrl(QStringLiteral("/conversations/") + QString::number(conversationRemoteId)
                                                                 + QStringLiteral("/messages"), query),
                                       QJsonValue(QJsonValue::Undefined), this);
    m_jobs.removeIf([](const QPointer<QObject> &pending) { return pending.isNull(); });
    m_jobs.append(job);
    connect(job, &ChatwootRequestJob::finished, this, [this, conversationRemoteId](ChatwootRequestJob *job) {
        job->deleteLater();
        if (job->error() == Error::NotFound) {
            emit conversationRemoved(conversationRemoteId);
            return;
        }
        Storage::IngestBatch page;
        if (job->error() != Error::None || !ChatwootParser::messageList(job->json(), page.messages)) {
            emit syncFinished(job->error() == Error::None ? Error::BadResponse : job->error(),
                              job->error() == Error::None ? ChatwootRequestJob::errorMessage(Error::BadResponse) : job->errorString());
            return;
        }
        for (Domain::Message &message : page.messages) {
            message.conversationId = conversationRemoteId;
            m_state.noteMessage(conversationRemoteId, message.remoteId);
        }
        if (!page.isEmpty())
            emit pageReceived(page);
        emit historyFetched(conversationRemoteId, page.messages.size() < kMessagesPerPage);
    });
    job->start();
}

void ChatwootConnector::fetchContactNotes(qint64 contactRemoteId)
{
    auto *job = new ChatwootRequestJob(m_endpoint, ChatwootRequestJob::Method::Get,
                                       m_endpoint.accountUrl(QStringLiteral("/contacts/") + QString::number(contactRemoteId)
                                                             + QStringLiteral("/notes")),
                                       QJsonValue(QJsonValue::Undefined), this);
    m_jobs.removeIf([](const QPointer<QObject> &pending) { return pending.isNull(); });
    m_jobs.append(job);
    connect(job, &ChatwootRequestJob::finished, this, [this, contactRemoteId](ChatwootRequestJob *job) {
        job->deleteLater();
        Error error = job->error();
        Storage::IngestBatch page;
        if (error == Error::None && !ChatwootParser::contactNoteList(job->json(), page.contactNotes))
            error = Error::BadResponse;
        // A missing contact is left alone: contacts are deleted by their own event, and a
        // failed fetch keeps the cached notes, which the sidebar shows meanwhile.
        if (error == Error::None) {
            for (Domain::ContactNote &note : page.contactNotes) {
                if (note.contactId == 0)
                    note.contactId = contactRemoteId;
            }
            page.completeNoteListsOf.append(contactRemoteId);
            emit pageReceived(page);
        }
        emit contactNotesFetched(contactRemoteId, error);
    });
    job->start();
}

void ChatwootConnector::setRealtimeEnabled(bool enabled)
{
    m_realtimeWanted = enabled;
    if (!enabled) {
        delete m_cable;
        m_cable = nullptr;
        emit realtimeStateChanged(false);
        return;
    }
    ensureRealtime();
}

void ChatwootConnector::ensureRealtime()
{
    if (!m_realtimeWanted || m_cable)
        return;
    // The subscription is signed with the profile's pubsub token.
    whenProfileKnown([this](Error error) {
        if (error == Error::None && m_realtimeWanted && !m_cable)
            startRealtime();
    });
}

void ChatwootConnector::whenProfileKnown(const std::function<void(Error)> &then)
{
    // A backfill fetches the profile; a delta (the first sync after a restart) does not, yet
    // realtime needs its pubsub token and a re-checked send needs "me" to recognise its reply.
    if (m_state.profile.isValid() && !m_state.profile.pubsubToken.isEmpty()) {
        then(Error::None);
        return;
    }
    m_profileWaiters.append(then);
    if (m_profilePending)
        return;
    m_profilePending = true;
    auto *job = new ChatwootRequestJob(m_endpoint, ChatwootRequestJob::Method::Get, m_endpoint.url(QStringLiteral("/api/v1/profile")),
                                       QJsonValue(QJsonValue::Undefined), this);
    m_jobs.removeIf([](const QPointer<QObject> &pending) { return pending.isNull(); });
    m_jobs.append(job);
    connect(job, &ChatwootRequestJob::finished, this, [this](ChatwootRequestJob *job) {
        job->deleteLater();
        m_profilePending = false;
        const ChatwootProfile profile = job->error() == Error::None
            ? ChatwootParser::profile(job->json().toObject())
            : ChatwootProfile();
        Error error = job->error();
        if (error == Error::None && profile.isValid() && !profile.pubsubToken.isEmpty())
            m_state.profile = profile;
        else if (error == Error::None)
            error = Error::BadResponse;
        const auto waiters = std::exchange(m_profileWaiters, {});
        for (const auto &waiter : waiters)
            waiter(error);
    });
    job->start();
}

void ChatwootConnector::startRealtime()
{
    m_cable = new ActionCableClient(m_cableUrl, m_state.profile.pubsubToken, m_endpoint.accountId, m_state.profile.id,
                                    m_realtimeOptions, nullptr);
    connect(m_cable, &ActionCableClient::subscribed, this, [this] {
        emit realtimeStateChanged(true);
        // Whatever happened while the socket was down arrives through a delta.
        if (m_state.lastSyncServerTime.isValid())
            startDelta();
    });
    connect(m_cable, &ActionCableClient::disconnected, this, [this] { emit realtimeStateChanged(false); });
    connect(m_cable, &ActionCableClient::eventReceived, this, &ChatwootConnector::onRealtimeEvent);
    m_cable->start();
}

void ChatwootConnector::emitRealtimePage(const Storage::IngestBatch &page)
{
    for (const Domain::Message &message : page.messages)
        m_state.noteMessage(message.conversationId, message.remoteId);
    if (!page.isEmpty())
        emit pageReceived(page);
}

void ChatwootConnector::onRealtimeEvent(const QString &event, const QJsonObject &data)
{
    Storage::IngestBatch page;
    if (event == QLatin1String("message.created") || event == QLatin1String("message.updated")) {
        const Domain::Message message = ChatwootParser::message(data);
        if (message.remoteId <= 0)
            return;
        if (!message.echoId.isEmpty())
            m_state.echoes.insert(message.echoId, message.remoteId);
        page.messages.append(message);
    } else if (event.startsWith(QLatin1String("conversation.typing_"))) {
        const ChatwootTyping typing = ChatwootParser::typing(data, event.endsWith(QLatin1String("_on")));
        if (typing.userRemoteId != m_state.profile.id)
            emit typingChanged(typing.conversationRemoteId, typing.userName, typing.typing);
        return;
    } else if (event.startsWith(QLatin1String("conversation.")) || event == QLatin1String("assignee.changed")
               || event == QLatin1String("team.changed")) {
        if (!data.contains(QLatin1String("id")))
            return; // e.g. unread_count_changed carries no conversation
        ChatwootParser::addConversation(data, page);
    } else if (event == QLatin1String("contact.created") || event == QLatin1String("contact.updated")) {
        page.contacts.append(ChatwootParser::contact(data));
    } else {
        return;
    }
    emitRealtimePage(page);
}

void ChatwootConnector::send(const Sync::OutboxOperation &operation)
{
    whenProfileKnown([this, operation](Error error) {
        if (error != Error::None) {
            Sync::SendOutcome outcome;
            outcome.result = error == Error::Unauthorized ? Sync::SendOutcome::Result::SignInAgain
                                                          : Sync::SendOutcome::Result::Retry;
            outcome.message = ChatwootRequestJob::errorMessage(error);
            QMetaObject::invokeMethod(this, [this, id = operation.id, outcome] { emit operationFinished(id, outcome); },
                                      Qt::QueuedConnection);
            return;
        }
        startSend(operation);
    });
}

void ChatwootConnector::startSend(const Sync::OutboxOperation &operation)
{
    auto *job = new ChatwootSendJob(m_endpoint, &m_state, operation, this);
    m_jobs.removeIf([](const QPointer<QObject> &pending) { return pending.isNull(); });
    m_jobs.append(job);
    connect(job, &ChatwootSendJob::pageReceived, this, &Connector::pageReceived);
    connect(job, &ChatwootSendJob::conversationRemoved, this, &Connector::conversationRemoved);
    connect(job, &ChatwootSendJob::finished, this, [this](ChatwootSendJob *job) {
        job->deleteLater();
        emit operationFinished(job->operationId(), job->outcome());
    });
    // Always answer asynchronously, even when the outcome is known at once (an echo seen before).
    QMetaObject::invokeMethod(job, &ChatwootSendJob::start, Qt::QueuedConnection);
}

void ChatwootConnector::cancel()
{
    m_deltaPending = false;
    if (m_sync)
        m_sync->abort();
    const QList<QPointer<QObject>> jobs = m_jobs;
    m_jobs.clear();
    for (const QPointer<QObject> &job : jobs) {
        if (auto *request = qobject_cast<ChatwootRequestJob *>(job.data()))
            request->abort();
        else if (auto *sendJob = qobject_cast<ChatwootSendJob *>(job.data()))
            sendJob->abort();
    }
}

} // namespace Counterpart::Connectors::Chatwoot
