#include "models/AgentReviewSummaryModel.h"
#include "models/ItemRoles.h"
#include "storage/ReviewStore.h"
#include "storage/WorkspaceStore.h"
#include "support/TempDataDir.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Counterpart;
using namespace Counterpart::Models;

class TestAgentReviewSummaryModel : public QObject
{
    Q_OBJECT

    // Monday 2024-03-18 is the current week; scorecards are dated by their conversation.
    static QDateTime now() { return QDateTime(QDate(2024, 3, 20), QTime(12, 0), Qt::UTC); }

    static Review::Scorecard card(qint64 conversation, qint64 agent, const QString &name, double total, const QDate &day)
    {
        Review::Scorecard c;
        c.sourceUid = QStringLiteral("src");
        c.conversationRemoteId = conversation;
        c.agentRemoteId = agent;
        c.agentName = name;
        c.total = total;
        c.reviewer = QStringLiteral("Lead");
        c.comment = QStringLiteral("ok");
        c.conversationAt = QDateTime(day, QTime(10, 0), Qt::UTC);
        return c;
    }

private slots:
    void listsAgentsWithAverageAndAWeeklyTrend()
    {
        Testing::TempDataDir dir;
        Storage::WorkspaceStore workspace;
        QVERIFY(workspace.open(dir.workspacePath()).ok);
        Storage::ReviewStore reviews(&workspace);

        AgentReviewSummaryModel model(&reviews);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setWeeks(4);
        model.setNow(now());
        QCOMPARE(model.rowCount(), 0);

        // Ελένη: 60 three weeks ago, 80 this week -> trend +20 with two empty weeks between.
        QVERIFY2(reviews.saveScorecard(card(1, 5, QStringLiteral("Ελένη"), 60, QDate(2024, 2, 27))), qPrintable(reviews.errorString()));
        QVERIFY(reviews.saveScorecard(card(2, 5, QStringLiteral("Ελένη"), 80, QDate(2024, 3, 19))));
        QVERIFY(reviews.saveScorecard(card(3, 6, QStringLiteral("Aaron"), 90, QDate(2024, 3, 18))));
        QCOMPARE(model.rowCount(), 2); // reloaded on ReviewStore::changed()

        QCOMPARE(model.index(0, AgentReviewSummaryModel::Agent).data().toString(), QStringLiteral("Aaron"));
        const int eleni = 1;
        QCOMPARE(model.index(eleni, AgentReviewSummaryModel::Agent).data().toString(), QStringLiteral("Ελένη"));
        QCOMPARE(model.index(eleni, AgentReviewSummaryModel::Reviews).data().toInt(), 2);
        QCOMPARE(model.index(eleni, 0).data(Roles::AgentReviewAverage).toDouble(), 70.0);
        QCOMPARE(model.index(eleni, AgentReviewSummaryModel::Average).data().toString(), QStringLiteral("70"));
        const QVariantList trend = model.index(eleni, 0).data(Roles::AgentReviewTrend).toList();
        QCOMPARE(trend, (QVariantList{60.0, -1.0, -1.0, 80.0}));
        QCOMPARE(model.trendChange(eleni), 20.0);
        QCOMPARE(model.index(eleni, AgentReviewSummaryModel::Trend).data().toString(), QStringLiteral("▲ +20"));
        // One reviewed week: no trend to speak of yet.
        QCOMPARE(model.index(0, AgentReviewSummaryModel::Trend).data().toString(), QStringLiteral("—"));
        QCOMPARE(model.index(0, 0).data(Roles::RemoteId).toLongLong(), 6);
    }
};

QTEST_GUILESS_MAIN(TestAgentReviewSummaryModel)
#include "TestAgentReviewSummaryModel.moc"
