#include "support/FakeChatwootServer.h"
#include "connectors/chatwoot/ChatwootConnector.h"
#include "support/fakechatwoot/IngestCollector.h"

#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Counterpart;
using namespace Counterpart::Connectors::Chatwoot;
using Counterpart::Testing::FakeChatwootServer;
using Counterpart::Testing::FakeFormPart;
using Counterpart::Testing::IngestCollector;
using Fault = FakeChatwootServer::Fault;
using Result = Sync::SendOutcome::Result;

namespace {

ChatwootRetryPolicy fastRetry()
{
    ChatwootRetryPolicy policy;
    policy.timeoutMs = 2000;
    policy.maxAttempts = 4;
    policy.backoffBaseMs = 10;
    policy.backoffMaxMs = 50;
    return policy;
}

/** Two conversations with one customer message each; the client has synced them. */
struct Rig
{
    FakeChatwootServer server;
    QNetworkAccessManager network;
    std::unique_ptr<ChatwootConnector> connector;
    IngestCollector collected;
    QTemporaryDir files;

    bool open()
    {
        if (!server.listen() || !files.isValid())
            return false;
        const qint64 inbox = server.addInbox(QStringLiteral("Support mail"), QStringLiteral("Channel::Email"), {},
                                             QStringLiteral("help@example.com"));
        for (int i = 0; i < 2; ++i) {
            const qint64 contact = server.addContact(QStringLiteral("Customer %1").arg(i), QStringLiteral("c%1@example.com").arg(i));
            const qint64 conversation = server.addConversation(inbox, contact);
            server.addMessage(conversation, QStringLiteral("Please send the quote"));
        }
        connector = std::make_unique<ChatwootConnector>(server.baseUrl(), server.accountId(), server.token(), &network);
        connector->setRetryPolicy(fastRetry());
        connector->setRecentConversationsWithMessages(10);
        collected.attach(connector.get());
        QSignalSpy finished(connector.get(), &Sync::Connector::syncFinished);
        connector->startBackfill();
        return finished.wait(15000);
    }

    QString write(const QString &name, const QByteArray &content)
    {
        const QString path = files.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            return {};
        return path;
    }

    Sync::OutboxOperation reply(const QString &content, const QStringList &paths) const
    {
        Sync::OutboxOperation operation;
        operation.id = 41;
        operation.sourceUid = connector->sourceUid();
        operation.conversationRemoteId = 1;
        operation.kind = Sync::OutboxOperation::Kind::Reply;
        operation.payload.insert(QStringLiteral("content"), content);
        operation.payload.insert(QStringLiteral("cc"), QStringLiteral("boss@example.com, audit@example.com"));
        operation.payload.insert(QStringLiteral("attachments"), QJsonArray::fromStringList(paths));
        operation.echoId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        return operation;
    }

    Sync::SendOutcome send(const Sync::OutboxOperation &operation)
    {
        QSignalSpy sent(connector.get(), &Sync::Connector::operationFinished);
        connector->send(operation);
        if (!sent.wait(10000))
            return {};
        return sent.last().at(1).value<Sync::SendOutcome>();
    }

    QList<FakeFormPart> lastMessagePost() const
    {
        for (qsizetype i = server.requests().size() - 1; i >= 0; --i) {
            const auto &request = server.requests().at(i);
            if (request.method == QLatin1String("POST") && request.path.endsWith(QLatin1String("/messages")))
                return request.formParts();
        }
        return {};
    }
};

QByteArray field(const QList<FakeFormPart> &parts, const QString &name)
{
    for (const FakeFormPart &part : parts) {
        if (part.name == name)
            return part.data;
    }
    return "<missing>";
}

} // namespace

class TestChatwootAttachments : public QObject
{
    Q_OBJECT
private slots:
    void filesGoOutAsMultipart()
    {
        Rig rig;
        QVERIFY(rig.open());
        const QString chineseName = QStringLiteral("报价单 2026年.txt");
        const QByteArray quote = QStringLiteral("报价：€ 1.200\r\n--not a boundary\r\n").toUtf8();
        QByteArray image("\x89PNG\r\n\x1a\n", 8);
        image.append(QByteArray(3000, '\0'));
        image.append("\"quotes\" and \r\n line breaks");
        const QString quotePath = rig.write(chineseName, quote);
        const QString imagePath = rig.write(QStringLiteral("screen shot.png"), image);
        QVERIFY(!quotePath.isEmpty() && !imagePath.isEmpty());
        const int before = rig.server.messageCount(1);

        const Sync::OutboxOperation operation = rig.reply(QStringLiteral("Here is the quote."), {quotePath, imagePath});
        const Sync::SendOutcome outcome = rig.send(operation);
        QCOMPARE(outcome.result, Result::Sent);
        QVERIFY(outcome.serverMessageId > 0);

        // What went over the wire: the JSON request's fields as form fields, then the files.
        const QList<FakeFormPart> parts = rig.lastMessagePost();
        QCOMPARE(field(parts, QStringLiteral("content")), QByteArray("Here is the quote."));
        QCOMPARE(field(parts, QStringLiteral("message_type")), QByteArray("outgoing"));
        QCOMPARE(field(parts, QStringLiteral("private")), QByteArray("false"));
        QCOMPARE(field(parts, QStringLiteral("echo_id")), operation.echoId.toUtf8());
        QCOMPARE(field(parts, QStringLiteral("cc_emails")), QByteArray("boss@example.com, audit@example.com"));
        QList<FakeFormPart> uploaded;
        for (const FakeFormPart &part : parts) {
            if (part.name == QLatin1String("attachments[]"))
                uploaded.append(part);
        }
        QCOMPARE(uploaded.size(), 2);
        QCOMPARE(uploaded.at(0).fileName, chineseName);
        QCOMPARE(uploaded.at(0).data, quote);
        QCOMPARE(uploaded.at(0).contentType, QByteArray("text/plain"));
        QCOMPARE(uploaded.at(1).fileName, QStringLiteral("screen shot.png"));
        QCOMPARE(uploaded.at(1).data, image);
        QCOMPARE(uploaded.at(1).contentType, QByteArray("image/png"));

        // The server stored one message with both files.
        QCOMPARE(rig.server.messageCount(1), before + 1);
        const auto &stored = rig.server.message(outcome.serverMessageId);
        QCOMPARE(stored.attachments.size(), 2);
        QCOMPARE(stored.attachments.at(0).fileName, chineseName);
        QCOMPARE(stored.attachments.at(0).data.size(), quote.size());
        QCOMPARE(stored.attachments.at(1).fileName, QStringLiteral("screen shot.png"));
        QCOMPARE(stored.attachments.at(1).data.size(), image.size());

        // The client ingested the server's answer, files listed as the agent will see them.
        QVERIFY(rig.collected.messages.contains(outcome.serverMessageId));
        const Domain::Message ingested = rig.collected.messages.value(outcome.serverMessageId);
        QCOMPARE(ingested.text, QStringLiteral("Here is the quote."));
        QCOMPARE(ingested.attachments.size(), 2);
        QCOMPARE(ingested.attachments.at(0).fileName, chineseName);
        QCOMPARE(ingested.attachments.at(0).size, qint64(quote.size()));
        QCOMPARE(ingested.attachments.at(0).contentType, QStringLiteral("text/plain"));
        QCOMPARE(ingested.attachments.at(1).fileName, QStringLiteral("screen shot.png"));
        QCOMPARE(ingested.attachments.at(1).size, qint64(image.size()));
        QVERIFY(ingested.attachments.at(1).url.startsWith(rig.server.baseUrl().toString()));
    }

    void unsendableFilesFailByName_data()
    {
        QTest::addColumn<QString>("problem");
        QTest::addColumn<QString>("named");
        QTest::newRow("missing") << "missing" << "gone 合同.pdf";
        QTest::newRow("over 40 MB") << "large" << "huge.bin";
        QTest::newRow("16 files") << "many" << "16";
    }
    void unsendableFilesFailByName()
    {
        QFETCH(QString, problem);
        QFETCH(QString, named);
        Rig rig;
        QVERIFY(rig.open());
        QStringList paths{rig.write(QStringLiteral("fine.txt"), "fine")};
        if (problem == QLatin1String("missing")) {
            paths.append(rig.files.filePath(named));
        } else if (problem == QLatin1String("large")) {
            QFile huge(rig.files.filePath(named));
            QVERIFY(huge.open(QIODevice::WriteOnly));
            QVERIFY(huge.resize(qint64(40) * 1024 * 1024 + 1)); // sparse: no 40 MB written
            paths.append(huge.fileName());
        } else {
            for (int i = 1; i < 16; ++i)
                paths.append(rig.write(QStringLiteral("page %1.txt").arg(i), "page"));
        }
        const int before = rig.server.messageCount();
        rig.server.clearRequests();

        const Sync::SendOutcome outcome = rig.send(rig.reply(QStringLiteral("See attached."), paths));
        QCOMPARE(outcome.result, Result::Rejected);
        QVERIFY2(outcome.message.contains(named), qPrintable(outcome.message));
        QCOMPARE(rig.server.requestCount(QStringLiteral("POST"), QStringLiteral("/messages")), 0);
        QCOMPARE(rig.server.messageCount(), before);
    }

    void multipartReplyIsNeverDuplicated_data()
    {
        QTest::addColumn<Fault>("fault");
        QTest::newRow("processed, dropped") << Fault::ProcessThenDrop;
        QTest::newRow("processed, cut mid-body") << Fault::DropMidBody;
        QTest::newRow("no answer (timeout)") << Fault::NoAnswer;
    }
    void multipartReplyIsNeverDuplicated()
    {
        QFETCH(Fault, fault);
        Rig rig;
        QVERIFY(rig.open());
        const QString path = rig.write(QStringLiteral("invoice.pdf"), QByteArray(5000, 'x'));
        const int before = rig.server.messageCount(1);
        rig.server.injectFault(QStringLiteral("POST"), QStringLiteral("/conversations/1/messages"), fault, 1);
        Sync::OutboxOperation operation = rig.reply(QStringLiteral("Invoice attached."), {path});
        Sync::SendOutcome outcome;
        // The outbox sends again until the connector says Sent: bounded here.
        for (int attempt = 0; attempt < 5 && outcome.result != Result::Sent; ++attempt) {
            outcome = rig.send(operation);
            ++operation.attempts;
        }
        QCOMPARE(outcome.result, Result::Sent);
        // Qt re-sends a rewindable upload on its own when the connection drops; this one must not be.
        QCOMPARE(rig.server.messageCount(1), before + 1);
        QCOMPARE(rig.server.message(outcome.serverMessageId).attachments.size(), 1);
        QCOMPARE(rig.collected.messages.value(outcome.serverMessageId).attachments.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestChatwootAttachments)
#include "TestChatwootAttachments.moc"
