#include "connectors/demo/DemoConnector.h"
#include "storage/CacheStore.h"
#include "storage/WorkspaceStore.h"
#include "support/TempDataDir.h"
#include "sync/OutboxStore.h"
#include "sync/SyncEngine.h"

#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Counterpart;
using Connectors::Demo::DemoConnector;
using Connectors::Demo::DemoOptions;
using Sync::OutboxOperation;
using Sync::SendOutcome;
using Sync::SyncEngine;

namespace {

constexpr int kConversations = 30;

DemoOptions demoOptions()
{
    DemoOptions options;
    options.conversations = kConversations;
    options.batchConversations = 10;
    options.seed = 7;
    options.now = QDateTime(QDate(2025, 3, 14), QTime(10, 0), Qt::UTC);
    return options;
}

OutboxOperation reply(const QString &uid, qint64 conversation, const QString &text)
{
    OutboxOperation op;
    op.sourceUid = uid;
    op.conversationRemoteId = conversation;
    op.kind = OutboxOperation::Kind::Reply;
    op.payload.insert(QStringLiteral("content"), text);
    return op;
}

qint64 scalar(const QSqlDatabase &db, const QString &sql, const QVariantList &values = {})
{
    QSqlQuery query(db);
    query.prepare(sql);
    for (const auto &value : values)
        query.addBindValue(value);
    return query.exec() && query.next() ? query.value(0).toLongLong() : -1;
}

} // namespace

/** The engine against the demo connector: a server whose state the test can see and upset. */
class TestSyncEngine : public QObject
{
    Q_OBJECT

private:
    struct Rig
    {
        Testing::TempDataDir dir;
        Storage::CacheStore cache;
        Storage::WorkspaceStore workspace;
        std::unique_ptr<Sync::OutboxStore> outbox;
        std::unique_ptr<SyncEngine> engine;
        DemoConnector *demo = nullptr;

        bool open(bool realtime = true, const QString &uid = QString())
        {
            if (!cache.open(dir.cachePath()).ok || !workspace.open(dir.workspacePath()).ok)
                return false;
            outbox = std::make_unique<Sync::OutboxStore>(&workspace);
            engine = std::make_unique<SyncEngine>(&cache, outbox.get(), Sync::systemClock(),
                                                  Sync::Backoff({20, 100}, [] { return 0.0; }));
            SyncEngine::Options options;
            options.realtime = realtime;
            options.onceMaxWaitMs = 2000;
            engine->setOptions(options);
            demo = new DemoConnector(demoOptions(), uid);
            demo->setSendDelayMs(10);
            return engine->addConnector(demo);
        }
        bool syncFirst()
        {
            QSignalSpy synced(engine.get(), &SyncEngine::accountSynced);
            engine->start();
            return synced.wait(10000);
        }
        bool waitForEmptyOutbox(int ms = 5000)
        {
            return QTest::qWaitFor([this] { return outbox->pending().isEmpty(); }, ms);
        }
    };

private slots:
    void backfillMakesTheCacheEqualTheServer()
    {
        Rig rig;
        QVERIFY(rig.open(false));
        QSignalSpy progress(rig.engine.get(), &SyncEngine::progress);
        QVERIFY(rig.syncFirst());
        QCOMPARE(rig.engine->state(QStringLiteral("demo")), SyncEngine::AccountState::Online);
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(2).toInt(), kConversations);
        QCOMPARE(progress.last().at(3).toInt(), kConversations);

        const auto server = rig.demo->serverConversations();
        QCOMPARE(rig.cache.conversationCount(), qint64(server.size()));
        QCOMPARE(rig.cache.messageCount(), qint64(rig.demo->serverMessageCount()));
        const QSqlDatabase db = rig.cache.connection();
        for (const auto &conversation : server) {
            QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM conversations WHERE remote_id=? AND status=?"),
                            {conversation.remoteId, Domain::statusKey(conversation.status)}),
                     qint64(1));
            QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM conversation_labels l JOIN conversations c"
                                               " ON c.id=l.conversation_id WHERE c.remote_id=?"),
                            {conversation.remoteId}),
                     qint64(conversation.labels.size()));
        }
    }

    void outboxIsFifoPerConversationAndParallelAcross()
    {
        Rig rig;
        QVERIFY(rig.open(true));
        QVERIFY(rig.syncFirst());
        rig.demo->setSendDelayMs(40);
        QSignalSpy finished(rig.engine.get(), &SyncEngine::operationFinished);
        const qint64 a1 = rig.engine->enqueue(reply(QStringLiteral("demo"), 1, QStringLiteral("first")));
        const qint64 a2 = rig.engine->enqueue(reply(QStringLiteral("demo"), 1, QStringLiteral("second")));
        const qint64 a3 = rig.engine->enqueue(reply(QStringLiteral("demo"), 1, QStringLiteral("third")));
        const qint64 b1 = rig.engine->enqueue(reply(QStringLiteral("demo"), 2, QStringLiteral("other")));
        QVERIFY(rig.waitForEmptyOutbox());
        QList<qint64> order;
        for (const auto &call : finished)
            order.append(call.at(0).toLongLong());
        QCOMPARE(order.size(), 4);
        QVERIFY(order.indexOf(a1) < order.indexOf(a2));
        QVERIFY(order.indexOf(a2) < order.indexOf(a3));
        // b1 went out beside a1, not after a3.
        QVERIFY2(order.indexOf(b1) < order.indexOf(a2), "conversations are sent in parallel");
        // The realtime echo put the replies into the cache in order, once each.
        const QSqlDatabase db = rig.cache.connection();
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("SELECT m.text FROM messages m JOIN conversations c ON"
                                          " c.id=m.conversation_id WHERE c.remote_id=1 AND m.echo_id!=''"
                                          " ORDER BY m.remote_id")));
        QStringList texts;
        while (query.next())
            texts.append(query.value(0).toString());
        QCOMPARE(texts, (QStringList{QStringLiteral("first"), QStringLiteral("second"), QStringLiteral("third")}));
    }

    void unauthorizedPausesWithoutLosingQueuedWork()
    {
        Rig rig;
        QVERIFY(rig.open(false));
        QVERIFY(rig.syncFirst());
        QSignalSpy signIn(rig.engine.get(), &SyncEngine::signInRequired);
        rig.demo->setUnauthorized(true);
        const qint64 first = rig.engine->enqueue(reply(QStringLiteral("demo"), 3, QStringLiteral("after revoke")));
        const qint64 second = rig.engine->enqueue(reply(QStringLiteral("demo"), 3, QStringLiteral("and another")));
        QVERIFY(signIn.wait(3000));
        QCOMPARE(rig.engine->state(QStringLiteral("demo")), SyncEngine::AccountState::SignInRequired);
        QTest::qWait(100);
        QCOMPARE(rig.demo->sendRequests(), 1); // paused: the second one waits
        const auto pending = rig.outbox->pending();
        QCOMPARE(pending.size(), 2);
        QCOMPARE(pending.at(0).state, OutboxOperation::State::Queued);
        QCOMPARE(pending.at(1).state, OutboxOperation::State::Queued);

        rig.demo->setUnauthorized(false);
        rig.engine->resumeAccount(QStringLiteral("demo"));
        QVERIFY(rig.waitForEmptyOutbox());
        QCOMPARE(rig.demo->messagesWithEcho(rig.outbox->operation(first)->echoId), 1);
        QCOMPARE(rig.demo->messagesWithEcho(rig.outbox->operation(second)->echoId), 1);
    }

    void notFoundRemovesTheConversationLocally()
    {
        Rig rig;
        QVERIFY(rig.open(false));
        QVERIFY(rig.syncFirst());
        const QSqlDatabase db = rig.cache.connection();
        const QString count = QStringLiteral("SELECT count(*) FROM conversations WHERE remote_id=?");
        QCOMPARE(scalar(db, count, {5}), qint64(1));
        QSignalSpy removed(rig.engine.get(), &SyncEngine::conversationRemoved);

        // Found out by sending to it ...
        rig.demo->simulateRemoval(5);
        const qint64 id = rig.engine->enqueue(reply(QStringLiteral("demo"), 5, QStringLiteral("hello?")));
        QVERIFY(removed.wait(3000));
        QCOMPARE(scalar(db, count, {5}), qint64(0));
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM messages_fts WHERE rowid NOT IN (SELECT id FROM messages)")),
                 qint64(0));
        QCOMPARE(rig.outbox->operation(id)->state, OutboxOperation::State::Failed);

        // ... or by a delta.
        rig.demo->simulateRemoval(6);
        rig.engine->syncNow(QStringLiteral("demo"));
        QVERIFY(removed.wait(3000));
        QCOMPARE(scalar(db, count, {6}), qint64(0));
        QCOMPARE(rig.cache.conversationCount(), qint64(kConversations - 2));
    }

    void offlineWorkIsQueuedAndDrainsAfterTheDelta()
    {
        Rig rig;
        QVERIFY(rig.open(false));
        QVERIFY(rig.syncFirst());
        rig.demo->setOffline(true);
        rig.engine->syncNow(QStringLiteral("demo"));
        QVERIFY(QTest::qWaitFor([&] {
            return rig.engine->state(QStringLiteral("demo")) == SyncEngine::AccountState::WaitingToRetry;
        }, 3000));
        const qint64 id = rig.engine->enqueue(reply(QStringLiteral("demo"), 4, QStringLiteral("written offline")));
        QTest::qWait(150); // several retry rounds of the sync
        QCOMPARE(rig.demo->sendRequests(), 0);
        QCOMPARE(rig.outbox->operation(id)->state, OutboxOperation::State::Queued);
        const qint64 incoming = rig.demo->simulateIncoming(4, QStringLiteral("customer wrote meanwhile"));

        rig.demo->setOffline(false);
        QVERIFY(rig.waitForEmptyOutbox());
        QCOMPARE(rig.engine->state(QStringLiteral("demo")), SyncEngine::AccountState::Online);
        // The delta came first: the customer's message was in the cache before the reply went.
        QVERIFY(rig.outbox->operation(id)->afterRemoteMessageId >= incoming);
        QCOMPARE(rig.demo->messagesWithEcho(rig.outbox->operation(id)->echoId), 1);
    }

    void unknownOutcomeIsCheckedNotSentTwice()
    {
        Rig rig;
        QVERIFY(rig.open(false));
        QVERIFY(rig.syncFirst());
        rig.demo->scriptSendResults({SendOutcome::Result::Unknown});
        const qint64 id = rig.engine->enqueue(reply(QStringLiteral("demo"), 7, QStringLiteral("only once")));
        QVERIFY(rig.waitForEmptyOutbox());
        QCOMPARE(rig.demo->sendRequests(), 2);
        QCOMPARE(rig.demo->messagesWithEcho(rig.outbox->operation(id)->echoId), 1);
        QVERIFY(rig.outbox->operation(id)->serverMessageId > 0);
    }

    void rejectedIsShownFailedAndCanBeRetried()
    {
        Rig rig;
        QVERIFY(rig.open(false));
        QVERIFY(rig.syncFirst());
        rig.demo->scriptSendResults({SendOutcome::Result::Rejected});
        const qint64 id = rig.engine->enqueue(reply(QStringLiteral("demo"), 8, QStringLiteral("retry me")));
        QVERIFY(QTest::qWaitFor([&] {
            return rig.outbox->operation(id)->state == OutboxOperation::State::Failed;
        }, 3000));
        QVERIFY(!rig.outbox->operation(id)->lastError.isEmpty());
        QVERIFY(rig.engine->retryOperation(id));
        QVERIFY(rig.waitForEmptyOutbox());
        QCOMPARE(rig.demo->messagesWithEcho(rig.outbox->operation(id)->echoId), 1);
    }

    void attachmentsTravelWithTheReply()
    {
        Rig rig;
        QVERIFY(rig.open(true));
        QVERIFY(rig.syncFirst());
        QTemporaryDir files;
        QVERIFY(files.isValid());
        QFile file(files.filePath(QStringLiteral("发票.pdf")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write("%PDF-1.4 demo"), qint64(13));
        file.close();

        OutboxOperation op = reply(QStringLiteral("demo"), 9, QStringLiteral("invoice attached"));
        op.payload.insert(QStringLiteral("attachments"), QJsonArray{file.fileName()});
        const qint64 id = rig.engine->enqueue(op);
        QVERIFY(rig.waitForEmptyOutbox());
        QSqlQuery query(rig.cache.connection());
        query.prepare(QStringLiteral("SELECT attachments FROM messages WHERE remote_id=?"));
        query.addBindValue(rig.outbox->operation(id)->serverMessageId);
        QVERIFY(query.exec() && query.next());
        const QList<Domain::Attachment> attachments = Domain::attachmentsFromJson(query.value(0).toString().toUtf8());
        QCOMPARE(attachments.size(), 1);
        QCOMPARE(attachments.at(0).fileName, QStringLiteral("发票.pdf"));
        QCOMPARE(attachments.at(0).size, qint64(13));
        QCOMPARE(attachments.at(0).contentType, QStringLiteral("application/pdf"));

        // A file deleted before sending fails the reply for good, by name, instead of dropping it.
        QVERIFY(QFile::remove(file.fileName()));
        const qint64 again = rig.engine->enqueue(op);
        QVERIFY(QTest::qWaitFor([&] {
            return rig.outbox->operation(again)->state == OutboxOperation::State::Failed;
        }, 3000));
        QVERIFY2(rig.outbox->operation(again)->lastError.contains(QStringLiteral("发票.pdf")),
                 qPrintable(rig.outbox->operation(again)->lastError));
    }

    void severalAccountsShareOneInbox()
    {
        Testing::TempDataDir dir;
        Storage::CacheStore cache;
        Storage::WorkspaceStore workspace;
        QVERIFY(cache.open(dir.cachePath()).ok);
        QVERIFY(workspace.open(dir.workspacePath()).ok);
        Sync::OutboxStore outbox(&workspace);
        SyncEngine engine(&cache, &outbox);
        QVERIFY(engine.addConnector(new DemoConnector(demoOptions(), QStringLiteral("demo-a"))));
        QVERIFY(engine.addConnector(new DemoConnector(demoOptions(), QStringLiteral("demo-b"))));
        QVERIFY(!engine.addConnector(new DemoConnector(demoOptions(), QStringLiteral("demo-b"))));
        QSignalSpy finished(&engine, &SyncEngine::finished);
        engine.syncOnce();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().at(0).toBool(), true);
        QCOMPARE(cache.sources().size(), 2);
        QCOMPARE(cache.conversationCount(), qint64(2 * kConversations));
    }

    void syncOnceReportsWhatCouldNotFinish()
    {
        Rig rig;
        QVERIFY(rig.open(false, QStringLiteral("demo-offline")));
        rig.demo->setOffline(true);
        QSignalSpy finished(rig.engine.get(), &SyncEngine::finished);
        rig.engine->syncOnce();
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.first().at(0).toBool(), false);
        const QString message = finished.first().at(1).toString();
        QVERIFY2(message.contains(QStringLiteral("demo-offline")) && message.contains(QStringLiteral("offline")),
                 qPrintable(message));
    }

    void aPausedAccountIsNotSyncedAndSyncOnceSaysWhy()
    {
        Rig rig;
        QVERIFY(rig.open(false, QStringLiteral("demo-no-token")));
        QSignalSpy signIn(rig.engine.get(), &SyncEngine::signInRequired);
        rig.engine->requireSignIn(QStringLiteral("demo-no-token"), QStringLiteral("No token in the keychain."));
        QCOMPARE(signIn.size(), 1);
        QCOMPARE(rig.engine->state(QStringLiteral("demo-no-token")), SyncEngine::AccountState::SignInRequired);
        rig.engine->start();
        rig.engine->syncNow(QStringLiteral("demo-no-token"));
        QSignalSpy finished(rig.engine.get(), &SyncEngine::finished);
        rig.engine->syncOnce(); // would wait forever for an account that never starts
        QVERIFY(finished.size() == 1 || finished.wait(5000));
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY2(finished.first().at(1).toString().contains(QStringLiteral("sign in again")),
                 qPrintable(finished.first().at(1).toString()));
        QCOMPARE(rig.cache.conversationCount(), qint64(0)); // nothing was fetched
    }

    void cancelStopsABackfillAndKeepsTheOutbox()
    {
        Rig rig;
        QVERIFY(rig.open(false));
        rig.outbox->enqueue(reply(QStringLiteral("demo"), 1, QStringLiteral("kept")));
        QSignalSpy progress(rig.engine.get(), &SyncEngine::progress);
        rig.engine->start();
        QVERIFY(progress.wait(3000));
        rig.engine->cancel();
        QCOMPARE(rig.engine->state(QStringLiteral("demo")), SyncEngine::AccountState::Failed);
        QTest::qWait(50);
        QVERIFY(rig.cache.conversationCount() < kConversations);
        QCOMPARE(rig.demo->sendRequests(), 0);
        QCOMPARE(rig.outbox->pending().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "TestSyncEngine.moc"
