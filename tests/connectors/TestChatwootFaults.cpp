#include "support/FakeChatwootServer.h"
#include "connectors/chatwoot/ChatwootConnector.h"
#include "support/fakechatwoot/IngestCollector.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace Counterpart;
using namespace Counterpart::Connectors::Chatwoot;
using Counterpart::Testing::FakeChatwootServer;
using Counterpart::Testing::IngestCollector;
using Error = Sync::Connector::Error;
using Fault = FakeChatwootServer::Fault;
using Result = Sync::SendOutcome::Result;


namespace {

ChatwootRetryPolicy fastRetry()
{
    ChatwootRetryPolicy policy;
    policy.timeoutMs = 500;
    policy.maxAttempts = 4;
    policy.backoffBaseMs = 10;
    policy.backoffMaxMs = 40;
    return policy;
}

void seed(FakeChatwootServer &server)
{
    const qint64 inbox = server.addInbox(QStringLiteral("Web"), QStringLiteral("Channel::WebWidget"));
    server.addLabel(QStringLiteral("billing"));
    for (int i = 0; i < 30; ++i) {
        const qint64 conversation = server.addConversation(inbox, server.addContact(QStringLiteral("C%1").arg(i),
                                                                                      QStringLiteral("c%1@example.com").arg(i)),
                                                           QStringLiteral("open"), 0, {}, server.now() - 1000 + i);
        for (int m = 0; m < 3; ++m)
            server.addMessage(conversation, QStringLiteral("m%1-%2").arg(i).arg(m), m % 2, false, 0, server.now() - 900 + i);
    }
}

/** Every conversation of the server, with status, assignee, labels and messages, is in `collected`. */
bool equalsServer(const IngestCollector &collected, const FakeChatwootServer &server, bool withMessages)
{
    if (collected.conversations.keys() != server.conversationIds())
        return false;
    for (const qint64 id : server.conversationIds()) {
        const Domain::Conversation &mine = collected.conversations[id];
        if (mine.assigneeId != server.conversation(id).assigneeId || mine.labels != server.conversation(id).labels)
            return false;
        if (withMessages) {
            QList<qint64> ids = collected.messageIds(id);
            std::sort(ids.begin(), ids.end());
            if (ids != server.messageIds(id))
                return false;
        }
    }
    return true;
}

} // namespace

class TestChatwootFaults : public QObject
{
    Q_OBJECT
private slots:
    void backfillSurvives_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<Fault>("fault");
        QTest::addColumn<int>("times");
        QTest::newRow("500 on a page") << "GET" << "/conversations" << Fault::ServerError << 2;
        QTest::newRow("429 on a page") << "GET" << "/conversations" << Fault::TooManyRequests << 3;
        QTest::newRow("timeout") << "GET" << "/conversations" << Fault::NoAnswer << 1;
        QTest::newRow("dropped mid-page") << "GET" << "/conversations" << Fault::DropMidBody << 2;
        QTest::newRow("truncated json") << "GET" << "/conversations" << Fault::TruncatedJson << 1;
        QTest::newRow("garbage") << "GET" << "/inboxes" << Fault::Garbage << 1;
        QTest::newRow("messages 500") << "GET" << "/messages" << Fault::ServerError << 3;
        QTest::newRow("profile dropped") << "GET" << "/profile" << Fault::DropMidBody << 1;
    }
    void backfillSurvives()
    {
        QFETCH(QString, method);
        QFETCH(QString, path);
        QFETCH(Fault, fault);
        QFETCH(int, times);
        FakeChatwootServer server;
        QVERIFY(server.listen());
        seed(server);
        QNetworkAccessManager network;
        ChatwootConnector connector(server.baseUrl(), server.accountId(), server.token(), &network);
        connector.setRetryPolicy(fastRetry());
        connector.setRecentConversationsWithMessages(100);
        IngestCollector collected;
        collected.attach(&connector);
        server.injectFault(method, path, fault, times);
        QSignalSpy finished(&connector, &Sync::Connector::syncFinished);
        connector.startBackfill();
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().at(0).value<Error>(), Error::None);
        QCOMPARE(server.pendingFaults(), 0);
        QVERIFY(equalsServer(collected, server, true));
    }

    void givesUpClearlyWhenFaultsPersist()
    {
        FakeChatwootServer server;
        QVERIFY(server.listen());
        seed(server);
        QNetworkAccessManager network;
        ChatwootConnector connector(server.baseUrl(), server.accountId(), server.token(), &network);
        connector.setRetryPolicy(fastRetry());
        server.injectFault(QStringLiteral("GET"), QStringLiteral("/conversations"), Fault::ServerError, 100);
        IngestCollector collected;
        collected.attach(&connector);
        QSignalSpy finished(&connector, &Sync::Connector::syncFinished);
        connector.startBackfill();
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().at(0).value<Error>(), Error::Server);
        QVERIFY(!finished.first().at(1).toString().isEmpty());
        QCOMPARE(server.requestCount(QStringLiteral("GET"), QStringLiteral("/conversations")), fastRetry().maxAttempts);
        // The next attempt, once the server is well, ends equal to it.
        server.clearFaults();
        connector.startBackfill();
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.last().at(0).value<Error>(), Error::None);
        QVERIFY(equalsServer(collected, server, false));
    }

    void replyIsNeverDuplicated_data()
    {
        QTest::addColumn<Fault>("fault");
        QTest::addColumn<QString>("content");
        QTest::newRow("processed, answer dropped") << Fault::ProcessThenDrop << "Thanks, fixed!";
        QTest::newRow("dropped mid-answer") << Fault::DropMidBody << "Thanks, fixed!";
        QTest::newRow("truncated answer") << Fault::TruncatedJson << "Thanks, fixed!";
        QTest::newRow("no answer (timeout)") << Fault::NoAnswer << "Thanks, fixed!";
        QTest::newRow("liquid content") << Fault::ProcessThenDrop << "Hello {{contact.name}}, fixed!";
        QTest::newRow("500 before processing") << Fault::ServerError << "Thanks, fixed!";
        QTest::newRow("429") << Fault::TooManyRequests << "Thanks, fixed!";
    }
    void replyIsNeverDuplicated()
    {
        QFETCH(Fault, fault);
        QFETCH(QString, content);
        FakeChatwootServer server;
        QVERIFY(server.listen());
        seed(server);
        QNetworkAccessManager network;
        ChatwootConnector connector(server.baseUrl(), server.accountId(), server.token(), &network);
        connector.setRetryPolicy(fastRetry());
        connector.setRecentConversationsWithMessages(100);
        IngestCollector collected;
        collected.attach(&connector);
        QSignalSpy finished(&connector, &Sync::Connector::syncFinished);
        connector.startBackfill();
        QVERIFY(finished.wait(20000));
        const int before = server.messageCount(5);

        server.injectFault(QStringLiteral("POST"), QStringLiteral("/conversations/5/messages"), fault, 1);
        Sync::OutboxOperation operation;
        operation.id = 77;
        operation.sourceUid = connector.sourceUid();
        operation.conversationRemoteId = 5;
        operation.kind = Sync::OutboxOperation::Kind::Reply;
        operation.payload.insert(QStringLiteral("content"), content);
        operation.echoId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QSignalSpy sent(&connector, &Sync::Connector::operationFinished);
        // The outbox sends again until the connector says Sent: bounded here.
        for (int attempt = 0; attempt < 5; ++attempt) {
            connector.send(operation);
            QVERIFY(sent.wait(10000));
            ++operation.attempts;
            if (sent.last().at(1).value<Sync::SendOutcome>().result == Result::Sent)
                break;
        }
        const Sync::SendOutcome outcome = sent.last().at(1).value<Sync::SendOutcome>();
        QCOMPARE(outcome.result, Result::Sent);
        QCOMPARE(sent.last().at(0).toLongLong(), 77);
        // Qt's HTTP layer would re-send a POST whose connection closed before the answer; the
        // unrewindable body (ChatwootRequestBody) turns that into an error the job checks.
        QCOMPARE(server.messageCount(5), before + 1);
        QVERIFY(outcome.serverMessageId > 0);
        QCOMPARE(server.messageIds(5).last(), outcome.serverMessageId);
        QVERIFY(collected.messages.contains(outcome.serverMessageId));
        // Sending the same operation once more (a crash after sending) still adds nothing.
        connector.send(operation);
        QVERIFY(sent.wait(10000));
        QCOMPARE(sent.last().at(1).value<Sync::SendOutcome>().result, Result::Sent);
        QCOMPARE(server.messageCount(5), before + 1);
    }

    void actionsSurviveFaults_data()
    {
        QTest::addColumn<Fault>("fault");
        QTest::newRow("500") << Fault::ServerError;
        QTest::newRow("processed, dropped") << Fault::ProcessThenDrop;
        QTest::newRow("429") << Fault::TooManyRequests;
        QTest::newRow("truncated") << Fault::TruncatedJson;
    }
    void actionsSurviveFaults()
    {
        QFETCH(Fault, fault);
        FakeChatwootServer server;
        QVERIFY(server.listen());
        seed(server);
        const qint64 dana = server.addAgent(QStringLiteral("Dana"), QStringLiteral("dana@example.com"));
        QNetworkAccessManager network;
        ChatwootConnector connector(server.baseUrl(), server.accountId(), server.token(), &network);
        connector.setRetryPolicy(fastRetry());
        IngestCollector collected;
        collected.attach(&connector);
        QSignalSpy sent(&connector, &Sync::Connector::operationFinished);
        const auto run = [&](Sync::OutboxOperation::Kind kind, const QJsonObject &payload) {
            Sync::OutboxOperation operation;
            operation.id = sent.size() + 1;
            operation.conversationRemoteId = 4;
            operation.kind = kind;
            operation.payload = payload;
            server.injectFault(QStringLiteral("POST"), QStringLiteral("/conversations/4/"), fault, 1);
            connector.send(operation);
            return sent.wait(10000) && sent.last().at(1).value<Sync::SendOutcome>().result == Result::Sent;
        };
        QVERIFY(run(Sync::OutboxOperation::Kind::Assign, {{QStringLiteral("assignee_remote_id"), dana}}));
        QVERIFY(run(Sync::OutboxOperation::Kind::Labels, {{QStringLiteral("labels"), QJsonArray{QStringLiteral("billing"), QStringLiteral("vip")}}}));
        QVERIFY(run(Sync::OutboxOperation::Kind::Status, {{QStringLiteral("status"), QStringLiteral("snoozed")},
                                                          {QStringLiteral("snoozed_until"), 1900000000}}));
        QVERIFY(run(Sync::OutboxOperation::Kind::Priority, {{QStringLiteral("priority"), QStringLiteral("high")}}));
        QVERIFY(run(Sync::OutboxOperation::Kind::CustomAttributes, {{QStringLiteral("custom_attributes"), QJsonObject{{QStringLiteral("plan"), QStringLiteral("pro")}}}}));
        const auto &state = server.conversation(4);
        QCOMPARE(state.assigneeId, dana);
        QCOMPARE(state.labels, (QStringList{QStringLiteral("billing"), QStringLiteral("vip")}));
        QCOMPARE(state.status, QStringLiteral("snoozed"));
        QCOMPARE(state.snoozedUntil, 1900000000);
        QCOMPARE(state.priority, QStringLiteral("high"));
        QCOMPARE(state.customAttributes.value(QLatin1String("plan")).toString(), QStringLiteral("pro"));
        const Domain::Conversation mine = collected.conversations.value(4);
        QCOMPARE(mine.assigneeId, dana);
        QCOMPARE(mine.labels, state.labels);
        QCOMPARE(mine.status, Domain::ConversationStatus::Snoozed);
        QCOMPARE(mine.priority, Domain::Priority::High);
    }

    void sendOutcomes_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<Result>("result");
        QTest::newRow("401 asks to sign in") << "token" << Result::SignInAgain;
        QTest::newRow("404 removes") << "gone" << Result::Gone;
        QTest::newRow("422 rejected") << "invalid" << Result::Rejected;
    }
    void sendOutcomes()
    {
        QFETCH(QString, scenario);
        QFETCH(Result, result);
        FakeChatwootServer server;
        QVERIFY(server.listen());
        seed(server);
        QNetworkAccessManager network;
        ChatwootConnector connector(server.baseUrl(), server.accountId(),
                                    scenario == QLatin1String("token") ? QStringLiteral("revoked") : server.token(), &network);
        connector.setRetryPolicy(fastRetry());
        Sync::OutboxOperation operation;
        operation.id = 9;
        operation.conversationRemoteId = scenario == QLatin1String("gone") ? 999 : 2;
        operation.kind = scenario == QLatin1String("invalid") ? Sync::OutboxOperation::Kind::Status : Sync::OutboxOperation::Kind::Reply;
        operation.payload = scenario == QLatin1String("invalid") ? QJsonObject{{QStringLiteral("status"), QStringLiteral("archived")}}
                                                                 : QJsonObject{{QStringLiteral("content"), QStringLiteral("hi")}};
        operation.echoId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QSignalSpy sent(&connector, &Sync::Connector::operationFinished);
        QSignalSpy removed(&connector, &Sync::Connector::conversationRemoved);
        const int before = server.messageCount();
        connector.send(operation);
        QVERIFY(sent.wait(10000));
        QCOMPARE(sent.first().at(1).value<Sync::SendOutcome>().result, result);
        QVERIFY(!sent.first().at(1).value<Sync::SendOutcome>().message.isEmpty());
        QCOMPARE(removed.size(), scenario == QLatin1String("gone") ? 1 : 0);
        QCOMPARE(server.messageCount(), before);
    }

    void hugeMessageBody()
    {
        FakeChatwootServer server;
        QVERIFY(server.listen());
        seed(server);
        const QString huge = QString(QStringLiteral("Lorem ipsum κόσμε 你好 ")).repeated(100000); // ~2.3 MB UTF-8
        const qint64 id = server.addMessage(3, huge);
        QNetworkAccessManager network;
        ChatwootConnector connector(server.baseUrl(), server.accountId(), server.token(), &network);
        connector.setRetryPolicy(fastRetry());
        IngestCollector collected;
        collected.attach(&connector);
        QSignalSpy history(&connector, &ChatwootConnector::historyFetched);
        connector.fetchMessages(3, 0);
        QVERIFY(history.wait(10000));
        QCOMPARE(collected.messages.value(id).text, huge);

        Sync::OutboxOperation operation;
        operation.id = 1;
        operation.conversationRemoteId = 3;
        operation.kind = Sync::OutboxOperation::Kind::Note;
        operation.payload.insert(QStringLiteral("content"), huge);
        operation.echoId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QSignalSpy sent(&connector, &Sync::Connector::operationFinished);
        connector.send(operation);
        QVERIFY(sent.wait(10000));
        QCOMPARE(sent.first().at(1).value<Sync::SendOutcome>().result, Result::Sent);
        QCOMPARE(server.message(server.messageIds(3).last()).content, huge);
        QVERIFY(server.message(server.messageIds(3).last()).isPrivate);
    }
};

QTEST_GUILESS_MAIN(TestChatwootFaults)
#include "TestChatwootFaults.moc"
