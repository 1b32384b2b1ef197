#include "models/AnnotationListModel.h"
#include "models/ItemRoles.h"
#include "storage/ReviewStore.h"
#include "storage/WorkspaceStore.h"
#include "support/TempDataDir.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Counterpart;
using namespace Counterpart::Models;
using Review::Annotation;

class TestAnnotationListModel : public QObject
{
    Q_OBJECT

    static Annotation note(qint64 conversation, qint64 message, Annotation::Kind kind, const QString &text)
    {
        Annotation a;
        a.sourceUid = QStringLiteral("src");
        a.conversationRemoteId = conversation;
        a.messageRemoteId = message;
        a.kind = kind;
        a.text = text;
        a.createdAt = QDateTime(QDate(2024, 3, 1), QTime(9, 0), Qt::UTC);
        return a;
    }

private slots:
    void listsOneConversationInMessageOrderAndFollowsTheStore()
    {
        Testing::TempDataDir dir;
        Storage::WorkspaceStore workspace;
        QVERIFY(workspace.open(dir.workspacePath()).ok);
        Storage::ReviewStore reviews(&workspace);
        QVERIFY(reviews.addAnnotation(note(7, 702, Annotation::Kind::Coaching, QStringLiteral("Name the next step"))));
        QVERIFY(reviews.addAnnotation(note(7, 701, Annotation::Kind::Praise, QStringLiteral("谢谢 — warm opening"))));
        QVERIFY(reviews.addAnnotation(note(8, 801, Annotation::Kind::Comment, QStringLiteral("other conversation"))));

        AnnotationListModel model(&reviews);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0); // no conversation yet
        model.setConversation(QStringLiteral("src"), 7);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0).data(Roles::AnnotationMessageRemoteId).toLongLong(), 701);
        QCOMPARE(model.index(0).data(Roles::AnnotationKindKey).toString(), QStringLiteral("praise"));
        QCOMPARE(model.index(0).data(Roles::AnnotationText).toString(), QStringLiteral("谢谢 — warm opening"));
        QCOMPARE(model.index(0).data().toString(), QStringLiteral("Praise: 谢谢 — warm opening"));
        QCOMPARE(model.index(1).data(Roles::AnnotationKindKey).toString(), QStringLiteral("coaching"));
        QCOMPARE(model.countForMessage(702), 1);
        QCOMPARE(model.countForMessage(801), 0);

        // A write anywhere (another window) reaches the model through ReviewStore::changed().
        QVERIFY(reviews.addAnnotation(note(7, 702, Annotation::Kind::Comment, QStringLiteral("second on 702"))));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.countForMessage(702), 2);
        QVERIFY(reviews.removeAnnotation(model.index(0).data(Roles::AnnotationId).toLongLong()));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.countForMessage(701), 0);

        model.setConversation(QString(), 0);
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAnnotationListModel)
#include "TestAnnotationListModel.moc"
