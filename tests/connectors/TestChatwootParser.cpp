#include "connectors/chatwoot/ChatwootParser.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>

using namespace Counterpart;
using namespace Counterpart::Connectors::Chatwoot;

namespace {

QJsonObject fixture(const char *name)
{
    QFile file(QStringLiteral(COUNTERPART_TEST_DATA_DIR "/chatwoot/%1.json").arg(QLatin1String(name)));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return QJsonDocument::fromJson(file.readAll()).object();
}

QJsonValue parsedJson(const QByteArray &text)
{
    return QJsonDocument::fromJson("[" + text + "]").array().at(0);
}

} // namespace

class TestChatwootParser : public QObject
{
    Q_OBJECT
private slots:
    void time_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<qint64>("msecs"); // -1: invalid
        QTest::newRow("int seconds") << QByteArray("1724398739") << qint64(1724398739000);
        QTest::newRow("float seconds") << QByteArray("1724398739.25") << qint64(1724398739250);
        QTest::newRow("iso with ms") << QByteArray("\"2024-08-23T07:38:59.763Z\"") << qint64(1724398739763);
        QTest::newRow("iso offset") << QByteArray("\"2024-08-23T09:38:59+02:00\"") << qint64(1724398739000);
        QTest::newRow("numeric string") << QByteArray("\"1724398739\"") << qint64(1724398739000);
        QTest::newRow("null") << QByteArray("null") << qint64(-1);
        QTest::newRow("zero") << QByteArray("0") << qint64(-1);
        QTest::newRow("empty string") << QByteArray("\"\"") << qint64(-1);
        QTest::newRow("nonsense") << QByteArray("\"yesterday\"") << qint64(-1);
        QTest::newRow("object") << QByteArray("{}") << qint64(-1);
    }
    void time()
    {
        QFETCH(QByteArray, json);
        QFETCH(qint64, msecs);
        const QDateTime parsed = ChatwootParser::time(parsedJson(json));
        if (msecs < 0) {
            QVERIFY(!parsed.isValid());
        } else {
            QVERIFY(parsed.isValid());
            QCOMPARE(parsed.toMSecsSinceEpoch(), msecs);
        }
    }

    void channelKind_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("medium");
        QTest::addColumn<Domain::ChannelKind>("kind");
        QTest::newRow("api") << "Channel::Api" << "" << Domain::ChannelKind::Api;
        QTest::newRow("email") << "Channel::Email" << "" << Domain::ChannelKind::Email;
        QTest::newRow("facebook") << "Channel::FacebookPage" << "" << Domain::ChannelKind::Facebook;
        QTest::newRow("instagram") << "Channel::Instagram" << "" << Domain::ChannelKind::Instagram;
        QTest::newRow("sms") << "Channel::Sms" << "" << Domain::ChannelKind::Sms;
        QTest::newRow("telegram") << "Channel::Telegram" << "" << Domain::ChannelKind::Telegram;
        QTest::newRow("widget") << "Channel::WebWidget" << "" << Domain::ChannelKind::WebChat;
        QTest::newRow("whatsapp") << "Channel::Whatsapp" << "" << Domain::ChannelKind::WhatsApp;
        QTest::newRow("twilio whatsapp") << "Channel::TwilioSms" << "whatsapp" << Domain::ChannelKind::WhatsApp;
        QTest::newRow("twilio sms") << "Channel::TwilioSms" << "sms" << Domain::ChannelKind::Sms;
        QTest::newRow("twilio no medium") << "Channel::TwilioSms" << "" << Domain::ChannelKind::Sms;
        QTest::newRow("line") << "Channel::Line" << "" << Domain::ChannelKind::Api;
        QTest::newRow("unknown") << "Channel::Carrier pigeon" << "" << Domain::ChannelKind::Api;
        QTest::newRow("empty") << "" << "" << Domain::ChannelKind::Api;
    }
    void channelKind()
    {
        QFETCH(QString, type);
        QFETCH(QString, medium);
        QFETCH(Domain::ChannelKind, kind);
        QCOMPARE(ChatwootParser::channelKind(type, medium), kind);
    }

    void conversationFixture()
    {
        Storage::IngestBatch batch;
        ChatwootParser::addConversation(fixture("conversation"), batch);
        QCOMPARE(batch.conversations.size(), 1);
        const Domain::Conversation conversation = batch.conversations.first();
        QCOMPARE(conversation.remoteId, 138);
        QCOMPARE(conversation.inboxId, 1);
        QCOMPARE(conversation.contactId, 212);
        QCOMPARE(conversation.assigneeId, 1);
        QCOMPARE(conversation.status, Domain::ConversationStatus::Open);
        QCOMPARE(conversation.priority, Domain::Priority::None);
        QCOMPARE(conversation.labels, QStringList{QStringLiteral("billing")});
        QCOMPARE(conversation.lastActivityAt.toSecsSinceEpoch(), 1724398739);
        QCOMPARE(conversation.firstReplyAt.toSecsSinceEpoch(), 1722592316);
        QVERIFY(!conversation.waitingSince.isValid()); // 0 = not waiting
        QVERIFY(!conversation.snoozedUntil.isValid()); // null
        QCOMPARE(batch.contacts.size(), 1);
        QCOMPARE(batch.contacts.first().name, QStringLiteral("Chatwoot"));
        QCOMPARE(batch.agents.size(), 1);
        QCOMPARE(batch.agents.first().role, QStringLiteral("administrator"));
        QCOMPARE(batch.messages.size(), 1);
        const Domain::Message last = batch.messages.first();
        QCOMPARE(last.remoteId, 3348);
        QCOMPARE(last.conversationId, 138);
        QCOMPARE(last.kind, Domain::MessageKind::Outgoing);
        QCOMPARE(last.senderKind, Domain::SenderKind::Agent);
        QCOMPARE(last.senderId, 1);
    }

    void conversationVariants_data()
    {
        QTest::addColumn<QByteArray>("patch");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("priority");
        QTest::addColumn<qint64>("assignee");
        QTest::addColumn<qint64>("snoozedUntil");
        QTest::newRow("resolved urgent") << QByteArray(R"({"status":"resolved","priority":"urgent"})")
                                         << int(Domain::ConversationStatus::Resolved) << int(Domain::Priority::Urgent) << qint64(1) << qint64(0);
        QTest::newRow("snoozed iso") << QByteArray(R"({"status":"snoozed","snoozed_until":"2024-09-01T08:00:00.000Z"})")
                                     << int(Domain::ConversationStatus::Snoozed) << int(Domain::Priority::None) << qint64(1) << qint64(1725177600);
        QTest::newRow("pending low") << QByteArray(R"({"status":"pending","priority":"low"})")
                                     << int(Domain::ConversationStatus::Pending) << int(Domain::Priority::Low) << qint64(1) << qint64(0);
        QTest::newRow("bot assignee") << QByteArray(R"({"meta":{"assignee":{"id":7,"type":"agent_bot"},"assignee_type":"AgentBot"}})")
                                      << int(Domain::ConversationStatus::Open) << int(Domain::Priority::None) << qint64(0) << qint64(0);
        QTest::newRow("null everything") << QByteArray(R"({"meta":{},"labels":null,"status":null,"priority":null,"snoozed_until":null})")
                                         << int(Domain::ConversationStatus::Open) << int(Domain::Priority::None) << qint64(0) << qint64(0);
        QTest::newRow("unknown status") << QByteArray(R"({"status":"archived","priority":"whenever"})")
                                        << int(Domain::ConversationStatus::Open) << int(Domain::Priority::None) << qint64(1) << qint64(0);
    }
    void conversationVariants()
    {
        QFETCH(QByteArray, patch);
        QFETCH(int, status);
        QFETCH(int, priority);
        QFETCH(qint64, assignee);
        QFETCH(qint64, snoozedUntil);
        QJsonObject json = fixture("conversation");
        const QJsonObject changes = QJsonDocument::fromJson(patch).object();
        for (auto it = changes.begin(); it != changes.end(); ++it)
            json.insert(it.key(), it.value());
        const Domain::Conversation conversation = ChatwootParser::conversation(json);
        QCOMPARE(int(conversation.status), status);
        QCOMPARE(int(conversation.priority), priority);
        QCOMPARE(conversation.assigneeId, assignee);
        QCOMPARE(conversation.snoozedUntil.isValid() ? conversation.snoozedUntil.toSecsSinceEpoch() : 0, snoozedUntil);
    }

    void message_data()
    {
        QTest::addColumn<QByteArray>("patch");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("sender");
        QTest::addColumn<int>("delivery");
        QTest::newRow("fixture incoming") << QByteArray("{}") << int(Domain::MessageKind::Incoming)
                                          << int(Domain::SenderKind::Contact) << int(Domain::DeliveryState::Sent);
        QTest::newRow("outgoing user") << QByteArray(R"({"message_type":1,"sender":{"id":3,"type":"user","name":"Al"},"status":"delivered"})")
                                       << int(Domain::MessageKind::Outgoing) << int(Domain::SenderKind::Agent) << int(Domain::DeliveryState::Delivered);
        QTest::newRow("private note") << QByteArray(R"({"message_type":1,"private":true,"sender":{"id":3,"type":"user"}})")
                                      << int(Domain::MessageKind::Note) << int(Domain::SenderKind::Agent) << int(Domain::DeliveryState::Sent);
        QTest::newRow("activity") << QByteArray(R"({"message_type":2,"sender":null})")
                                  << int(Domain::MessageKind::Activity) << int(Domain::SenderKind::System) << int(Domain::DeliveryState::Sent);
        QTest::newRow("template") << QByteArray(R"({"message_type":3,"sender":{"id":9,"type":"agent_bot"}})")
                                  << int(Domain::MessageKind::Outgoing) << int(Domain::SenderKind::Bot) << int(Domain::DeliveryState::Sent);
        QTest::newRow("string type") << QByteArray(R"({"message_type":"outgoing","sender":null,"sender_type":"User","sender_id":4,"status":"failed"})")
                                     << int(Domain::MessageKind::Outgoing) << int(Domain::SenderKind::Agent) << int(Domain::DeliveryState::Failed);
        QTest::newRow("read") << QByteArray(R"({"status":"read"})") << int(Domain::MessageKind::Incoming)
                              << int(Domain::SenderKind::Contact) << int(Domain::DeliveryState::Read);
    }
    void message()
    {
        QFETCH(QByteArray, patch);
        QFETCH(int, kind);
        QFETCH(int, sender);
        QFETCH(int, delivery);
        QJsonObject json = fixture("message");
        const QJsonObject changes = QJsonDocument::fromJson(patch).object();
        for (auto it = changes.begin(); it != changes.end(); ++it)
            json.insert(it.key(), it.value());
        const Domain::Message message = ChatwootParser::message(json);
        QCOMPARE(message.remoteId, 5296);
        QCOMPARE(message.conversationId, 1016);
        QCOMPARE(message.createdAt.toSecsSinceEpoch(), 1732710571);
        QCOMPARE(int(message.kind), kind);
        QCOMPARE(int(message.senderKind), sender);
        QCOMPARE(int(message.delivery), delivery);
        if (json.value(QLatin1String("sender")).isObject())
            QVERIFY(message.senderId > 0);
    }

    void attachment()
    {
        QJsonObject json = fixture("message");
        json.insert(QStringLiteral("attachments"), QJsonArray{fixture("attachment")});
        const Domain::Message message = ChatwootParser::message(json);
        QCOMPARE(message.attachments.size(), 1);
        QCOMPARE(message.attachments.first().url, QStringLiteral("https://picsum.photos/500"));
        QCOMPARE(message.attachments.first().size, 983912);
        QCOMPARE(message.attachments.first().contentType, QStringLiteral("image"));
    }

    void referenceData()
    {
        const Domain::Inbox inbox = ChatwootParser::inbox(fixture("inbox"));
        QCOMPARE(inbox.remoteId, 2);
        QCOMPARE(inbox.name, QStringLiteral("Test Widget 1"));
        QCOMPARE(inbox.channel, Domain::ChannelKind::WebChat);
        const Domain::Contact contact = ChatwootParser::contact(fixture("contact"));
        QCOMPARE(contact.remoteId, 212);
        QVERIFY(contact.email.isEmpty()); // null
        QCOMPARE(contact.createdAt.toSecsSinceEpoch(), 1722588710);
        const ChatwootCannedResponse canned = ChatwootParser::cannedResponse(fixture("canned_response"));
        QCOMPARE(canned.shortCode, QStringLiteral("welcome"));
        QVERIFY(canned.content.contains(QLatin1String("{{contact.name}}")));
    }

    void lists_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("ok");
        QTest::newRow("wrapped") << QByteArray(R"({"data":{"meta":{"all_count":1},"payload":[]}})") << true;
        QTest::newRow("filter shape (no data)") << QByteArray(R"({"meta":{},"payload":[]})") << false;
        QTest::newRow("payload not array") << QByteArray(R"({"data":{"payload":{}}})") << false;
        QTest::newRow("item not object") << QByteArray(R"({"data":{"payload":[1]}})") << false;
        QTest::newRow("array root") << QByteArray("[]") << false;
    }
    void lists()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, ok);
        Storage::IngestBatch batch;
        int count = -1;
        QCOMPARE(ChatwootParser::conversationList(QJsonDocument::fromJson(json).isArray()
                                                      ? QJsonValue(QJsonDocument::fromJson(json).array())
                                                      : QJsonValue(QJsonDocument::fromJson(json).object()),
                                                  batch, &count),
                 ok);
    }

    void typing()
    {
        const QJsonObject data{{QStringLiteral("conversation"), QJsonObject{{QStringLiteral("id"), 42}}},
                               {QStringLiteral("user"), QJsonObject{{QStringLiteral("id"), 3}, {QStringLiteral("name"), QStringLiteral("Dana")}}},
                               {QStringLiteral("is_private"), true}};
        const ChatwootTyping typing = ChatwootParser::typing(data, true);
        QCOMPARE(typing.conversationRemoteId, 42);
        QCOMPARE(typing.userName, QStringLiteral("Dana"));
        QVERIFY(typing.typing);
        QVERIFY(typing.isPrivate);
    }
};

QTEST_GUILESS_MAIN(TestChatwootParser)
#include "TestChatwootParser.moc"
