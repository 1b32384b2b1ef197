#include "compose/ComposeLanguage.h"
#include "compose/TemplateEngine.h"
#include "compose/TemplateLibrary.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Counterpart;
using namespace Counterpart::Compose;

class TestTemplateLibrary : public QObject
{
    Q_OBJECT

private slots:
    void exportThenImportIsLossless();
    void rejectsForeignAndNewerFiles_data();
    void rejectsForeignAndNewerFiles();
    void skipsTemplatesWithoutText();
    void convertLiquid_data();
    void convertLiquid();
    void importsChatwootCannedResponses();
    void starterLibraryCoversEveryLanguage();
    void starterTemplatesUseOnlyKnownVariables();
};

static Template sample()
{
    Template t;
    t.uid = QStringLiteral("team.damaged");
    t.name = QStringLiteral("Damaged package");
    t.shortcut = QStringLiteral("damaged");
    t.folder = QStringLiteral("Orders");
    t.scope = TemplateScope::Shared;
    t.tone = QStringLiteral("empathetic");
    t.guidance = QStringLiteral("Don't ask for the broken item back.");
    t.latteSteps = {LatteStep::Acknowledge, LatteStep::TakeAction};
    t.variants = {
        {QStringLiteral("en"), TemplateForm::Full, QStringLiteral("Replacement"),
         QStringLiteral("Hi {{contact.first_name|there}},\n\nSorry!")},
        {QStringLiteral("zh-Hant"), TemplateForm::Short, QString(), QStringLiteral("很抱歉")},
    };
    return t;
}

void TestTemplateLibrary::exportThenImportIsLossless()
{
    const QList<Template> original{sample()};
    const LibraryImport back = TemplateLibrary::importJson(TemplateLibrary::exportJson(original));
    QVERIFY2(back.ok(), qPrintable(back.error));
    QVERIFY(back.warnings.isEmpty());
    QCOMPARE(back.templates.size(), 1);
    QCOMPARE(back.templates.first(), original.first());

    const QJsonObject root = QJsonDocument::fromJson(TemplateLibrary::exportJson(original)).object();
    QCOMPARE(root.value(u"format").toString(), QStringLiteral("counterpart-templates"));
    QCOMPARE(root.value(u"version").toInt(), TemplateLibrary::formatVersion);
}

void TestTemplateLibrary::rejectsForeignAndNewerFiles_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("not json") << QByteArray("{nope");
    QTest::newRow("other format") << QByteArray(R"({"format":"something","version":1})");
    QTest::newRow("newer version")
        << QByteArray(R"({"format":"counterpart-templates","version":99,"templates":[]})");
    QTest::newRow("version zero")
        << QByteArray(R"({"format":"counterpart-templates","templates":[]})");
}

void TestTemplateLibrary::rejectsForeignAndNewerFiles()
{
    QFETCH(QByteArray, json);
    const LibraryImport result = TemplateLibrary::importJson(json);
    QVERIFY(!result.ok());
    QVERIFY(result.templates.isEmpty());
}

void TestTemplateLibrary::skipsTemplatesWithoutText()
{
    const QByteArray json = R"({"format":"counterpart-templates","version":1,"templates":[
        {"name":"Empty","variants":[]},
        {"name":"Ok","latte":["thank","bogus"],"variants":[{"language":"zh-TW","body":"謝謝"}]}]})";
    const LibraryImport result = TemplateLibrary::importJson(json);
    QVERIFY(result.ok());
    QCOMPARE(result.templates.size(), 1);
    QCOMPARE(result.templates.first().variants.first().language, QStringLiteral("zh-Hant"));
    QCOMPARE(result.templates.first().latteSteps, QList<LatteStep>{LatteStep::Thank});
    QCOMPARE(result.warnings.size(), 2);
}

void TestTemplateLibrary::convertLiquid_data()
{
    QTest::addColumn<QString>("liquid");
    QTest::addColumn<QString>("ours");
    QTest::addColumn<int>("warnings");

    QTest::newRow("plain") << QStringLiteral("Hi {{contact.name}}") << QStringLiteral("Hi {{contact.name}}") << 0;
    QTest::newRow("spaces") << QStringLiteral("Hi {{ contact.first_name }}!")
                            << QStringLiteral("Hi {{contact.first_name}}!") << 0;
    QTest::newRow("default filter") << QStringLiteral("Hi {{ contact.name | default: 'there' }}")
                                    << QStringLiteral("Hi {{contact.name|there}}") << 0;
    QTest::newRow("double quoted default")
        << QStringLiteral("{{agent.name | default: \"the team\"}}")
        << QStringLiteral("{{agent.name|the team}}") << 0;
    QTest::newRow("custom attribute")
        << QStringLiteral("Order {{contact.custom_attribute.order_id}}")
        << QStringLiteral("Order {{contact.custom.order_id}}") << 0;
    QTest::newRow("other filter dropped") << QStringLiteral("{{ contact.name | upcase }}")
                                          << QStringLiteral("{{contact.name}}") << 1;
    QTest::newRow("tag kept") << QStringLiteral("{% if contact.name %}Hi{% endif %}")
                              << QStringLiteral("{% if contact.name %}Hi{% endif %}") << 1;
}

void TestTemplateLibrary::convertLiquid()
{
    QFETCH(QString, liquid);
    QFETCH(QString, ours);
    QFETCH(int, warnings);
    QStringList w;
    QCOMPARE(TemplateLibrary::convertLiquid(liquid, &w), ours);
    QCOMPARE(w.size(), warnings);
}

void TestTemplateLibrary::importsChatwootCannedResponses()
{
    const QByteArray json = R"([
        {"id": 7, "account_id": 3, "short_code": "refund", "content": "Hi {{contact.first_name}}, your refund is on its way. {{agent.name}}", "created_at": "2024-01-01T00:00:00Z"},
        {"id": 8, "account_id": 3, "short_code": "", "content": "no code"}
    ])";
    const LibraryImport result = TemplateLibrary::importChatwootCannedResponses(json, QStringLiteral("el-GR"));
    QVERIFY(result.ok());
    QCOMPARE(result.templates.size(), 1);
    QCOMPARE(result.warnings.size(), 1);
    const Template &t = result.templates.first();
    QCOMPARE(t.uid, QStringLiteral("chatwoot:3:7"));
    QCOMPARE(t.shortcut, QStringLiteral("refund"));
    QCOMPARE(t.scope, TemplateScope::Shared);
    QCOMPARE(t.variants.first().language, QStringLiteral("el"));
    TemplateContext context;
    context.values.insert(QStringLiteral("contact.first_name"), QStringLiteral("Νίκος"));
    context.values.insert(QStringLiteral("agent.name"), QStringLiteral("Sam"));
    const RenderResult r = TemplateEngine::render(t.variants.first().body, context);
    QVERIFY(r.isComplete());
    QCOMPARE(r.text, QStringLiteral("Hi Νίκος, your refund is on its way. Sam"));

    QVERIFY(!TemplateLibrary::importChatwootCannedResponses("{\"not\":\"a list\"}").ok());
}

void TestTemplateLibrary::starterLibraryCoversEveryLanguage()
{
    const LibraryImport starter = TemplateLibrary::starter();
    QVERIFY2(starter.ok(), qPrintable(starter.error));
    QVERIFY(starter.warnings.isEmpty());
    QVERIFY(starter.templates.size() >= 12);
    QSet<QString> uids;
    for (const Template &t : starter.templates) {
        QVERIFY2(!uids.contains(t.uid), qPrintable(t.uid));
        uids.insert(t.uid);
        QVERIFY2(!t.shortcut.isEmpty() && !t.guidance.isEmpty() && !t.tone.isEmpty(),
                 qPrintable(t.uid));
        for (const QString &language : ComposeLanguage::supported())
            QVERIFY2(t.languages().contains(language), qPrintable(t.uid + QLatin1Char(' ') + language));
    }
    for (const char *uid : {"starter.lost-order", "starter.damaged-package", "starter.refund",
                            "starter.password-reset", "starter.delay-carrier",
                            "starter.delay-warehouse", "starter.peak-season",
                            "starter.closing-fix", "starter.next-steps-refund"})
        QVERIFY2(uids.contains(QString::fromLatin1(uid)), uid);

    // Chat and SMS get the short text where one exists.
    const auto lost = std::find_if(starter.templates.begin(), starter.templates.end(),
                                   [](const Template &t) { return t.uid == QLatin1String("starter.lost-order"); });
    QVERIFY(lost != starter.templates.end());
    QCOMPARE(lost->pick(QStringLiteral("zh-HK"), Domain::ChannelKind::Sms)->form, TemplateForm::Short);
    QCOMPARE(lost->pick(QStringLiteral("zh-HK"), Domain::ChannelKind::Sms)->language,
             QStringLiteral("zh-Hant"));
    QCOMPARE(lost->pick(QStringLiteral("el"), Domain::ChannelKind::Email)->form, TemplateForm::Full);
}

void TestTemplateLibrary::starterTemplatesUseOnlyKnownVariables()
{
    for (const Template &t : TemplateLibrary::starter().templates) {
        for (const TemplateVariant &v : t.variants) {
            const QString where = t.uid + QLatin1Char('/') + v.language;
            // Every "{{" must open a placeholder the engine understands: no typos left in text.
            QCOMPARE(v.body.count(QLatin1String("{{")), TemplateEngine::parse(v.body).size());
            for (const Placeholder &p : TemplateEngine::parse(v.body + v.subject)) {
                if (p.kind == Placeholder::Kind::Variable)
                    QVERIFY2(TemplateEngine::isKnownVariable(p.name), qPrintable(where + QLatin1Char(' ') + p.name));
            }
        }
    }
}

QTEST_GUILESS_MAIN(TestTemplateLibrary)
#include "TestTemplateLibrary.moc"
