#include "compose/ToneLinter.h"

#include <QTest>

#include <algorithm>

using namespace Counterpart;
using namespace Counterpart::Compose;

class TestToneLinter : public QObject
{
    Q_OBJECT

private slots:
    void findsRule_data();
    void findsRule();
    void spansAndSuggestions();
    void greekBlameHasARewrite();
    void greekIgnoresAccentsAndCase();
    void responseTimeNeedsATarget();
    void formalityDependsOnTheInbox();
    void nameUsage_data();
    void nameUsage();
    void wallOfTextOnlyInEmail();
};

void TestToneLinter::findsRule_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("draft");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<bool>("expected");

    auto row = [](const char *name, const char *lang, const QString &draft, const char *rule, bool expected) {
        QTest::newRow(name) << QString::fromLatin1(lang) << draft << QString::fromLatin1(rule) << expected;
    };
    row("you must", "en", QStringLiteral("You must restart the app."), "blame.demand", true);
    row("you need to", "en", QStringLiteral("You need to log out first."), "blame.demand", true);
    row("if you need to is fine", "en", QStringLiteral("If you need to change it, reply here."), "blame.demand", false);
    row("you must be frustrated is fine", "en", QStringLiteral("You must be so frustrated."), "blame.demand", false);
    row("you failed to", "en", QStringLiteral("You failed to cancel in time."), "blame.fault", true);
    row("curly can't", "en", QStringLiteral("We can’t do that."), "negative.cant", true);
    row("cant inside word", "en", QStringLiteral("The cantilever shelf is in stock."), "negative.cant", false);
    row("policy", "en", QStringLiteral("Sorry, that's our policy."), "negative.policy", true);
    row("guaranteed", "en", QStringLiteral("Delivery is guaranteed."), "promise.guarantee", true);
    row("will ship immediately", "en", QStringLiteral("It will ship immediately."), "promise.immediately", true);
    row("told us immediately is praise", "en", QStringLiteral("Thanks for telling us immediately."), "promise.immediately", false);
    row("date promise", "en", QStringLiteral("It will arrive on Friday."), "promise.date", true);
    row("hedged date", "en", QStringLiteral("It should arrive on Friday, the carrier expects."), "promise.date", false);
    row("apology alone", "en", QStringLiteral("I'm so sorry about this."), "apology.no_next_step", true);
    row("apology with action", "en", QStringLiteral("I'm so sorry. I've refunded the order."), "apology.no_next_step", false);
    row("scripted", "en", QStringLiteral("We apologize for any inconvenience."), "voice.scripted", true);
    row("zh demand", "zh-Hans", QStringLiteral("您必须先寄回商品。"), "blame.demand", true);
    row("zh if you need", "zh-Hans", QStringLiteral("如果您需要发票，请告诉我。"), "blame.demand", false);
    row("zh guarantee", "zh-Hant", QStringLiteral("我保證明天送到。"), "promise.guarantee", true);
    row("zh-Hant date", "zh-Hant", QStringLiteral("帳篷今天晚上一定會送到。"), "promise.date", true);
    row("zh hedged date", "zh-Hans", QStringLiteral("预计周五前送到。"), "promise.date", false);
    row("zh unfortunately", "zh-Hant", QStringLiteral("很遺憾，這是公司規定。"), "negative.unfortunately", true);
    row("el demand", "el", QStringLiteral("Πρέπει να μας στείλετε φωτογραφία."), "blame.demand", true);
    row("el policy", "el", QStringLiteral("Είναι πολιτική της εταιρείας."), "negative.policy", true);
    row("el date", "el", QStringLiteral("Το δέμα θα φτάσει τη Δευτέρα."), "promise.date", true);
    row("el hedged date", "el", QStringLiteral("Αναμένεται να φτάσει τη Δευτέρα."), "promise.date", false);
    row("el should have checked", "el", QStringLiteral("Έπρεπε να ελέγξετε τη διεύθυνση."), "blame.fault", true);
    row("el should have checked, no accents", "el", QStringLiteral("επρεπε να ελεγξετε το μεγεθος"), "blame.fault", true);
    row("el it should not have happened is an apology", "el",
        QStringLiteral("Λυπάμαι, αυτό δεν έπρεπε να συμβεί."), "blame.fault", false);
}

void TestToneLinter::findsRule()
{
    QFETCH(QString, language);
    QFETCH(QString, draft);
    QFETCH(QString, rule);
    QFETCH(bool, expected);
    ToneOptions options;
    options.language = language;
    QStringList found;
    for (const ToneFinding &f : ToneLinter(options).lint(draft))
        found.append(f.ruleId);
    QVERIFY2(found.contains(rule) == expected, qPrintable(found.join(QLatin1Char(','))));
}

void TestToneLinter::spansAndSuggestions()
{
    const QString draft = QStringLiteral("Hi Tom. You need to restart it. Unfortunately it broke.");
    ToneOptions options;
    const QList<ToneFinding> findings = ToneLinter(options).lint(draft);
    QCOMPARE(findings.size(), 2);
    QCOMPARE(findings[0].ruleId, QStringLiteral("blame.demand"));
    QCOMPARE(draft.mid(findings[0].start, findings[0].end - findings[0].start), QStringLiteral("You need to"));
    QCOMPARE(findings[0].severity, Severity::Medium);
    QCOMPARE(ToneLinter::apply(draft, findings[0]),
             QStringLiteral("Hi Tom. Could you restart it. Unfortunately it broke."));
    QCOMPARE(findings[1].ruleId, QStringLiteral("negative.unfortunately"));
    QCOMPARE(ToneLinter::apply(draft, findings[1]),
             QStringLiteral("Hi Tom. You need to restart it. To be upfront, it broke."));
}

void TestToneLinter::greekBlameHasARewrite()
{
    ToneOptions options;
    options.language = QStringLiteral("el");
    const QString draft = QStringLiteral("Γεια σας Ελένη, έπρεπε να ελέγξετε τη διεύθυνση. Σας ευχαριστούμε.");
    const QList<ToneFinding> findings = ToneLinter(options).lint(draft);
    const auto blame = std::find_if(findings.cbegin(), findings.cend(), [](const ToneFinding &f) {
        return f.ruleId == QLatin1String("blame.fault");
    });
    QVERIFY(blame != findings.cend());
    QCOMPARE(draft.mid(blame->start, blame->end - blame->start), QStringLiteral("έπρεπε να ελέγξετε"));
    QCOMPARE(blame->severity, Severity::High);
    QCOMPARE(ToneLinter::apply(draft, *blame),
             QStringLiteral("Γεια σας Ελένη, ας ελέγξουμε μαζί τη διεύθυνση. Σας ευχαριστούμε."));
}

void TestToneLinter::greekIgnoresAccentsAndCase()
{
    ToneOptions options;
    options.language = QStringLiteral("el");
    for (const QString &draft : {QStringLiteral("ΔΥΣΤΥΧΩΣ δεν γίνεται."), QStringLiteral("δυστυχως δεν γινεται."),
                                 QStringLiteral("Δυστυχώς δεν γίνεται.")}) {
        QStringList found;
        for (const ToneFinding &f : ToneLinter(options).lint(draft))
            found.append(f.ruleId);
        QCOMPARE(found, (QStringList{QStringLiteral("negative.unfortunately"), QStringLiteral("negative.cant")}));
    }
}

void TestToneLinter::responseTimeNeedsATarget()
{
    const QString draft = QStringLiteral("I'll get back to you within 2 hours with an answer.");
    ToneOptions options;
    auto rules = [&] {
        QStringList found;
        for (const ToneFinding &f : ToneLinter(options).lint(draft))
            found.append(f.ruleId);
        return found;
    };
    QVERIFY(!rules().contains(QStringLiteral("promise.response_time")));
    options.responseTargetMinutes = 60;
    QVERIFY(!rules().contains(QStringLiteral("promise.response_time")));
    options.responseTargetMinutes = 240;
    QVERIFY(rules().contains(QStringLiteral("promise.response_time")));

    options.language = QStringLiteral("zh-Hans");
    const QString zh = QStringLiteral("我们会在半小时内回复您。");
    bool found = false;
    for (const ToneFinding &f : ToneLinter(options).lint(zh))
        found = found || f.ruleId == QLatin1String("promise.response_time");
    QVERIFY(found);
}

void TestToneLinter::formalityDependsOnTheInbox()
{
    const QString casualDraft = QStringLiteral("Hey, no worries, gonna fix it 😊");
    const QString stiffDraft = QStringLiteral("Kindly be informed that we shall revert.");
    auto count = [](Formality formality, const QString &draft, const char *rule) {
        ToneOptions options;
        options.formality = formality;
        int n = 0;
        for (const ToneFinding &f : ToneLinter(options).lint(draft))
            n += f.ruleId == QLatin1String(rule) ? 1 : 0;
        return n;
    };
    QCOMPARE(count(Formality::Formal, casualDraft, "formality.casual"), 4); // hey, no worries, gonna, emoji
    QCOMPARE(count(Formality::Neutral, casualDraft, "formality.casual"), 0);
    QCOMPARE(count(Formality::Casual, stiffDraft, "formality.stiff"), 3);
    QCOMPARE(count(Formality::Formal, stiffDraft, "formality.stiff"), 0);
}

void TestToneLinter::nameUsage_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("draft");
    QTest::addColumn<bool>("flagged");
    QTest::newRow("first name") << QStringLiteral("en") << QStringLiteral("Priya Shah") << QStringLiteral("Hi Priya,") << false;
    QTest::newRow("surname") << QStringLiteral("en") << QStringLiteral("Margaret Ellis") << QStringLiteral("Dear Ms Ellis,") << false;
    QTest::newRow("not used") << QStringLiteral("en") << QStringLiteral("Ava Wilson") << QStringLiteral("Hello, available now.") << true;
    QTest::newRow("greek vocative") << QStringLiteral("el") << QStringLiteral("Δημήτρης Κ.") << QStringLiteral("Γεια σας Δημήτρη,") << false;
    QTest::newRow("chinese title") << QStringLiteral("zh-Hans") << QStringLiteral("王丽") << QStringLiteral("王女士您好") << false;
    QTest::newRow("chinese not used") << QStringLiteral("zh-Hant") << QStringLiteral("林美玲") << QStringLiteral("您好") << true;
}

void TestToneLinter::nameUsage()
{
    QFETCH(QString, language);
    QFETCH(QString, name);
    QFETCH(QString, draft);
    QFETCH(bool, flagged);
    ToneOptions options;
    options.language = language;
    options.customerName = name;
    bool found = false;
    for (const ToneFinding &f : ToneLinter(options).lint(draft)) {
        if (f.ruleId == QLatin1String("name.unused")) {
            found = true;
            QCOMPARE(f.start, 0);
            QVERIFY(ToneLinter::apply(draft, f).endsWith(draft));
        }
    }
    QCOMPARE(found, flagged);
}

void TestToneLinter::wallOfTextOnlyInEmail()
{
    QString draft;
    for (int i = 0; i < 12; ++i)
        draft += QStringLiteral("We checked the parcel and it is at the depot now. ");
    ToneOptions options;
    bool found = false;
    for (const ToneFinding &f : ToneLinter(options).lint(draft)) {
        if (f.ruleId == QLatin1String("length.no_breaks")) {
            found = true;
            QVERIFY(ToneLinter::apply(draft, f).contains(QLatin1String("\n\n")));
        }
    }
    QVERIFY(found);
    options.channel = Domain::ChannelKind::WebChat;
    for (const ToneFinding &f : ToneLinter(options).lint(draft))
        QVERIFY(f.ruleId != QLatin1String("length.no_breaks"));
}

QTEST_GUILESS_MAIN(TestToneLinter)
#include "TestToneLinter.moc"
