#include "support/FakeChatwootServer.h"
#include "connectors/chatwoot/ActionCableClient.h"
#include "connectors/chatwoot/ChatwootConnector.h"
#include "support/fakechatwoot/IngestCollector.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Counterpart;
using namespace Counterpart::Connectors::Chatwoot;
using Counterpart::Testing::FakeChatwootServer;

namespace {

ActionCableClient::Options fastOptions()
{
    ActionCableClient::Options options;
    options.presenceIntervalMs = 100;
    options.reconnectBaseMs = 20;
    options.reconnectMaxMs = 200;
    options.staleAfterMs = 10000;
    return options;
}

} // namespace

class TestActionCableClient : public QObject
{
    Q_OBJECT
private slots:
    void cableUrl_data()
    {
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("cable");
        QTest::newRow("https") << "https://desk.example.com" << "wss://desk.example.com/cable";
        QTest::newRow("http port") << "http://127.0.0.1:3000/" << "ws://127.0.0.1:3000/cable";
        QTest::newRow("sub path") << "https://example.com/chat/" << "wss://example.com/chat/cable";
    }
    void cableUrl()
    {
        QFETCH(QString, base);
        QFETCH(QString, cable);
        QCOMPARE(ActionCableClient::cableUrlFor(QUrl(base)).toString(), cable);
    }

    void subscribesAndReceivesEventsOfItsAccount()
    {
        FakeChatwootServer server;
        QVERIFY(server.listen());
        const qint64 inbox = server.addInbox(QStringLiteral("Web"), QStringLiteral("Channel::WebWidget"));
        const qint64 conversation = server.addConversation(inbox, server.addContact(QStringLiteral("Ann")));
        ActionCableClient client(server.cableUrl(), server.pubsubToken(), server.accountId(), server.meId(), fastOptions());
        QSignalSpy subscribed(&client, &ActionCableClient::subscribed);
        QSignalSpy events(&client, &ActionCableClient::eventReceived);
        client.start();
        QVERIFY(subscribed.wait(5000));
        QVERIFY(client.isSubscribed());
        QCOMPARE(server.subscriberCount(), 1);

        server.emitEvent(QStringLiteral("message.created"), QJsonObject{{QStringLiteral("id"), 1}}, server.accountId() + 1);
        server.emitMessageCreated(server.addMessage(conversation, QStringLiteral("Hello")));
        QVERIFY(events.wait(5000));
        QCOMPARE(events.size(), 1); // the other account's frame was dropped
        QCOMPARE(events.first().at(0).toString(), QStringLiteral("message.created"));
        QCOMPARE(events.first().at(1).toJsonObject().value(QLatin1String("content")).toString(), QStringLiteral("Hello"));
    }

    void wrongTokenIsRejected()
    {
        FakeChatwootServer server;
        QVERIFY(server.listen());
        ActionCableClient client(server.cableUrl(), QStringLiteral("not-the-token"), server.accountId(), server.meId(), fastOptions());
        QSignalSpy rejected(&client, &ActionCableClient::subscriptionRejected);
        client.start();
        QVERIFY(rejected.wait(5000));
        QCOMPARE(server.subscriberCount(), 0);
    }

    void sendsPresencePings()
    {
        FakeChatwootServer server;
        QVERIFY(server.listen());
        ActionCableClient client(server.cableUrl(), server.pubsubToken(), server.accountId(), server.meId(), fastOptions());
        client.start();
        QTRY_VERIFY_WITH_TIMEOUT(server.presencePings() >= 3, 5000);
    }

    void reconnectsWithBackoffAfterRepeatedCloses()
    {
        FakeChatwootServer server;
        QVERIFY(server.listen());
        ActionCableClient client(server.cableUrl(), server.pubsubToken(), server.accountId(), server.meId(), fastOptions());
        QSignalSpy subscribed(&client, &ActionCableClient::subscribed);
        QSignalSpy disconnected(&client, &ActionCableClient::disconnected);
        client.start();
        QVERIFY(subscribed.wait(5000));
        for (int round = 1; round <= 4; ++round) {
            server.closeWebSockets();
            QTRY_COMPARE_WITH_TIMEOUT(disconnected.size(), round, 5000);
            QVERIFY(client.lastReconnectDelayMs() >= 10 && client.lastReconnectDelayMs() <= 200);
            QTRY_COMPARE_WITH_TIMEOUT(subscribed.size(), round + 1, 5000);
        }
        QCOMPARE(server.webSocketConnections(), 5);
        QCOMPARE(server.subscriberCount(), 1);
    }

    void backoffGrowsWhileServerIsGone()
    {
        ActionCableClient::Options options = fastOptions();
        options.reconnectBaseMs = 10;
        options.reconnectMaxMs = 160;
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const QUrl url(QStringLiteral("ws://127.0.0.1:%1/cable").arg(probe.serverPort()));
        probe.close();
        ActionCableClient client(url, QStringLiteral("t"), 1, 1, options);
        client.start();
        QTRY_VERIFY_WITH_TIMEOUT(client.reconnectAttempts() >= 6, 5000);
        // Attempt 6: 10 * 2^5 = 320, capped at 160, jitter between 50 % and 100 %.
        QVERIFY(client.lastReconnectDelayMs() >= 80 && client.lastReconnectDelayMs() <= 160);
    }

    void connectorTurnsEventsIntoPagesAndTyping()
    {
        FakeChatwootServer server;
        QVERIFY(server.listen());
        const qint64 inbox = server.addInbox(QStringLiteral("Web"), QStringLiteral("Channel::WebWidget"));
        const qint64 dana = server.addAgent(QStringLiteral("Dana"), QStringLiteral("dana@example.com"));
        const qint64 conversation = server.addConversation(inbox, server.addContact(QStringLiteral("Ann")));
        QNetworkAccessManager network;
        ChatwootConnector connector(server.baseUrl(), server.accountId(), server.token(), &network);
        connector.setRealtimeOptions(fastOptions());
        Testing::IngestCollector collected;
        collected.attach(&connector);
        QSignalSpy state(&connector, &Sync::Connector::realtimeStateChanged);
        QSignalSpy typing(&connector, &Sync::Connector::typingChanged);
        connector.setRealtimeEnabled(true);
        QVERIFY(state.wait(5000));
        QCOMPARE(state.last().at(0).toBool(), true);

        server.emitMessageCreated(server.addMessage(conversation, QStringLiteral("Ping")));
        server.setAssignee(conversation, dana);
        server.setLabels(conversation, {QStringLiteral("vip")});
        server.emitTyping(conversation, dana, true);
        QVERIFY(typing.wait(5000));
        QCOMPARE(typing.first().at(0).toLongLong(), conversation);
        QCOMPARE(typing.first().at(1).toString(), QStringLiteral("Dana"));
        QCOMPARE(typing.first().at(2).toBool(), true);
        QCOMPARE(collected.messageIds(conversation).size(), 1);
        QCOMPARE(collected.conversations.value(conversation).assigneeId, dana);
        QCOMPARE(collected.conversations.value(conversation).labels, QStringList{QStringLiteral("vip")});
        server.emitTyping(conversation, server.meId(), true); // my own typing is not news
        server.emitTyping(conversation, dana, false);
        QVERIFY(typing.wait(5000));
        QCOMPARE(typing.size(), 2);
        QCOMPARE(typing.last().at(2).toBool(), false);
    }

    void connectorRunsDeltaAfterReconnect()
    {
        FakeChatwootServer server;
        QVERIFY(server.listen());
        const qint64 inbox = server.addInbox(QStringLiteral("Web"), QStringLiteral("Channel::WebWidget"));
        const qint64 conversation = server.addConversation(inbox, server.addContact(QStringLiteral("Ann")));
        QNetworkAccessManager network;
        ChatwootConnector connector(server.baseUrl(), server.accountId(), server.token(), &network);
        ActionCableClient::Options slowerReconnect = fastOptions();
        slowerReconnect.reconnectBaseMs = 400; // leaves time to change the server while it is down
        slowerReconnect.reconnectMaxMs = 800;
        connector.setRealtimeOptions(slowerReconnect);
        Testing::IngestCollector collected;
        collected.attach(&connector);
        QSignalSpy finished(&connector, &Sync::Connector::syncFinished);
        connector.startBackfill();
        QVERIFY(finished.wait(10000));
        connector.setRealtimeEnabled(true);
        QTRY_COMPARE_WITH_TIMEOUT(server.subscriberCount(), 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 5000); // the delta after subscribing
        for (int round = 0; round < 3; ++round) {
            // Missed while the socket was down: only a delta can bring it.
            server.closeWebSockets();
            QTRY_COMPARE_WITH_TIMEOUT(server.subscriberCount(), 0, 5000);
            const qint64 missed = server.addMessage(conversation, QStringLiteral("Missed %1").arg(round));
            QTRY_VERIFY_WITH_TIMEOUT(collected.messages.contains(missed), 5000);
        }
        QCOMPARE(collected.messageIds(conversation), server.messageIds(conversation));
    }
};

QTEST_GUILESS_MAIN(TestActionCableClient)
#include "TestActionCableClient.moc"
