#include "connectors/chatwoot/ChatwootConnector.h"
#include "credentials/CredentialJob.h"
#include "credentials/MemoryCredentialStore.h"
#include "storage/CacheStore.h"
#include "storage/WorkspaceStore.h"
#include "support/FakeChatwootServer.h"
#include "support/TempDataDir.h"
#include "sync/AccountConnectors.h"
#include "sync/AccountStore.h"
#include "sync/OutboxStore.h"
#include "sync/SyncEngine.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

#include <memory>

using namespace Counterpart;
using Counterpart::Testing::FakeChatwootServer;
using Sync::SyncEngine;

namespace {

constexpr int kConversations = 40;

void seed(FakeChatwootServer &server)
{
    const qint64 web = server.addInbox(QStringLiteral("Website"), QStringLiteral("Channel::WebWidget"));
    const qint64 mail = server.addInbox(QStringLiteral("Mail"), QStringLiteral("Channel::Email"), {},
                                        QStringLiteral("help@example.com"));
    const qint64 dana = server.addAgent(QStringLiteral("Dana"), QStringLiteral("dana@example.com"));
    server.addLabel(QStringLiteral("billing"));
    server.addLabel(QStringLiteral("vip"));
    const double base = server.now() - 50000;
    const QStringList statuses{QStringLiteral("open"), QStringLiteral("pending"), QStringLiteral("resolved")};
    for (int i = 0; i < kConversations; ++i) {
        const qint64 contact = server.addContact(QStringLiteral("Customer %1").arg(i));
        QStringList labels;
        if (i % 3 == 0)
            labels.append(QStringLiteral("billing"));
        if (i % 4 == 0)
            labels.append(QStringLiteral("vip"));
        const qint64 conversation = server.addConversation(i % 2 ? web : mail, contact, statuses.at(i % 3),
                                                           i % 5 ? dana : 0, labels, base + i * 100);
        for (int m = 0; m < 1 + i % 6; ++m)
            server.addMessage(conversation, QStringLiteral("Message %1 of %2").arg(m).arg(i), m % 2, false, 0,
                              base + i * 100 + m);
    }
}

qint64 scalar(const QSqlDatabase &db, const QString &sql, const QVariantList &values = {})
{
    QSqlQuery query(db);
    query.prepare(sql);
    for (const auto &value : values)
        query.addBindValue(value);
    return query.exec() && query.next() ? query.value(0).toLongLong() : -1;
}

QString text(const QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    QSqlQuery query(db);
    query.prepare(sql);
    for (const auto &value : values)
        query.addBindValue(value);
    return query.exec() && query.next() ? query.value(0).toString() : QStringLiteral("<none>");
}

/** One profile's stores and a running engine, as the desktop program builds them. */
struct Rig
{
    Storage::CacheStore cache;
    Storage::WorkspaceStore workspace;
    std::unique_ptr<Sync::OutboxStore> outbox;
    std::unique_ptr<Sync::AccountStore> accounts;
    Credentials::MemoryCredentialStore keychain;
    QNetworkAccessManager network;
    std::unique_ptr<SyncEngine> engine;
    std::unique_ptr<Sync::AccountConnectors> connectors;

    bool open(const Testing::TempDataDir &dir)
    {
        if (!workspace.open(dir.workspacePath()).ok || !cache.open(dir.cachePath()).ok)
            return false;
        outbox = std::make_unique<Sync::OutboxStore>(&workspace);
        accounts = std::make_unique<Sync::AccountStore>(&workspace);
        return true;
    }
    void startEngine(bool realtime)
    {
        engine = std::make_unique<SyncEngine>(&cache, outbox.get());
        SyncEngine::Options options;
        options.realtime = realtime;
        engine->setOptions(options);
        connectors = std::make_unique<Sync::AccountConnectors>(&cache, engine.get(), accounts.get(), &keychain, &network);
    }
    void stopEngine()
    {
        connectors.reset();
        engine.reset();
    }
};

} // namespace

class TestSyncWithChatwoot : public QObject
{
    Q_OBJECT

private:
    Sync::Account accountFor(const FakeChatwootServer &server)
    {
        Sync::Account account;
        account.kind = QStringLiteral("chatwoot");
        account.baseUrl = server.baseUrl().toString(QUrl::StripTrailingSlash);
        account.remoteAccountId = server.accountId();
        account.displayName = QStringLiteral("Fake desk");
        return account;
    }

    /** Adds the account through AccountConnectors and waits for the first (full) sync. */
    bool connectAndBackfill(Rig &rig, FakeChatwootServer &server)
    {
        rig.startEngine(false);
        QSignalSpy synced(rig.engine.get(), &SyncEngine::accountSynced);
        rig.connectors->start();
        if (rig.connectors->connectAccount(accountFor(server), server.token()) == 0)
            return false;
        auto *chatwoot = qobject_cast<Connectors::Chatwoot::ChatwootConnector *>(
            rig.engine->connector(rig.engine->sourceUids().value(0)));
        if (chatwoot)
            chatwoot->setRecentConversationsWithMessages(kConversations);
        // connectAccount() started the sync already; the larger window applies from the next one.
        if (!synced.wait(20000))
            return false;
        rig.engine->syncOnce();
        QSignalSpy done(rig.engine.get(), &SyncEngine::finished);
        return done.wait(20000) && done.first().at(0).toBool();
    }

    // Every case starts from its own seeded fake Chatwoot on loopback and one fresh profile.
    std::unique_ptr<FakeChatwootServer> m_server;
    std::unique_ptr<Testing::TempDataDir> m_dir;
    std::unique_ptr<Rig> m_rig;

private slots:
    void init()
    {
        m_server = std::make_unique<FakeChatwootServer>();
        QVERIFY(m_server->listen());
        seed(*m_server);
        m_dir = std::make_unique<Testing::TempDataDir>();
        m_rig = std::make_unique<Rig>();
        QVERIFY(m_rig->open(*m_dir));
    }

    void cleanup()
    {
        m_rig.reset();
        m_dir.reset();
        m_server.reset();
    }

    void backfillMirrorsTheServer()
    {
        QVERIFY(connectAndBackfill(*m_rig, *m_server));

        const QSqlDatabase db = m_rig->cache.connection();
        QCOMPARE(m_rig->cache.conversationCount(), qint64(kConversations));
        QCOMPARE(m_rig->cache.messageCount(), qint64(m_server->messageCount()));
        const QList<qint64> ids = m_server->conversationIds();
        for (const qint64 id : ids) {
            const auto &expected = m_server->conversation(id);
            QCOMPARE(text(db, QStringLiteral("SELECT status FROM conversations WHERE remote_id=?"), {id}), expected.status);
            QStringList labels = expected.labels;
            labels.sort();
            QCOMPARE(text(db, QStringLiteral("SELECT coalesce(group_concat(label, ','), '') FROM (SELECT label FROM"
                                             " conversation_labels l JOIN conversations c ON c.id=l.conversation_id"
                                             " WHERE c.remote_id=? ORDER BY label)"),
                          {id}),
                     labels.join(QLatin1Char(',')));
            QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM messages m JOIN conversations c ON"
                                               " c.id=m.conversation_id WHERE c.remote_id=?"),
                            {id}),
                     qint64(m_server->messageCount(id)));
        }
        // "Mine" works: the signed-in agent of the account is known.
        QCOMPARE(m_rig->cache.meAgentIds().size(), 1);
    }

    void realtimeMessageReachesTheCache()
    {
        QVERIFY(connectAndBackfill(*m_rig, *m_server));
        m_rig->stopEngine();

        m_rig->startEngine(true);
        QSignalSpy synced(m_rig->engine.get(), &SyncEngine::accountSynced);
        m_rig->connectors->loadAccounts();
        m_rig->connectors->start();
        QTRY_VERIFY_WITH_TIMEOUT(!m_rig->engine->sourceUids().isEmpty(), 5000);
        // After a restart the first sync is a delta, which does not fetch the profile: the
        // connector must fetch it for the pubsub token before subscribing (it once subscribed
        // with an empty token and was rejected).
        QTRY_VERIFY_WITH_TIMEOUT(m_server->subscriberCount() >= 1, 15000);
        const qint64 before = m_rig->cache.messageCount();
        const qint64 conversation = m_server->conversationIds().first();
        const qint64 message = m_server->addMessage(conversation, QStringLiteral("Live from the team"), 0);
        m_server->emitMessageCreated(message);
        QTRY_COMPARE_WITH_TIMEOUT(m_rig->cache.messageCount(), before + 1, 10000);
        QCOMPARE(scalar(m_rig->cache.connection(), QStringLiteral("SELECT count(*) FROM messages WHERE text=?"),
                        {QStringLiteral("Live from the team")}),
                 qint64(1));
    }

    void unauthorizedPausesAndSignInResumesWithQueueIntact()
    {
        QVERIFY(connectAndBackfill(*m_rig, *m_server));
        const QString uid = m_rig->engine->sourceUids().first();

        m_server->setToken(QStringLiteral("rotated-token"));
        QSignalSpy signIn(m_rig->engine.get(), &SyncEngine::signInRequired);
        m_rig->engine->syncNow(uid);
        QVERIFY(signIn.wait(10000));
        QCOMPARE(m_rig->engine->state(uid), SyncEngine::AccountState::SignInRequired);

        Sync::OutboxOperation reply;
        reply.sourceUid = uid;
        reply.conversationRemoteId = m_server->conversationIds().first();
        reply.kind = Sync::OutboxOperation::Kind::Reply;
        reply.payload.insert(QStringLiteral("content"), QStringLiteral("Queued while signed out"));
        const int before = m_server->messageCount(reply.conversationRemoteId);
        QVERIFY(m_rig->engine->enqueue(reply) != 0);
        QTest::qWait(200);
        QCOMPARE(m_server->messageCount(reply.conversationRemoteId), before); // paused: nothing went out
        QCOMPARE(m_rig->outbox->pending(uid).size(), 1);

        m_rig->connectors->provideToken(uid, QStringLiteral("rotated-token"), true);
        QTRY_COMPARE_WITH_TIMEOUT(m_rig->outbox->pending(uid).size(), 0, 15000);
        QCOMPARE(m_server->messageCount(reply.conversationRemoteId), before + 1);
    }

    void accountWithoutATokenAsksToSignInAndSendsNothing()
    {
        // An account from an earlier run whose token the keychain no longer has.
        Sync::Account account = accountFor(*m_server);
        account.sourceUid = Sync::Account::makeSourceUid(account.kind, account.baseUrl, account.remoteAccountId);
        QVERIFY(m_rig->accounts->add(account) != 0);

        m_rig->startEngine(false);
        QSignalSpy tokenNeeded(m_rig->connectors.get(), &Sync::AccountConnectors::tokenNeeded);
        QSignalSpy signIn(m_rig->engine.get(), &SyncEngine::signInRequired);
        m_rig->connectors->loadAccounts();
        m_rig->connectors->start();
        QTRY_COMPARE_WITH_TIMEOUT(tokenNeeded.size(), 1, 5000);
        QCOMPARE(tokenNeeded.first().at(0).toString(), account.sourceUid);
        QCOMPARE(m_rig->engine->state(account.sourceUid), SyncEngine::AccountState::SignInRequired);
        QCOMPARE(signIn.size(), 1);

        // Whatever the agent does meanwhile is kept, and nothing reaches the server.
        Sync::OutboxOperation reply;
        reply.sourceUid = account.sourceUid;
        reply.conversationRemoteId = m_server->conversationIds().first();
        reply.kind = Sync::OutboxOperation::Kind::Reply;
        reply.payload.insert(QStringLiteral("content"), QStringLiteral("Written before signing in"));
        QVERIFY(m_rig->engine->enqueue(reply) != 0);
        m_rig->engine->syncNow(account.sourceUid);
        m_rig->engine->start();
        QTest::qWait(300);
        QCOMPARE(m_server->requestCount(), 0);
        QCOMPARE(m_rig->outbox->pending(account.sourceUid).size(), 1);

        // Signing in starts the sync with the token on every request, and the reply goes out.
        const int before = m_server->messageCount(reply.conversationRemoteId);
        m_rig->connectors->provideToken(account.sourceUid, m_server->token(), true);
        QTRY_COMPARE_WITH_TIMEOUT(m_rig->outbox->pending(account.sourceUid).size(), 0, 15000);
        QCOMPARE(m_server->messageCount(reply.conversationRemoteId), before + 1);
        QVERIFY(m_server->requestCount() > 0);
        for (const Testing::FakeHttpRequest &request : m_server->requests())
            QCOMPARE(request.headers.value("api_access_token"), m_server->token().toUtf8());
    }

    void notFoundRemovesTheConversation()
    {
        QVERIFY(connectAndBackfill(*m_rig, *m_server));
        const QString uid = m_rig->engine->sourceUids().first();
        const qint64 gone = m_server->conversationIds().last();
        m_server->removeConversation(gone);

        QSignalSpy removed(m_rig->engine.get(), &SyncEngine::conversationRemoved);
        Sync::OutboxOperation status;
        status.sourceUid = uid;
        status.conversationRemoteId = gone;
        status.kind = Sync::OutboxOperation::Kind::Status;
        status.payload.insert(QStringLiteral("status"), QStringLiteral("resolved"));
        QVERIFY(m_rig->engine->enqueue(status) != 0);
        QVERIFY(removed.wait(10000));
        QCOMPARE(removed.first().at(1).toLongLong(), gone);
        QCOMPARE(scalar(m_rig->cache.connection(), QStringLiteral("SELECT count(*) FROM conversations WHERE remote_id=?"), {gone}),
                 qint64(0));
    }

    void restartResumesWithADelta()
    {
        QVERIFY(connectAndBackfill(*m_rig, *m_server));
        {
            // The token of a keychain account outlives the process; the rig's memory store does not.
            std::unique_ptr<Credentials::CredentialJob> job(
                m_rig->keychain.readSecret(m_rig->accounts->accounts().first().credentialKey()));
            job->exec();
            QCOMPARE(job->secret(), m_server->token());
        }
        m_rig.reset(); // the first run ends; the second opens the same data folder
        m_server->advanceClock(30);
        const qint64 changed = m_server->conversationIds().first();
        m_server->setStatus(changed, QStringLiteral("resolved"));
        m_server->clearRequests();

        Rig second;
        QVERIFY(second.open(*m_dir));
        {
            std::unique_ptr<Credentials::CredentialJob> write(
                second.keychain.writeSecret(second.accounts->accounts().first().credentialKey(), m_server->token()));
            write->exec();
        }
        second.startEngine(false);
        QSignalSpy synced(second.engine.get(), &SyncEngine::accountSynced);
        second.connectors->loadAccounts();
        second.connectors->start();
        QVERIFY(synced.wait(15000));

        bool sawDelta = false;
        for (const auto &request : m_server->requests()) {
            if (request.method != QLatin1String("GET") || !request.path.endsWith(QLatin1String("/conversations")))
                continue;
            QVERIFY2(request.query.hasQueryItem(QStringLiteral("updated_within")),
                     qPrintable(QStringLiteral("a backfill request after restart: ") + request.query.toString()));
            sawDelta = true;
        }
        QVERIFY(sawDelta);
        QCOMPARE(text(second.cache.connection(), QStringLiteral("SELECT status FROM conversations WHERE remote_id=?"), {changed}),
                 QStringLiteral("resolved"));
    }
};

QTEST_GUILESS_MAIN(TestSyncWithChatwoot)
#include "TestSyncWithChatwoot.moc"
