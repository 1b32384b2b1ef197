#include "storage/ReviewStore.h"
#include "storage/WorkspaceStore.h"
#include "support/TempDataDir.h"

#include <QSignalSpy>
#include <QTest>

using namespace Counterpart;
using Review::Annotation;
using Review::RubricAnswer;
using Review::Scorecard;

namespace {

Scorecard card(qint64 conversation, qint64 agent, double total, const QDateTime &at)
{
    Scorecard scorecard;
    scorecard.sourceUid = QStringLiteral("chatwoot:1");
    scorecard.conversationRemoteId = conversation;
    scorecard.agentRemoteId = agent;
    scorecard.agentName = agent == 7 ? QStringLiteral("Ana Πέτρου") : QStringLiteral("王小明");
    scorecard.total = total;
    scorecard.conversationAt = at;
    return scorecard;
}

} // namespace

/** Scorecards and annotations in a real workspace.sqlite, reopened as the lead would. */
class TestReviewStore : public QObject
{
    Q_OBJECT
private slots:
    void scorecardSurvivesReopenWithOverridesAndRubric()
    {
        Testing::TempDataDir dir;
        {
            Storage::WorkspaceStore workspace;
            QVERIFY(workspace.open(dir.workspacePath()).ok);
            Storage::ReviewStore reviews(&workspace);
            QSignalSpy changed(&reviews, &Storage::ReviewStore::changed);
            Scorecard scorecard = card(42, 7, 73.5, QDateTime(QDate(2024, 3, 4), QTime(10, 0), Qt::UTC));
            Review::ReplyScore reply;
            reply.messageRemoteId = 900;
            reply.detected = {true, true, false, true, false};
            reply.overridden[2] = true;  // the lead saw the action the checker missed
            reply.overridden[0] = false; // and no real listening
            reply.toneRules = {QStringLiteral("blame.demand")};
            reply.severeToneFindings = 1;
            scorecard.replies = {reply};
            scorecard.rubric = {{QStringLiteral("root_cause"), RubricAnswer::Met},
                                {QStringLiteral("identity"), RubricAnswer::NotMet}};
            scorecard.comment = QStringLiteral("Good save, but say sorry once.");
            QVERIFY(reviews.saveScorecard(scorecard) > 0);
            QCOMPARE(changed.count(), 1);
        }
        Storage::WorkspaceStore workspace;
        QVERIFY(workspace.open(dir.workspacePath()).ok);
        Storage::ReviewStore reviews(&workspace);
        const auto loaded = reviews.scorecard(QStringLiteral("chatwoot:1"), 42);
        QVERIFY(loaded);
        QCOMPARE(loaded->total, 73.5);
        QCOMPARE(loaded->agentName, QStringLiteral("Ana Πέτρου"));
        QCOMPARE(loaded->replies.size(), 1);
        const Review::ReplyScore &reply = loaded->replies.first();
        QVERIFY(!reply.isTicked(Compose::LatteStep::Listen));
        QVERIFY(reply.isTicked(Compose::LatteStep::TakeAction));
        QVERIFY(reply.isTicked(Compose::LatteStep::Thank));
        QVERIFY(!reply.isTicked(Compose::LatteStep::Explain));
        QCOMPARE(reply.tickedCount(), 3);
        QCOMPARE(reply.toneRules, QStringList{QStringLiteral("blame.demand")});
        QCOMPARE(loaded->rubric.value(QStringLiteral("identity")), RubricAnswer::NotMet);
        QCOMPARE(loaded->comment, QStringLiteral("Good save, but say sorry once."));
        QVERIFY(!loaded->sharedAt.isValid());
        QVERIFY(reviews.reviewedConversations().contains(QStringLiteral("chatwoot:1/42")));
    }

    void savingAgainReplacesNotDuplicates()
    {
        Testing::TempDataDir dir;
        Storage::WorkspaceStore workspace;
        QVERIFY(workspace.open(dir.workspacePath()).ok);
        Storage::ReviewStore reviews(&workspace);
        const QDateTime at(QDate(2024, 3, 4), QTime(10, 0), Qt::UTC);
        const qint64 first = reviews.saveScorecard(card(42, 7, 50, at));
        const qint64 second = reviews.saveScorecard(card(42, 7, 80, at));
        QCOMPARE(second, first);
        QCOMPARE(reviews.scorecards().size(), 1);
        QCOMPARE(reviews.scorecards().first().total, 80.0);
        QVERIFY(reviews.markShared(first, at.addDays(1)));
        QCOMPARE(reviews.scorecard(QStringLiteral("chatwoot:1"), 42)->sharedAt, at.addDays(1));
    }

    void agentSummariesAverageAndTrendByWeek()
    {
        Testing::TempDataDir dir;
        Storage::WorkspaceStore workspace;
        QVERIFY(workspace.open(dir.workspacePath()).ok);
        Storage::ReviewStore reviews(&workspace);
        const QDateTime monday(QDate(2024, 3, 4), QTime(10, 0), Qt::UTC);
        QVERIFY(reviews.saveScorecard(card(1, 7, 60, monday.addDays(-7))));
        QVERIFY(reviews.saveScorecard(card(2, 7, 80, monday)));
        QVERIFY(reviews.saveScorecard(card(3, 7, 100, monday.addDays(2))));
        QVERIFY(reviews.saveScorecard(card(4, 9, 40, monday)));
        const auto summaries = reviews.agentSummaries(monday.addDays(3), 4);
        QCOMPARE(summaries.size(), 2);
        const auto &ana = summaries.at(0).agentName == QStringLiteral("Ana Πέτρου") ? summaries.at(0) : summaries.at(1);
        QCOMPARE(ana.reviews, 3);
        QCOMPARE(ana.average, 80.0);
        QCOMPARE(ana.weeks.size(), 2);
        QCOMPARE(ana.weeks.at(0).weekStart, QDate(2024, 2, 26));
        QCOMPARE(ana.weeks.at(0).average, 60.0);
        QCOMPARE(ana.weeks.at(1).average, 90.0); // the trend goes up
        const auto scores = reviews.scoresByAgent();
        QCOMPARE(scores.value(QStringLiteral("chatwoot:1/7")).first, 80.0);
        QCOMPARE(scores.value(QStringLiteral("chatwoot:1/9")).second, 1);
    }

    void annotationsPinnedToMessagesInOrder()
    {
        Testing::TempDataDir dir;
        Storage::WorkspaceStore workspace;
        QVERIFY(workspace.open(dir.workspacePath()).ok);
        Storage::ReviewStore reviews(&workspace);
        const auto add = [&](qint64 message, Annotation::Kind kind, const QString &text) {
            Annotation annotation;
            annotation.sourceUid = QStringLiteral("chatwoot:1");
            annotation.conversationRemoteId = 42;
            annotation.messageRemoteId = message;
            annotation.kind = kind;
            annotation.text = text;
            return reviews.addAnnotation(annotation);
        };
        const qint64 late = add(905, Annotation::Kind::Coaching, QStringLiteral("Offer the refund first"));
        QVERIFY(add(901, Annotation::Kind::Praise, QStringLiteral("很好的开场")) > 0);
        QVERIFY(late > 0);
        QList<Annotation> list = reviews.annotations(QStringLiteral("chatwoot:1"), 42);
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(0).messageRemoteId, 901);
        QCOMPARE(list.at(0).text, QStringLiteral("很好的开场"));
        QCOMPARE(list.at(1).kind, Annotation::Kind::Coaching);
        QVERIFY(reviews.updateAnnotation(late, Annotation::Kind::Comment, QStringLiteral("Fine after all")));
        QVERIFY(reviews.removeAnnotation(list.at(0).id));
        list = reviews.annotations(QStringLiteral("chatwoot:1"), 42);
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first().kind, Annotation::Kind::Comment);
        QCOMPARE(list.first().text, QStringLiteral("Fine after all"));
        QVERIFY(reviews.annotations(QStringLiteral("chatwoot:1"), 43).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestReviewStore)
#include "TestReviewStore.moc"
