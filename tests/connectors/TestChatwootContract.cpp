#include "support/FakeChatwootServer.h"
#include "connectors/chatwoot/ChatwootConnector.h"
#include "support/fakechatwoot/IngestCollector.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QUuid>

using namespace Counterpart;
using namespace Counterpart::Connectors::Chatwoot;
using Counterpart::Testing::FakeChatwootServer;
using Error = Sync::Connector::Error;

/**
 * Every request the connector makes goes through `prism proxy --errors` with Chatwoot's own
 * swagger.json in front of the fake server: a request that violates the spec (unknown path or
 * method, bad enum, wrong body type, missing required field) is answered 422/404 by Prism and
 * logged, and the test fails. scripts/test.sh installs Prism into <build>/tools.
 */
class TestChatwootContract : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        m_prism = QStringLiteral(COUNTERPART_BUILD_DIR "/tools/node_modules/.bin/prism");
        m_spec = QDir::cleanPath(QStringLiteral(COUNTERPART_TEST_DATA_DIR "/../../../shared/chatwoot/swagger.json"));
        if (!QFileInfo::exists(m_prism))
            QSKIP("Prism is not installed (scripts/test.sh installs it into <build>/tools)");
        QVERIFY2(QFileInfo::exists(m_spec), qPrintable(m_spec));
    }

    void requestsFollowSwagger()
    {
        FakeChatwootServer server;
        QVERIFY(server.listen());
        const qint64 inbox = server.addInbox(QStringLiteral("Web"), QStringLiteral("Channel::WebWidget"));
        const qint64 dana = server.addAgent(QStringLiteral("Dana"), QStringLiteral("dana@example.com"));
        server.addTeam(QStringLiteral("Billing"));
        server.addLabel(QStringLiteral("billing"));
        server.addCannedResponse(QStringLiteral("hi"), QStringLiteral("Hello {{contact.name}}"));
        for (int i = 0; i < 30; ++i) {
            const qint64 conversation = server.addConversation(inbox, server.addContact(QStringLiteral("C%1").arg(i),
                                                                                          QStringLiteral("c%1@example.com").arg(i)));
            for (int m = 0; m < (i == 0 ? 30 : 2); ++m)
                server.addMessage(conversation, QStringLiteral("m%1").arg(m), m % 2);
        }

        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        QProcess prism;
        prism.setProcessChannelMode(QProcess::MergedChannels);
        prism.start(m_prism, {QStringLiteral("proxy"), m_spec, server.baseUrl().toString(), QStringLiteral("--errors"),
                              QStringLiteral("--host"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                              QString::number(port), QStringLiteral("--cors"), QStringLiteral("false")});
        QVERIFY(prism.waitForStarted(10000));
        QByteArray log;
        QElapsedTimer startup;
        startup.start();
        while (!log.contains("Prism is listening") && startup.elapsed() < 60000) {
            prism.waitForReadyRead(500);
            log += prism.readAll();
        }
        QVERIFY2(log.contains("Prism is listening"), log.right(2000).constData());

        QNetworkAccessManager network;
        ChatwootConnector connector(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)), server.accountId(), server.token(), &network);
        ChatwootRetryPolicy policy;
        policy.timeoutMs = 10000;
        policy.maxAttempts = 1; // a Prism refusal must show, not be retried away
        connector.setRetryPolicy(policy);
        connector.setRecentConversationsWithMessages(3);
        QSignalSpy checked(&connector, &Sync::Connector::connectionChecked);
        QSignalSpy finished(&connector, &Sync::Connector::syncFinished);
        QSignalSpy sent(&connector, &Sync::Connector::operationFinished);
        QSignalSpy history(&connector, &ChatwootConnector::historyFetched);

        connector.checkConnection();
        QVERIFY(checked.wait(20000));
        QCOMPARE(checked.first().at(0).value<Error>(), Error::None);
        connector.startBackfill();
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.last().at(0).value<Error>(), Error::None);
        connector.startDelta();
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.last().at(0).value<Error>(), Error::None);
        connector.fetchMessages(1, server.messageIds(1).at(15));
        QVERIFY(history.wait(20000));

        const QList<QPair<Sync::OutboxOperation::Kind, QJsonObject>> operations = {
            {Sync::OutboxOperation::Kind::Reply, {{QStringLiteral("content"), QStringLiteral("Hello!")}}},
            {Sync::OutboxOperation::Kind::Note, {{QStringLiteral("content"), QStringLiteral("Internal")}}},
            // Unassigning sends assignee_id/team_id null, which the server accepts (API-NOTES §4)
            // but swagger.json types as plain numbers; TestChatwootConnector covers it instead.
            {Sync::OutboxOperation::Kind::Assign, {{QStringLiteral("assignee_remote_id"), dana}}},
            {Sync::OutboxOperation::Kind::Labels, {{QStringLiteral("labels"), QJsonArray{QStringLiteral("billing")}}}},
            {Sync::OutboxOperation::Kind::Status, {{QStringLiteral("status"), QStringLiteral("resolved")}}},
            {Sync::OutboxOperation::Kind::Status, {{QStringLiteral("status"), QStringLiteral("snoozed")}, {QStringLiteral("snoozed_until"), 1900000000}}},
            {Sync::OutboxOperation::Kind::Priority, {{QStringLiteral("priority"), QStringLiteral("high")}}},
            // Clearing the priority sends null (the server's enum has no "none", API-NOTES §4);
            // swagger.json lists "none" instead, so that request is checked elsewhere too.
            {Sync::OutboxOperation::Kind::CustomAttributes, {{QStringLiteral("custom_attributes"), QJsonObject{{QStringLiteral("plan"), QStringLiteral("pro")}}}}},
        };
        // Contact notes (GET/POST contacts/{id}/notes) are not checked here: this swagger.json
        // (v4.15.1) has no such path, so Prism would refuse any request to it. The fake server
        // follows the server's jbuilder view instead (TestChatwootConnector covers the requests).
        for (const auto &[kind, payload] : operations) {
            Sync::OutboxOperation operation;
            operation.id = sent.size() + 1;
            operation.sourceUid = connector.sourceUid();
            operation.conversationRemoteId = 2;
            operation.kind = kind;
            operation.payload = payload;
            operation.echoId = QUuid::createUuid().toString(QUuid::WithoutBraces);
            connector.send(operation);
            QVERIFY(sent.wait(20000));
            QVERIFY2(sent.last().at(1).value<Sync::SendOutcome>().result == Sync::SendOutcome::Result::Sent,
                     qPrintable(Sync::OutboxOperation::kindKey(kind) + QStringLiteral(": ")
                                + sent.last().at(1).value<Sync::SendOutcome>().message));
        }

        prism.waitForReadyRead(300);
        log += prism.readAll();
        prism.terminate();
        if (!prism.waitForFinished(5000))
            prism.kill();
        const QList<QByteArray> lines = log.split('\n');
        QStringList violations;
        for (const QByteArray &line : lines) {
            if (line.contains("Request terminated with error") || line.contains("Route not resolved")
                || (line.contains("[VALIDATOR]") && line.contains("error")))
                violations.append(QString::fromUtf8(line));
        }
        // Every send above went through: Prism answers 422 to a request that breaks the spec. What
        // it still reports is the fake server's GET conversations/{id} *response*, whose shape
        // follows the jbuilder view rather than swagger's Conversation schema. Known, kept visible.
        QEXPECT_FAIL("", "Prism flags the GET conversations/{id} response shape (jbuilder vs swagger)", Continue);
        QVERIFY2(violations.isEmpty(), qPrintable(violations.join(QLatin1Char('\n'))));
        // Everything went through Prism: every request the fake saw was forwarded by it.
        QVERIFY(server.requestCount() > 50);
        QCOMPARE(int(log.count("Forwarding")), server.requestCount());
    }

private:
    QString m_prism;
    QString m_spec;
};

QTEST_GUILESS_MAIN(TestChatwootContract)
#include "TestChatwootContract.moc"
