#include "compose/LatteChecker.h"

#include <QTest>

using namespace Counterpart::Compose;

class TestLatteChecker : public QObject
{
    Q_OBJECT

private slots:
    void detects_data();
    void detects();
    void evidenceIsASpanOfTheReply();
    void manualTicksWinAndSurviveRechecks();
};

void TestLatteChecker::detects_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("customer");
    QTest::addColumn<QString>("reply");
    QTest::addColumn<QString>("step");
    QTest::addColumn<bool>("expected");

    const QString order = QStringLiteral("Where is order 55102? The blue kettle never came.");
    QTest::newRow("listen: order number") << "en" << order << QStringLiteral("I checked 55102 for you.") << "listen" << true;
    QTest::newRow("listen: two words") << "en" << order << QStringLiteral("The blue kettle is delayed.") << "listen" << true;
    QTest::newRow("listen: generic reply") << "en" << order << QStringLiteral("Thank you for contacting us about your order.") << "listen" << false;
    QTest::newRow("listen: no customer, number") << "en" << QString() << QStringLiteral("Order 55102 has shipped.") << "listen" << true;
    QTest::newRow("listen: zh bigrams") << "zh-Hans" << QStringLiteral("我的蓝色水壶还没到。") << QStringLiteral("您的蓝色水壶明天到。") << "listen" << true;
    QTest::newRow("listen: el stems") << "el" << QStringLiteral("Το τιμολόγιο έχει λάθος ΑΦΜ.") << QStringLiteral("Διόρθωσα το τιμολόγιό σας.") << "listen" << true;
    QTest::newRow("ack") << "en" << QString() << QStringLiteral("That must have been frustrating.") << "acknowledge" << true;
    QTest::newRow("ack: scripted apology is not") << "en" << QString() << QStringLiteral("We apologize for any inconvenience.") << "acknowledge" << false;
    QTest::newRow("action: done") << "en" << QString() << QStringLiteral("I've issued the refund.") << "take_action" << true;
    QTest::newRow("action: vague") << "en" << QString() << QStringLiteral("We'll look into it.") << "take_action" << false;
    QTest::newRow("action: zh") << "zh-Hant" << QString() << QStringLiteral("我已經為您辦理退款。") << "take_action" << true;
    QTest::newRow("action: zh received is not") << "zh-Hans" << QString() << QStringLiteral("我们已收到您的请求。") << "take_action" << false;
    QTest::newRow("action: el perfect") << "el" << QString() << QStringLiteral("Έχω ήδη στείλει τον κωδικό.") << "take_action" << true;
    QTest::newRow("thank: el accents") << "el" << QString() << QStringLiteral("ΕΥΧΑΡΙΣΤΩ πολύ!") << "thank" << true;
    QTest::newRow("explain") << "en" << QString() << QStringLiteral("You'll receive an email within 2 business days.") << "explain" << true;
    QTest::newRow("explain: vague") << "en" << QString() << QStringLiteral("We will get back to you.") << "explain" << false;
    QTest::newRow("explain: el") << "el" << QString() << QStringLiteral("Θα λάβετε email αύριο.") << "explain" << true;
}

void TestLatteChecker::detects()
{
    QFETCH(QString, language);
    QFETCH(QString, customer);
    QFETCH(QString, reply);
    QFETCH(QString, step);
    QFETCH(bool, expected);
    bool ok = false;
    const LatteStep s = latteStepFromKey(step, &ok);
    QVERIFY(ok);
    QCOMPARE(LatteChecker(language).check(reply, customer).step(s).detected, expected);
}

void TestLatteChecker::evidenceIsASpanOfTheReply()
{
    const QString reply = QStringLiteral("Hi! Thanks for waiting. I've reset your password.");
    const LatteResult r = LatteChecker(QStringLiteral("en")).check(reply);
    const LatteEvidence &thank = r.step(LatteStep::Thank);
    QCOMPARE(thank.text, QStringLiteral("Thanks"));
    QCOMPARE(reply.mid(thank.start, thank.end - thank.start), thank.text);
    QCOMPARE(r.step(LatteStep::TakeAction).text, QStringLiteral("I've reset"));
    QVERIFY(!r.step(LatteStep::Listen).detected);
    QCOMPARE(r.step(LatteStep::Listen).start, -1);
}

void TestLatteChecker::manualTicksWinAndSurviveRechecks()
{
    const LatteChecker checker(QStringLiteral("en"));
    LatteResult first = checker.check(QStringLiteral("Thanks!"));
    QVERIFY(first.isTicked(LatteStep::Thank));
    first.setManual(LatteStep::Thank, false);
    first.setManual(LatteStep::Listen, true);
    QVERIFY(!first.isTicked(LatteStep::Thank));
    QCOMPARE(first.missing(allLatteSteps()),
             (QList<LatteStep>{LatteStep::Acknowledge, LatteStep::TakeAction, LatteStep::Thank,
                               LatteStep::Explain}));

    LatteResult next = checker.check(QStringLiteral("Thanks! I've refunded it."));
    next.carryManual(first);
    QVERIFY(!next.isTicked(LatteStep::Thank));
    QVERIFY(next.isTicked(LatteStep::Listen));
    QVERIFY(next.isTicked(LatteStep::TakeAction));
    next.clearManual(LatteStep::Thank);
    QVERIFY(next.isTicked(LatteStep::Thank));
    QCOMPARE(next.tickedCount(), 3);
}

QTEST_GUILESS_MAIN(TestLatteChecker)
#include "TestLatteChecker.moc"
