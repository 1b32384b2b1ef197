#include "ChatwootSyncJob.h"

#include "ChatwootParser.h"
#include "ChatwootRequestJob.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <cmath>

namespace Counterpart::Connectors::Chatwoot {

namespace {
constexpr int kConversationsPerPage = 25;
constexpr int kContactsPerPage = 15;
constexpr int kAfterPageSize = 100;
constexpr int kMaxPages = 10000; // a bound for every paging loop, far above any real account
} // namespace

ChatwootSyncJob::ChatwootSyncJob(const ChatwootEndpoint &endpoint, ChatwootSyncState *state, Mode mode,
                                 std::function<QDateTime()> clock, QObject *parent)
    : QObject(parent)
    , m_endpoint(endpoint)
    , m_state(state)
    , m_mode(mode)
    , m_clock(std::move(clock))
{
}

void ChatwootSyncJob::start()
{
    if (m_mode == Mode::Delta) {
        m_steps.append([this] { fetchDelta(); });
        next();
        return;
    }
    m_steps.append([this] {
        get(m_endpoint.url(QStringLiteral("/api/v1/profile")), [this](ChatwootRequestJob *job) {
            m_state->profile = ChatwootParser::profile(job->json().toObject());
            m_startServerTime = job->serverDate().isValid() ? job->serverDate() : m_clock();
            return m_state->profile.isValid();
        });
    });
    const auto referenceList = [this](const QString &path, const QString &what,
                                      const std::function<void(const QJsonArray &)> &use) {
        m_steps.append([this, path, what, use] {
            emit progress(what, 0, 0);
            get(m_endpoint.accountUrl(path), [use](ChatwootRequestJob *job) {
                QJsonArray items;
                if (!ChatwootParser::objectArray(job->json(), items))
                    return false;
                use(items);
                return true;
            });
        });
    };
    referenceList(QStringLiteral("/inboxes"), QStringLiteral("inboxes"), [this](const QJsonArray &items) {
        Storage::IngestBatch page;
        for (const QJsonValue &item : items)
            page.inboxes.append(ChatwootParser::inbox(item.toObject()));
        emitPage(page);
    });
    referenceList(QStringLiteral("/agents"), QStringLiteral("agents"), [this](const QJsonArray &items) {
        Storage::IngestBatch page;
        for (const QJsonValue &item : items)
            page.agents.append(ChatwootParser::agent(item.toObject()));
        emitPage(page);
    });
    referenceList(QStringLiteral("/teams"), QStringLiteral("teams"), [this](const QJsonArray &items) {
        Storage::IngestBatch page;
        for (const QJsonValue &item : items)
            page.teams.append(ChatwootParser::team(item.toObject()));
        emitPage(page);
    });
    referenceList(QStringLiteral("/labels"), QStringLiteral("labels"), [this](const QJsonArray &items) {
        Storage::IngestBatch page;
        for (const QJsonValue &item : items)
            page.labels.append(ChatwootParser::label(item.toObject()));
        emitPage(page);
    });
    referenceList(QStringLiteral("/canned_responses"), QStringLiteral("canned responses"), [this](const QJsonArray &items) {
        QList<ChatwootCannedResponse> responses;
        for (const QJsonValue &item : items)
            responses.append(ChatwootParser::cannedResponse(item.toObject()));
        emit cannedResponsesReceived(responses);
    });
    m_steps.append([this] { fetchContactsPage(1); });
    m_steps.append([this] { fetchConversationPage(1); });
    m_steps.append([this] {
        // Close the drift of paging while the list changed under us (API-NOTES §7.3).
        m_mode = Mode::Delta;
        m_state->lastSyncServerTime = m_startServerTime;
        fetchDelta();
    });
    next();
}

void ChatwootSyncJob::fetchContactsPage(int page)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("page"), QString::number(page));
    query.addQueryItem(QStringLiteral("sort"), QStringLiteral("-last_activity_at"));
    get(m_endpoint.accountUrl(QStringLiteral("/contacts"), query), [this, page](ChatwootRequestJob *job) {
        Storage::IngestBatch batch;
        int total = 0;
        if (!ChatwootParser::contactList(job->json(), batch.contacts, &total))
            return false;
        emitPage(batch);
        emit progress(QStringLiteral("contacts"), qMin(total, page * kContactsPerPage), total);
        if (batch.contacts.size() >= kContactsPerPage && page < kMaxPages)
            m_steps.prepend([this, page] { fetchContactsPage(page + 1); });
        return true;
    });
}

void ChatwootSyncJob::fetchConversationPage(int page)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("status"), QStringLiteral("all"));
    query.addQueryItem(QStringLiteral("page"), QString::number(page));
    get(m_endpoint.accountUrl(QStringLiteral("/conversations"), query), [this, page](ChatwootRequestJob *job) {
        Storage::IngestBatch batch;
        int count = 0;
        if (!ChatwootParser::conversationList(job->json(), batch, &count))
            return false;
        const int all = job->json().toObject().value(QLatin1String("data")).toObject().value(QLatin1String("meta"))
                            .toObject().value(QLatin1String("all_count")).toInt();
        for (const Domain::Conversation &conversation : std::as_const(batch.conversations))
            m_conversationOrder.append(conversation.remoteId);
        emitPage(batch);
        emit progress(QStringLiteral("conversations"), int(m_conversationOrder.size()), qMax(all, int(m_conversationOrder.size())));
        if (count >= kConversationsPerPage && page < kMaxPages)
            m_steps.prepend([this, page] { fetchConversationPage(page + 1); });
        else
            queueMessages(m_conversationOrder.mid(0, m_state->recentConversationsWithMessages), false);
        return true;
    });
}

void ChatwootSyncJob::fetchDelta()
{
    QDateTime since = m_state->lastSyncServerTime;
    const QDateTime serverNow = m_clock().addMSecs(m_state->serverSkewMs);
    if (!since.isValid())
        since = serverNow.addSecs(-3 * 3600);
    const qint64 within = qMax<qint64>(1, qint64(std::ceil(double(since.msecsTo(serverNow)) / 1000.0))) + 15;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("status"), QStringLiteral("all"));
    query.addQueryItem(QStringLiteral("updated_within"), QString::number(within));
    get(m_endpoint.accountUrl(QStringLiteral("/conversations"), query), [this](ChatwootRequestJob *job) {
        Storage::IngestBatch batch;
        if (!ChatwootParser::conversationList(job->json(), batch, nullptr))
            return false;
        if (!m_startServerTime.isValid())
            m_startServerTime = job->serverDate().isValid() ? job->serverDate() : m_clock();
        QList<qint64> changed;
        for (const Domain::Conversation &conversation : std::as_const(batch.conversations))
            changed.append(conversation.remoteId);
        emitPage(batch);
        emit progress(QStringLiteral("changes"), int(changed.size()), int(changed.size()));
        queueMessages(changed, true);
        m_steps.append([this] {
            m_state->lastSyncServerTime = m_startServerTime;
            next();
        });
        return true;
    });
}

void ChatwootSyncJob::queueMessages(const QList<qint64> &conversationIds, bool incremental)
{
    for (const qint64 id : conversationIds) {
        const qint64 known = m_state->maxMessageId.value(id);
        if (incremental && known > 0) {
            m_steps.append([this, id, known] { fetchMessagesAfter(id, known); });
        }
        // The latest page also catches status edits that do not bump updated_at (§7.5).
        m_steps.append([this, id] {
            get(m_endpoint.accountUrl(QStringLiteral("/conversations/") + QString::number(id) + QStringLiteral("/messages")),
                [this, id](ChatwootRequestJob *job) {
                    Storage::IngestBatch batch;
                    if (!ChatwootParser::messageList(job->json(), batch.messages))
                        return false;
                    for (Domain::Message &message : batch.messages)
                        message.conversationId = id;
                    emitPage(batch);
                    return true;
                });
        });
    }
}

void ChatwootSyncJob::fetchMessagesAfter(qint64 conversationId, qint64 after)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("after"), QString::number(after));
    get(m_endpoint.accountUrl(QStringLiteral("/conversations/") + QString::number(conversationId) + QStringLiteral("/messages"), query),
        [this, conversationId](ChatwootRequestJob *job) {
            Storage::IngestBatch batch;
            if (!ChatwootParser::messageList(job->json(), batch.messages))
                return false;
            qint64 newest = 0;
            for (Domain::Message &message : batch.messages) {
                message.conversationId = conversationId;
                newest = qMax(newest, message.remoteId);
            }
            emitPage(batch);
            if (batch.messages.size() >= kAfterPageSize && newest > 0)
                m_steps.prepend([this, conversationId, newest] { fetchMessagesAfter(conversationId, newest); });
            return true;
        });
}

void ChatwootSyncJob::get(const QUrl &url, const std::function<bool(ChatwootRequestJob *)> &onSuccess)
{
    auto *job = new ChatwootRequestJob(m_endpoint, ChatwootRequestJob::Method::Get, url, QJsonValue(QJsonValue::Undefined), this);
    m_current = job;
    connect(job, &ChatwootRequestJob::finished, this, [this, onSuccess, url](ChatwootRequestJob *job) {
        job->deleteLater();
        m_current = nullptr;
        noteServerTime(job);
        if (job->error() == Error::Cancelled)
            return;
        if (job->error() == Error::NotFound && url.path().contains(QLatin1String("/conversations/"))) {
            // The conversation is gone on the server; the rest of the sync goes on.
            const QStringList parts = url.path().split(QLatin1Char('/'));
            const int index = int(parts.indexOf(QStringLiteral("conversations")));
            emit conversationRemoved(parts.value(index + 1).toLongLong());
            next();
            return;
        }
        if (job->error() != Error::None) {
            fail(job->error(), job->errorString());
            return;
        }
        if (!onSuccess(job)) {
            fail(Error::BadResponse, ChatwootRequestJob::errorMessage(Error::BadResponse));
            return;
        }
        next();
    });
    job->start();
}

void ChatwootSyncJob::noteServerTime(ChatwootRequestJob *job)
{
    if (job->serverDate().isValid())
        m_state->serverSkewMs = m_clock().msecsTo(job->serverDate());
}

void ChatwootSyncJob::emitPage(const Storage::IngestBatch &page)
{
    for (const Domain::Message &message : page.messages)
        m_state->noteMessage(message.conversationId, message.remoteId);
    if (!page.isEmpty())
        emit pageReceived(page);
}

void ChatwootSyncJob::next()
{
    if (m_finished)
        return;
    if (m_steps.isEmpty()) {
        done();
        return;
    }
    const Step step = m_steps.takeFirst();
    step();
}

void ChatwootSyncJob::abort()
{
    m_steps.clear();
    if (m_current)
        m_current->abort();
    fail(Error::Cancelled, ChatwootRequestJob::errorMessage(Error::Cancelled));
}

void ChatwootSyncJob::fail(Error error, const QString &message)
{
    if (m_finished)
        return;
    m_finished = true;
    m_steps.clear();
    m_error = error;
    m_errorString = message;
    emit finished(this);
}

void ChatwootSyncJob::done()
{
    if (m_finished)
        return;
    m_finished = true;
    emit finished(this);
}

} // namespace Counterpart::Connectors::Chatwoot
