#include "models/ItemRoles.h"
#include "models/ReviewQueueModel.h"
#include "review/ReviewQueue.h"
#include "storage/CacheStore.h"
#include "storage/ReviewStore.h"
#include "storage/WorkspaceStore.h"
#include "support/CacheFixture.h"
#include "support/TempDataDir.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Counterpart;
using namespace Counterpart::Models;
using Testing::CacheFixture;

class TestReviewQueueModel : public QObject
{
    Q_OBJECT

private slots:
    void showsTheQueueBuiltFromTheCacheAndFollowsSavedScores()
    {
        Testing::TempDataDir dir;
        Storage::CacheStore cache;
        Storage::WorkspaceStore workspace;
        QVERIFY(cache.open(dir.cachePath()).ok);
        QVERIFY(workspace.open(dir.workspacePath()).ok);
        QString error;
        QVERIFY2(CacheFixture::multilingual().ingestInto(cache, &error), qPrintable(error));
        Storage::ReviewStore reviews(&workspace);

        Review::ReviewCriteria criteria;
        criteria.resolvedOnly = false;
        const QList<Review::QueueEntry> entries = Review::ReviewQueue(&cache, &reviews).build(criteria);
        QCOMPARE(entries.size(), 4);

        ReviewQueueModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setEntries(entries);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.columnCount(), int(ReviewQueueModel::ColumnCount));
        // Newest first: the Greek conversation (104) was active last.
        const QModelIndex first = model.index(0, ReviewQueueModel::Customer);
        QCOMPARE(first.data().toString(), QStringLiteral("Γιώργος Παπαδόπουλος"));
        QCOMPARE(first.data(Roles::RemoteId).toLongLong(), 104);
        QCOMPARE(model.index(0, ReviewQueueModel::Channel).data().toString(), QStringLiteral("email"));
        QCOMPARE(model.index(0, ReviewQueueModel::Score).data().toString(), QStringLiteral("—"));
        QCOMPARE(model.index(1, ReviewQueueModel::Agent).data().toString(), QStringLiteral("Unassigned"));
        QCOMPARE(model.index(0, ReviewQueueModel::Csat).data().toString(), QString());
        QCOMPARE(model.headerData(ReviewQueueModel::Customer, Qt::Horizontal).toString(), QStringLiteral("Customer"));
        QVERIFY(first.data(Roles::ConversationId).toLongLong() > 0);
        QCOMPARE(model.rowOfConversation(first.data(Roles::ConversationId).toLongLong()), 0);
        QCOMPARE(model.rowOfConversation(-5), -1);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setScore(first.data(Roles::SourceUid).toString(), 104, 87.5);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.index(0, ReviewQueueModel::Score).data(Roles::ReviewScore).toDouble(), 87.5);
        QCOMPARE(model.index(0, ReviewQueueModel::Score).data().toString(), QLocale().toString(87.5, 'f', 0));
        model.setScore(first.data(Roles::SourceUid).toString(), 999, 10);
        QCOMPARE(changed.size(), 1); // not in the queue: nothing changes

        model.setEntries({});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestReviewQueueModel)
#include "TestReviewQueueModel.moc"
