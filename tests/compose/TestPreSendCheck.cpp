#include "compose/PreSendCheck.h"

#include <QTest>

using namespace Counterpart;
using namespace Counterpart::Compose;

class TestPreSendCheck : public QObject
{
    Q_OBJECT

private slots:
    void cleanDraftPasses();
    void undefinedVariablesBlock();
    void lattePolicy_data();
    void lattePolicy();
    void effectivePolicy();
    void highToneFindingsNeedConfirmation();
    void smsRules();
    void whatsAppWindow_data();
    void whatsAppWindow();
    void newCustomerMessagesNeedConfirmation();
};

static PreSendInput baseInput()
{
    PreSendInput in;
    in.draft = QStringLiteral("Hi Tom, I've issued your refund. Thanks!");
    in.now = QDateTime(QDate(2024, 6, 10), QTime(12, 0), Qt::UTC);
    in.lastCustomerMessageAt = in.now.addSecs(-3600);
    in.lattePolicy.mode = LattePolicyMode::Off;
    return in;
}

void TestPreSendCheck::cleanDraftPasses()
{
    const PreSendReport r = PreSendCheck::run(baseInput());
    QVERIFY(r.problems.isEmpty());
    QVERIFY(!r.isBlocked());
    QVERIFY(!r.needsConfirmation());

    PreSendInput empty = baseInput();
    empty.draft = QStringLiteral("  \n");
    QVERIFY(PreSendCheck::run(empty).has(PreSendIssue::EmptyDraft));
}

void TestPreSendCheck::undefinedVariablesBlock()
{
    PreSendInput in = baseInput();
    in.undefinedVariables = {QStringLiteral("contact.custom.order_id")};
    in.draft += QStringLiteral(" New date: {{ask:Delivery date}}");
    const PreSendReport r = PreSendCheck::run(in);
    QVERIFY(r.isBlocked());
    const PreSendProblem p = r.at(PreSendLevel::Block).first();
    QCOMPARE(p.issue, PreSendIssue::UndefinedVariable);
    QCOMPARE(p.details, (QStringList{QStringLiteral("contact.custom.order_id"),
                                     QStringLiteral("ask:Delivery date")}));
}

void TestPreSendCheck::lattePolicy_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<bool>("thankTickedByHand");
    QTest::addColumn<int>("expectedLevel"); // -1: no problem

    QTest::newRow("off") << int(LattePolicyMode::Off) << false << -1;
    QTest::newRow("remind") << int(LattePolicyMode::Remind) << false << int(PreSendLevel::Warn);
    QTest::newRow("require") << int(LattePolicyMode::Require) << false << int(PreSendLevel::Block);
    QTest::newRow("require, ticked by hand") << int(LattePolicyMode::Require) << true << -1;
}

void TestPreSendCheck::lattePolicy()
{
    QFETCH(int, mode);
    QFETCH(bool, thankTickedByHand);
    QFETCH(int, expectedLevel);
    PreSendInput in = baseInput();
    in.lattePolicy = {LattePolicyMode(mode), {LatteStep::TakeAction, LatteStep::Thank}};
    in.latte.step(LatteStep::TakeAction).detected = true;
    if (thankTickedByHand)
        in.latte.setManual(LatteStep::Thank, true);
    const PreSendReport r = PreSendCheck::run(in);
    if (expectedLevel < 0) {
        QVERIFY(!r.has(PreSendIssue::LatteMissing));
        return;
    }
    QCOMPARE(r.problems.size(), 1);
    QCOMPARE(int(r.problems.first().level), expectedLevel);
    QCOMPARE(r.problems.first().details, QStringList{QStringLiteral("thank")});
}

void TestPreSendCheck::effectivePolicy()
{
    const LattePolicy inbox{LattePolicyMode::Remind, {LatteStep::Thank}};
    QHash<QString, LattePolicy> byLabel;
    byLabel.insert(QStringLiteral("complaint"),
                   {LattePolicyMode::Require, {LatteStep::Acknowledge, LatteStep::Listen}});
    byLabel.insert(QStringLiteral("vip"), {LattePolicyMode::Off, {}});

    QCOMPARE(LattePolicy::effective(inbox, byLabel, {QStringLiteral("vip")}, 0), inbox);
    const LattePolicy complaint = LattePolicy::effective(
        inbox, byLabel, {QStringLiteral("complaint"), QStringLiteral("vip")}, 0);
    QCOMPARE(complaint.mode, LattePolicyMode::Require);
    QCOMPARE(complaint.steps, (QList<LatteStep>{LatteStep::Listen, LatteStep::Acknowledge}));
    const LattePolicy lowRating = LattePolicy::effective(inbox, byLabel, {}, 2);
    QCOMPARE(lowRating.mode, LattePolicyMode::Require);
    QCOMPARE(lowRating.steps, allLatteSteps());
    QCOMPARE(LattePolicy::effective(inbox, byLabel, {}, 4).mode, LattePolicyMode::Remind);
}

void TestPreSendCheck::highToneFindingsNeedConfirmation()
{
    PreSendInput in = baseInput();
    ToneFinding high{QStringLiteral("promise.guarantee"), 0, 5, Severity::High,
                     QStringLiteral("A guarantee."), QString()};
    ToneFinding low{QStringLiteral("negative.cant"), 0, 5, Severity::Low, QStringLiteral("Can't."), QString()};
    in.toneFindings = {low, high};
    const PreSendReport r = PreSendCheck::run(in);
    QVERIFY(!r.isBlocked());
    QVERIFY(r.needsConfirmation());
    QCOMPARE(r.problems.size(), 1);
    QCOMPARE(r.problems.first().details, QStringList{QStringLiteral("promise.guarantee")});
}

void TestPreSendCheck::smsRules()
{
    PreSendInput in = baseInput();
    in.channel = Domain::ChannelKind::Sms;
    in.draft = QString(150, QLatin1Char('a'));
    QVERIFY(PreSendCheck::run(in).problems.isEmpty());

    in.draft = QString(150, QLatin1Char('a')) + QStringLiteral("’");
    PreSendReport r = PreSendCheck::run(in);
    QVERIFY(r.has(PreSendIssue::SmsEncoding));
    QVERIFY(r.has(PreSendIssue::SmsSegments)); // 151 UCS-2 units: 3 parts of 67
    QVERIFY(!r.isBlocked());

    in.draft = QStringLiteral("您的包裹已发出，预计周五送达。");
    QVERIFY(PreSendCheck::run(in).problems.isEmpty()); // Chinese needs UCS-2 anyway: no nagging

    in.draft = QString(7 * 153, QLatin1Char('a'));
    r = PreSendCheck::run(in);
    QVERIFY(r.isBlocked());
    QCOMPARE(r.at(PreSendLevel::Block).first().details, QStringList{QStringLiteral("7")});
}

void TestPreSendCheck::whatsAppWindow_data()
{
    QTest::addColumn<int>("hoursSinceCustomer"); // -1: the customer never wrote
    QTest::addColumn<bool>("blocked");
    QTest::newRow("1 hour") << 1 << false;
    QTest::newRow("23 hours") << 23 << false;
    QTest::newRow("24 hours") << 24 << true;
    QTest::newRow("3 days") << 72 << true;
    QTest::newRow("never") << -1 << true;
}

void TestPreSendCheck::whatsAppWindow()
{
    QFETCH(int, hoursSinceCustomer);
    QFETCH(bool, blocked);
    PreSendInput in = baseInput();
    in.channel = Domain::ChannelKind::WhatsApp;
    in.lastCustomerMessageAt = hoursSinceCustomer < 0 ? QDateTime()
                                                      : in.now.addSecs(-3600 * hoursSinceCustomer);
    const PreSendReport r = PreSendCheck::run(in);
    QCOMPARE(r.has(PreSendIssue::WhatsAppWindowClosed), blocked);
    QCOMPARE(r.isBlocked(), blocked);

    in.channel = Domain::ChannelKind::Email;
    QVERIFY(!PreSendCheck::run(in).has(PreSendIssue::WhatsAppWindowClosed));
}

void TestPreSendCheck::newCustomerMessagesNeedConfirmation()
{
    PreSendInput in = baseInput();
    in.newCustomerMessages = 2;
    in.undefinedVariables = {QStringLiteral("x")};
    const PreSendReport r = PreSendCheck::run(in);
    QVERIFY(r.needsConfirmation());
    QCOMPARE(r.problems.size(), 2);
    QCOMPARE(r.problems.first().level, PreSendLevel::Block); // most serious first
    QVERIFY(r.problems.last().message.contains(QLatin1String("2 new message")));
}

QTEST_GUILESS_MAIN(TestPreSendCheck)
#include "TestPreSendCheck.moc"
