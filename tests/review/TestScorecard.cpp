#include "compose/LatteChecker.h"
#include "review/Rubric.h"
#include "review/ScorecardBuilder.h"
#include "storage/CacheStore.h"
#include "storage/WorkspaceStore.h"
#include "support/CacheFixture.h"
#include "support/TempDataDir.h"

#include <QSqlQuery>
#include <QTest>

using namespace Counterpart;
using namespace Counterpart::Review;
using Compose::LatteStep;
using Testing::CacheFixture;

/** Rubric::total by hand, and the pre-fill that must agree with what agents see in the composer. */
class TestScorecard : public QObject
{
    Q_OBJECT
private slots:
    void totalIsTheWeightedMeanOfWhatApplies()
    {
        const Rubric rubric; // LATTE 3, tone 1, root cause 3, expectations 2, the others 2
        Scorecard card;
        ReplyScore all;
        all.detected = {true, true, true, true, true};
        ReplyScore one;
        one.detected = {false, false, false, true, false};
        one.severeToneFindings = 1;
        card.replies = {all, one};
        card.rubric = {{QStringLiteral("root_cause"), RubricAnswer::Met},
                       {QStringLiteral("expectations"), RubricAnswer::NotMet}};
        // LATTE 6 of 10 steps, tone 1 of 2 replies calm, root cause met, expectations not met:
        // 100 * (3*0.6 + 1*0.5 + 3*1 + 2*0) / (3 + 1 + 3 + 2)
        QCOMPARE(rubric.total(card), 100.0 * 5.3 / 9.0);

        card.replies[1].overridden[int(LatteStep::Explain)] = true; // the lead disagrees with the checker
        QCOMPARE(rubric.total(card), 100.0 * (3 * 0.7 + 0.5 + 3) / 9.0);

        Scorecard empty;
        QCOMPARE(rubric.total(empty), -1.0);
        empty.rubric.insert(QStringLiteral("identity"), RubricAnswer::Met);
        QCOMPARE(rubric.total(empty), 100.0);
    }

    void configuredRubricRoundTripsThroughSettings()
    {
        Testing::TempDataDir dir;
        Storage::WorkspaceStore workspace;
        QVERIFY(workspace.open(dir.workspacePath()).ok);
        Rubric rubric;
        rubric.latteWeight = 5;
        rubric.items = {{QStringLiteral("warranty"), QStringLiteral("Explained the warranty"), 4}};
        QVERIFY(rubric.saveTo(workspace));
        QCOMPARE(Rubric::fromSettings(workspace), rubric);
        QCOMPARE(Rubric::fromJson("[broken"), Rubric());
    }

    void prefillUsesTheAgentsCheckerOnEveryReply()
    {
        Testing::TempDataDir dir;
        Storage::CacheStore cache;
        QVERIFY(cache.open(dir.cachePath()).ok);
        CacheFixture fixture = CacheFixture::multilingual();
        for (Domain::Conversation &conversation : fixture.batch().conversations) {
            if (conversation.remoteId == 101)
                conversation.assigneeId = CacheFixture::SupportAgent;
        }
        const QString customer = QStringLiteral("The parcel for order #4411 arrived damaged, the lamp is broken.");
        const QString reply = QStringLiteral("Thank you for telling us, and I'm sorry the lamp for order #4411 arrived broken. "
                                             "I have sent a replacement today; you will get the tracking link by email tomorrow.");
        fixture.addMessage(1020, 101, customer, 5);
        fixture.addMessage(1021, 101, reply, 6, Domain::MessageKind::Outgoing);
        fixture.addMessage(1022, 101, QStringLiteral("internal: check stock"), 7, Domain::MessageKind::Note);
        QString error;
        QVERIFY2(fixture.ingestInto(cache, &error), qPrintable(error));
        QSqlQuery query(cache.connection());
        QVERIFY(query.exec(QStringLiteral("SELECT id FROM conversations WHERE remote_id=101")) && query.next());

        const Rubric rubric;
        const Scorecard card = ScorecardBuilder(&cache).prefill(query.value(0).toLongLong(), rubric);
        QCOMPARE(card.conversationRemoteId, 101);
        QCOMPARE(card.agentRemoteId, CacheFixture::SupportAgent);
        QVERIFY(!card.sourceUid.isEmpty());
        QCOMPARE(card.replies.size(), 2); // two agent replies; the note is not one
        QCOMPARE(card.replies.at(1).messageRemoteId, 1021);
        const Compose::LatteResult expected = Compose::LatteChecker(QStringLiteral("en")).check(reply, customer);
        for (const LatteStep step : Compose::allLatteSteps())
            QCOMPARE(card.replies.at(1).detected[int(step)], expected.step(step).detected);
        QVERIFY2(card.replies.at(1).tickedCount() >= 4, "a complete reply should tick most steps");
        QCOMPARE(card.total, rubric.total(card));

        // A fresh pre-fill keeps what the lead decided on the saved one.
        Scorecard saved = card;
        saved.id = 9;
        saved.replies[1].overridden[int(LatteStep::Listen)] = false;
        saved.rubric.insert(QStringLiteral("root_cause"), RubricAnswer::NotMet);
        saved.comment = QStringLiteral("Ask for a photo next time.");
        const Scorecard merged = ScorecardBuilder::merge(card, saved, rubric);
        QCOMPARE(merged.id, 9);
        QVERIFY(!merged.replies.at(1).isTicked(LatteStep::Listen));
        QCOMPARE(merged.comment, saved.comment);
        QVERIFY(merged.total < card.total);
    }
};

QTEST_GUILESS_MAIN(TestScorecard)
#include "TestScorecard.moc"
