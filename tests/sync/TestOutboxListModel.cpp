#include "models/OutboxListModel.h"
#include "models/OutboxRoles.h"
#include "storage/WorkspaceStore.h"
#include "support/TempDataDir.h"
#include "sync/OutboxStore.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Counterpart;
using Models::OutboxListModel;
using Sync::OutboxOperation;

class TestOutboxListModel : public QObject
{
    Q_OBJECT
private slots:
    void showsPendingStateAndFollowsTheStore()
    {
        Testing::TempDataDir dir;
        Storage::WorkspaceStore workspace;
        QVERIFY(workspace.open(dir.workspacePath()).ok);
        Sync::OutboxStore store(&workspace);
        OutboxListModel model(&store);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);

        OutboxOperation op;
        op.sourceUid = QStringLiteral("demo");
        op.conversationRemoteId = 1;
        op.payload.insert(QStringLiteral("content"), QStringLiteral("On its way"));
        const qint64 a = store.enqueue(op);
        op.conversationRemoteId = 2;
        op.kind = OutboxOperation::Kind::Status;
        op.payload = {{QStringLiteral("status"), QStringLiteral("resolved")}};
        const qint64 b = store.enqueue(op);
        QCOMPARE(model.rowCount(), 2);
        const QModelIndex first = model.index(0);
        QCOMPARE(first.data(Models::OutboxIdRole).toLongLong(), a);
        QCOMPARE(first.data(Qt::DisplayRole).toString(), QStringLiteral("On its way"));
        QCOMPARE(first.data(Models::OutboxStateRole).toString(), QStringLiteral("queued"));
        QCOMPARE(first.data(Models::OutboxCanDiscardRole).toBool(), true);
        QCOMPARE(first.data(Models::OutboxCanRetryRole).toBool(), false);
        QCOMPARE(model.index(1).data(Models::OutboxKindRole).toString(), QStringLiteral("status"));

        QVERIFY(store.markSending(a, 0));
        QCOMPARE(model.index(0).data(Models::OutboxStateRole).toString(), QStringLiteral("sending"));
        QCOMPARE(model.index(0).data(Models::OutboxCanDiscardRole).toBool(), false);
        QVERIFY(store.markFailed(a, QStringLiteral("The server refused it.")));
        QCOMPARE(model.index(0).data(Models::OutboxStateRole).toString(), QStringLiteral("failed"));
        QCOMPARE(model.index(0).data(Models::OutboxLastErrorRole).toString(), QStringLiteral("The server refused it."));
        QCOMPARE(model.index(0).data(Models::OutboxCanRetryRole).toBool(), true);

        model.setConversation(QStringLiteral("demo"), 2);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0).data(Models::OutboxIdRole).toLongLong(), b);
        QVERIFY(store.markSending(b, 0));
        QVERIFY(store.markSent(b, 0));
        QCOMPARE(model.rowCount(), 0); // sent: no longer pending
        QVERIFY(model.roleNames().contains(Models::OutboxStateRole));
    }
};

QTEST_GUILESS_MAIN(TestOutboxListModel)
#include "TestOutboxListModel.moc"
