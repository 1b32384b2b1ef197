#include "storage/WorkspaceStore.h"
#include "support/TempDataDir.h"
#include "sync/OutboxStore.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Counterpart;
using Sync::OutboxOperation;
using Sync::OutboxStore;

namespace {

OutboxOperation reply(qint64 conversation, const QString &text, const QString &source = QStringLiteral("demo"))
{
    OutboxOperation op;
    op.sourceUid = source;
    op.conversationRemoteId = conversation;
    op.kind = OutboxOperation::Kind::Reply;
    op.payload.insert(QStringLiteral("content"), text);
    return op;
}

QList<qint64> ids(const QList<OutboxOperation> &ops)
{
    QList<qint64> result;
    for (const auto &op : ops)
        result.append(op.id);
    return result;
}

} // namespace

class TestOutboxStore : public QObject
{
    Q_OBJECT

private:
    qint64 m_now = 1'000'000;
    Sync::SyncClock clock()
    {
        return [this] { return m_now; };
    }

private slots:
    void init() { m_now = 1'000'000; }

    void enqueueGivesRepliesAFreshEchoId()
    {
        Testing::TempDataDir dir;
        Storage::WorkspaceStore workspace;
        QVERIFY(workspace.open(dir.workspacePath()).ok);
        OutboxStore store(&workspace, clock());
        QSignalSpy changed(&store, &OutboxStore::operationChanged);
        const qint64 a = store.enqueue(reply(1, QStringLiteral("one")));
        const qint64 b = store.enqueue(reply(1, QStringLiteral("two")));
        OutboxOperation labels;
        labels.sourceUid = QStringLiteral("demo");
        labels.conversationRemoteId = 1;
        labels.kind = OutboxOperation::Kind::Labels;
        labels.payload.insert(QStringLiteral("labels"), QJsonArray{QStringLiteral("vip")});
        const qint64 c = store.enqueue(labels);
        QVERIFY(a > 0 && b > a && c > b);
        QCOMPARE(changed.size(), 3);
        const auto first = store.operation(a);
        const auto second = store.operation(b);
        QVERIFY(first && second);
        QCOMPARE(first->echoId.size(), 36);
        QVERIFY(first->echoId != second->echoId);
        QVERIFY(store.operation(c)->echoId.isEmpty());
        QCOMPARE(store.operation(c)->payload.value(QStringLiteral("labels")).toArray().size(), 1);
        QCOMPARE(first->state, OutboxOperation::State::Queued);
    }

    void onlyTheHeadOfEachConversationIsReady()
    {
        Testing::TempDataDir dir;
        Storage::WorkspaceStore workspace;
        QVERIFY(workspace.open(dir.workspacePath()).ok);
        OutboxStore store(&workspace, clock());
        const qint64 a1 = store.enqueue(reply(1, QStringLiteral("a1")));
        const qint64 b1 = store.enqueue(reply(2, QStringLiteral("b1")));
        const qint64 a2 = store.enqueue(reply(1, QStringLiteral("a2")));
        const qint64 other = store.enqueue(reply(1, QStringLiteral("other"), QStringLiteral("chatwoot:x#1")));
        // Conversations in parallel, each in FIFO order; another account is separate.
        QCOMPARE(ids(store.readyOperations(QStringLiteral("demo"))), (QList<qint64>{a1, b1}));
        QCOMPARE(ids(store.readyOperations(QStringLiteral("chatwoot:x#1"))), (QList<qint64>{other}));

        QVERIFY(store.markSending(a1, 77));
        QCOMPARE(ids(store.readyOperations(QStringLiteral("demo"))), (QList<qint64>{b1}));
        QVERIFY(store.markSent(a1, 900));
        QCOMPARE(ids(store.readyOperations(QStringLiteral("demo"))), (QList<qint64>{b1, a2}));
        QCOMPARE(store.operation(a1)->serverMessageId, qint64(900));
        QCOMPARE(store.operation(a1)->afterRemoteMessageId, qint64(77));
    }

    void failedHeadHoldsBackItsConversationUntilRetryOrDiscard()
    {
        Testing::TempDataDir dir;
        Storage::WorkspaceStore workspace;
        QVERIFY(workspace.open(dir.workspacePath()).ok);
        OutboxStore store(&workspace, clock());
        const qint64 a1 = store.enqueue(reply(1, QStringLiteral("a1")));
        const qint64 a2 = store.enqueue(reply(1, QStringLiteral("a2")));
        QVERIFY(store.markSending(a1, 0));
        QVERIFY(store.markFailed(a1, QStringLiteral("Rejected: too long")));
        QVERIFY(store.readyOperations(QStringLiteral("demo")).isEmpty());
        QCOMPARE(store.pendingForConversation(QStringLiteral("demo"), 1).size(), 2);
        QCOMPARE(store.operation(a1)->lastError, QStringLiteral("Rejected: too long"));

        QVERIFY(store.retry(a1));
        QCOMPARE(ids(store.readyOperations(QStringLiteral("demo"))), (QList<qint64>{a1}));
        QVERIFY(store.markSending(a1, 0));
        QVERIFY2(!store.discard(a1), "an item on its way out cannot be discarded");
        QVERIFY(store.markFailed(a1, QStringLiteral("again")));
        QVERIFY(store.discard(a1));
        QVERIFY(!store.operation(a1));
        QCOMPARE(ids(store.readyOperations(QStringLiteral("demo"))), (QList<qint64>{a2}));
    }

    void retryWaitsForItsTime()
    {
        Testing::TempDataDir dir;
        Storage::WorkspaceStore workspace;
        QVERIFY(workspace.open(dir.workspacePath()).ok);
        OutboxStore store(&workspace, clock());
        const qint64 a = store.enqueue(reply(1, QStringLiteral("a")));
        QVERIFY(store.markSending(a, 5));
        QVERIFY(store.markRetry(a, QStringLiteral("503"), m_now + 2000, false));
        QVERIFY(store.readyOperations(QStringLiteral("demo")).isEmpty());
        QCOMPARE(store.nextDueAt(QStringLiteral("demo")), m_now + 2000);
        m_now += 2000;
        QCOMPARE(ids(store.readyOperations(QStringLiteral("demo"))), (QList<qint64>{a}));
        QCOMPARE(store.nextDueAt(QStringLiteral("demo")), qint64(0));
        // The baseline of the first attempt stays for every later re-check.
        QVERIFY(store.markSending(a, 99));
        QCOMPARE(store.operation(a)->afterRemoteMessageId, qint64(5));
        QCOMPARE(store.operation(a)->attempts, 2);
        // Once an attempt may have landed, a later clean failure does not clear the re-check.
        QVERIFY(store.markRetry(a, QStringLiteral("timeout"), m_now, true));
        QVERIFY(store.markSending(a, 99));
        QVERIFY(store.markRetry(a, QStringLiteral("refused"), m_now, false));
        QVERIFY(store.operation(a)->checkFirst);
    }

    void survivesARestartAndFlagsInterruptedSends()
    {
        Testing::TempDataDir dir;
        qint64 sending = 0, queued = 0, sent = 0;
        {
            Storage::WorkspaceStore workspace;
            QVERIFY(workspace.open(dir.workspacePath()).ok);
            OutboxStore store(&workspace, clock());
            sent = store.enqueue(reply(1, QStringLiteral("done")));
            sending = store.enqueue(reply(2, QStringLiteral("in flight")));
            queued = store.enqueue(reply(2, QStringLiteral("waiting")));
            QVERIFY(store.markSending(sent, 0));
            QVERIFY(store.markSent(sent, 1));
            QVERIFY(store.markSending(sending, 40));
            // the process "dies" here: no markSent, no markRetry
        }
        Storage::WorkspaceStore workspace;
        QVERIFY(workspace.open(dir.workspacePath()).ok);
        OutboxStore store(&workspace, clock());
        QCOMPARE(ids(store.pending()), (QList<qint64>{sending, queued}));
        QCOMPARE(store.operation(sending)->state, OutboxOperation::State::Sending);
        QCOMPARE(store.recoverInterrupted(), 1);
        const auto recovered = store.operation(sending);
        QCOMPARE(recovered->state, OutboxOperation::State::Queued);
        QVERIFY(recovered->checkFirst);
        QCOMPARE(recovered->afterRemoteMessageId, qint64(40));
        QCOMPARE(recovered->payload.value(QStringLiteral("content")).toString(), QStringLiteral("in flight"));
        QCOMPARE(ids(store.readyOperations(QStringLiteral("demo"))), (QList<qint64>{sending}));
        QVERIFY(!store.operation(queued)->checkFirst);
    }

    void purgeSentKeepsRecentAndUnsent()
    {
        Testing::TempDataDir dir;
        Storage::WorkspaceStore workspace;
        QVERIFY(workspace.open(dir.workspacePath()).ok);
        OutboxStore store(&workspace, clock());
        const qint64 old = store.enqueue(reply(1, QStringLiteral("old")));
        QVERIFY(store.markSending(old, 0));
        QVERIFY(store.markSent(old, 1));
        m_now += 10000;
        const qint64 recent = store.enqueue(reply(1, QStringLiteral("recent")));
        QVERIFY(store.markSending(recent, 0));
        QVERIFY(store.markSent(recent, 2));
        const qint64 unsent = store.enqueue(reply(1, QStringLiteral("unsent")));
        QCOMPARE(store.purgeSent(5000), 1);
        QCOMPARE(ids(store.all()), (QList<qint64>{recent, unsent}));
    }
};

QTEST_GUILESS_MAIN(TestOutboxStore)
#include "TestOutboxStore.moc"
