#include "compose/Template.h"
#include "compose/TemplateEngine.h"

#include <QTest>

using namespace Counterpart;
using namespace Counterpart::Compose;

class TestTemplateEngine : public QObject
{
    Q_OBJECT

private slots:
    void render_data();
    void render();
    void reportsUndefinedAndKeepsThemVisible();
    void flagsUnknownVariables();
    void promptedFields();
    void spansPointIntoTheOutput();
    void contextFromConversation();
    void unresolvedInDraft();
    void pickLanguage_data();
    void pickLanguage();
    void pickForm_data();
    void pickForm();
};

static TemplateContext sampleContext()
{
    TemplateContext c;
    c.values.insert(QStringLiteral("contact.first_name"), QStringLiteral("Priya"));
    c.values.insert(QStringLiteral("agent.first_name"), QStringLiteral("Sam"));
    c.values.insert(QStringLiteral("conversation.id"), QStringLiteral("4821"));
    c.values.insert(QStringLiteral("contact.custom.order_id"), QStringLiteral("A-77"));
    c.values.insert(QStringLiteral("contact.company"), QString());
    c.answers.insert(QStringLiteral("Delivery date"), QStringLiteral("Friday 14 June"));
    return c;
}

void TestTemplateEngine::render_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain") << QStringLiteral("No variables.") << QStringLiteral("No variables.");
    QTest::newRow("value") << QStringLiteral("Hi {{contact.first_name}},")
                           << QStringLiteral("Hi Priya,");
    QTest::newRow("value wins over fallback") << QStringLiteral("Hi {{contact.first_name|there}}")
                                              << QStringLiteral("Hi Priya");
    QTest::newRow("fallback when missing") << QStringLiteral("Hi {{contact.last_name|there}}")
                                           << QStringLiteral("Hi there");
    QTest::newRow("fallback when empty") << QStringLiteral("At {{contact.company|your company}}")
                                         << QStringLiteral("At your company");
    QTest::newRow("empty fallback") << QStringLiteral("Hi{{contact.last_name|}}!")
                                    << QStringLiteral("Hi!");
    QTest::newRow("spaces inside braces") << QStringLiteral("{{ agent.first_name | me }} here")
                                          << QStringLiteral("Sam here");
    QTest::newRow("custom attribute") << QStringLiteral("Order {{contact.custom.order_id}}")
                                      << QStringLiteral("Order A-77");
    QTest::newRow("conversation id") << QStringLiteral("Ref #{{conversation.id}}")
                                     << QStringLiteral("Ref #4821");
    QTest::newRow("answered prompt") << QStringLiteral("Arrives {{ask:Delivery date}}.")
                                     << QStringLiteral("Arrives Friday 14 June.");
    QTest::newRow("fallback with chinese") << QStringLiteral("{{contact.last_name|您}}好")
                                           << QStringLiteral("您好");
    QTest::newRow("not a placeholder stays") << QStringLiteral("Use {{ }} or {{a b}} literally")
                                             << QStringLiteral("Use {{ }} or {{a b}} literally");
    QTest::newRow("unclosed stays") << QStringLiteral("Hi {{contact.first_name")
                                    << QStringLiteral("Hi {{contact.first_name");
    QTest::newRow("nested opening") << QStringLiteral("{{{{agent.first_name}}")
                                    << QStringLiteral("{{Sam");
    QTest::newRow("repeated") << QStringLiteral("{{agent.first_name}}/{{agent.first_name}}")
                              << QStringLiteral("Sam/Sam");
}

void TestTemplateEngine::render()
{
    QFETCH(QString, source);
    QFETCH(QString, expected);
    const RenderResult r = TemplateEngine::render(source, sampleContext());
    QCOMPARE(r.text, expected);
    QVERIFY2(r.isComplete(), qPrintable(r.undefined.join(QLatin1Char(','))));
}

void TestTemplateEngine::reportsUndefinedAndKeepsThemVisible()
{
    const RenderResult r = TemplateEngine::render(
        QStringLiteral("Hi {{contact.last_name}}, ready by {{ask:Pickup time}}; {{contact.last_name}}"),
        sampleContext());
    QCOMPARE(r.undefined, (QStringList{QStringLiteral("contact.last_name"),
                                        QStringLiteral("ask:Pickup time")}));
    QCOMPARE(r.text, QStringLiteral("Hi {{contact.last_name}}, ready by {{ask:Pickup time}}; "
                                    "{{contact.last_name}}"));
    QVERIFY(!r.isComplete());
    QVERIFY(r.unknown.isEmpty());
}

void TestTemplateEngine::flagsUnknownVariables()
{
    const RenderResult r = TemplateEngine::render(
        QStringLiteral("Hi {{contact.frist_name|there}} {{order.total}}"), sampleContext());
    QCOMPARE(r.unknown, (QStringList{QStringLiteral("contact.frist_name"),
                                      QStringLiteral("order.total")}));
    // The fallback still renders, but the one without a fallback is undefined.
    QCOMPARE(r.text, QStringLiteral("Hi there {{order.total}}"));
    QCOMPARE(r.undefined, QStringList{QStringLiteral("order.total")});
    QVERIFY(TemplateEngine::isKnownVariable(QStringLiteral("contact.custom.anything")));
    QVERIFY(!TemplateEngine::isKnownVariable(QStringLiteral("contact.custom.")));
}

void TestTemplateEngine::promptedFields()
{
    const QString source = QStringLiteral(
        "New date: {{ask:Delivery date}}. Carrier: {{ ask: Carrier }}. Again {{ask:Delivery date}}"
        " {{ask:}}");
    QCOMPARE(TemplateEngine::promptedFields(source),
             (QStringList{QStringLiteral("Delivery date"), QStringLiteral("Carrier")}));
    TemplateContext context;
    const RenderResult unanswered = TemplateEngine::render(source, context);
    QCOMPARE(unanswered.prompts, TemplateEngine::promptedFields(source));
    QCOMPARE(unanswered.undefined.size(), 2);

    context.answers.insert(QStringLiteral("Delivery date"), QStringLiteral("Tuesday"));
    context.answers.insert(QStringLiteral("Carrier"), QStringLiteral("DHL"));
    const RenderResult answered = TemplateEngine::render(source, context);
    QVERIFY(answered.isComplete());
    QCOMPARE(answered.text, QStringLiteral("New date: Tuesday. Carrier: DHL. Again Tuesday {{ask:}}"));
}

void TestTemplateEngine::spansPointIntoTheOutput()
{
    const RenderResult r = TemplateEngine::render(
        QStringLiteral("Hi {{contact.first_name}} and {{contact.last_name|there}} {{x.y}}"),
        sampleContext());
    QCOMPARE(r.spans.size(), 3);
    QCOMPARE(r.text.mid(r.spans[0].start, r.spans[0].length), QStringLiteral("Priya"));
    QCOMPARE(r.spans[0].fill, RenderedSpan::Fill::Value);
    QCOMPARE(r.text.mid(r.spans[1].start, r.spans[1].length), QStringLiteral("there"));
    QCOMPARE(r.spans[1].fill, RenderedSpan::Fill::Fallback);
    QCOMPARE(r.text.mid(r.spans[2].start, r.spans[2].length), QStringLiteral("{{x.y}}"));
    QCOMPARE(r.spans[2].fill, RenderedSpan::Fill::Undefined);
}

void TestTemplateEngine::contextFromConversation()
{
    Domain::Contact contact;
    contact.name = QStringLiteral("Priya  Shah");
    contact.customAttributes.insert(QStringLiteral("order_id"), QStringLiteral("48213"));
    contact.customAttributes.insert(QStringLiteral("lifetime_value"), 1250);
    Domain::Agent agent;
    agent.name = QStringLiteral("Sam Porter");
    Domain::Conversation conversation;
    conversation.remoteId = 912;
    Domain::Inbox inbox;
    inbox.name = QStringLiteral("Support");
    const TemplateContext c = TemplateContext::fromConversation(contact, agent, conversation, inbox);
    const RenderResult r = TemplateEngine::render(
        QStringLiteral("{{contact.first_name}} {{contact.last_name}} {{contact.custom.order_id}} "
                       "{{contact.custom.lifetime_value}} {{agent.first_name}} "
                       "#{{conversation.id}} {{inbox.name}}"),
        c);
    QCOMPARE(r.text, QStringLiteral("Priya Shah 48213 1250 Sam #912 Support"));

    QCOMPARE(TemplateContext::firstNameOf(QStringLiteral("王丽")), QStringLiteral("王丽"));
    QCOMPARE(TemplateContext::lastNameOf(QStringLiteral("王丽")), QStringLiteral("王"));
    QCOMPARE(TemplateContext::firstNameOf(QStringLiteral("Μαρία Παπαδοπούλου")),
             QStringLiteral("Μαρία"));
}

void TestTemplateEngine::unresolvedInDraft()
{
    QCOMPARE(TemplateEngine::unresolvedIn(QStringLiteral("Hi Priya, see {{ask:Date}} and "
                                                         "{{contact.phone}} {{ask:Date}}")),
             (QStringList{QStringLiteral("ask:Date"), QStringLiteral("contact.phone")}));
    QVERIFY(TemplateEngine::unresolvedIn(QStringLiteral("Plain {braces} {{ }}")).isEmpty());
}

static Template multiTemplate()
{
    Template t;
    t.variants = {
        {QStringLiteral("en"), TemplateForm::Full, QStringLiteral("S"), QStringLiteral("en full")},
        {QStringLiteral("en"), TemplateForm::Short, QString(), QStringLiteral("en short")},
        {QStringLiteral("zh-Hans"), TemplateForm::Any, QString(), QStringLiteral("zh-Hans any")},
        {QStringLiteral("el"), TemplateForm::Full, QString(), QStringLiteral("el full")},
    };
    return t;
}

void TestTemplateEngine::pickLanguage_data()
{
    QTest::addColumn<QString>("contactLanguage");
    QTest::addColumn<QString>("expectedBody");

    QTest::newRow("en") << QStringLiteral("en-GB") << QStringLiteral("en full");
    QTest::newRow("zh-CN") << QStringLiteral("zh-CN") << QStringLiteral("zh-Hans any");
    QTest::newRow("zh") << QStringLiteral("zh") << QStringLiteral("zh-Hans any");
    QTest::newRow("zh-TW falls back to simplified") << QStringLiteral("zh-TW")
                                                    << QStringLiteral("zh-Hans any");
    QTest::newRow("zh_HK underscore") << QStringLiteral("zh_HK") << QStringLiteral("zh-Hans any");
    QTest::newRow("el-GR") << QStringLiteral("el-GR") << QStringLiteral("el full");
    QTest::newRow("unknown is english") << QStringLiteral("fr-FR") << QStringLiteral("en full");
    QTest::newRow("empty is english") << QString() << QStringLiteral("en full");
}

void TestTemplateEngine::pickLanguage()
{
    QFETCH(QString, contactLanguage);
    QFETCH(QString, expectedBody);
    const Template t = multiTemplate();
    const TemplateVariant *v = t.pick(contactLanguage, Domain::ChannelKind::Email);
    QVERIFY(v);
    QCOMPARE(v->body, expectedBody);
}

void TestTemplateEngine::pickForm_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("channel");
    QTest::addColumn<QString>("expectedBody");

    QTest::newRow("email full") << QStringLiteral("en") << int(Domain::ChannelKind::Email)
                                << QStringLiteral("en full");
    QTest::newRow("sms short") << QStringLiteral("en") << int(Domain::ChannelKind::Sms)
                               << QStringLiteral("en short");
    QTest::newRow("whatsapp short") << QStringLiteral("en") << int(Domain::ChannelKind::WhatsApp)
                                    << QStringLiteral("en short");
    QTest::newRow("chat takes any") << QStringLiteral("zh-Hans")
                                    << int(Domain::ChannelKind::WebChat)
                                    << QStringLiteral("zh-Hans any");
    QTest::newRow("sms without short takes full") << QStringLiteral("el")
                                                  << int(Domain::ChannelKind::Sms)
                                                  << QStringLiteral("el full");
}

void TestTemplateEngine::pickForm()
{
    QFETCH(QString, language);
    QFETCH(int, channel);
    QFETCH(QString, expectedBody);
    const Template t = multiTemplate();
    const TemplateVariant *v = t.pick(language, Domain::ChannelKind(channel));
    QVERIFY(v);
    QCOMPARE(v->body, expectedBody);
    QVERIFY(!Template().pick(language, Domain::ChannelKind::Email));
}

QTEST_GUILESS_MAIN(TestTemplateEngine)
#include "TestTemplateEngine.moc"
