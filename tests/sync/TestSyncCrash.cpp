#include "storage/WorkspaceStore.h"
#include "support/FakeChatwootServer.h"
#include "support/TempDataDir.h"
#include "sync/OutboxStore.h"

#include <QProcess>
#include <optional>
#include <QSignalSpy>
#include <QTest>

using namespace Counterpart;
using Counterpart::Testing::FakeChatwootServer;
using Sync::OutboxOperation;

/**
 * The process dies between "sent" and "acknowledged": the server stored the reply, the client
 * never heard so. The next run must find the earlier attempt instead of sending it twice.
 */
class TestSyncCrash : public QObject
{
    Q_OBJECT

private:
    QString m_cli;

    /** Runs the CLI with the server still serving (the test's event loop keeps running). */
    int runCli(const QStringList &arguments, const QByteArray &input, QByteArray *output = nullptr)
    {
        QProcess process;
        process.start(m_cli, arguments);
        if (!process.waitForStarted(10000))
            return -1;
        process.write(input);
        process.closeWriteChannel();
        QSignalSpy finished(&process, &QProcess::finished);
        if (!finished.wait(60000)) {
            process.kill();
            process.waitForFinished(5000);
            return -2;
        }
        if (output)
            *output = process.readAllStandardOutput() + process.readAllStandardError();
        return process.exitCode();
    }

    static std::optional<OutboxOperation> readOperation(const Testing::TempDataDir &dir, qint64 id)
    {
        Storage::WorkspaceStore workspace;
        if (!workspace.open(dir.workspacePath()).ok)
            return std::nullopt;
        Sync::OutboxStore outbox(&workspace);
        return outbox.operation(id);
    }

private slots:
    void initTestCase()
    {
        m_cli = qEnvironmentVariable("COUNTERPART_CLI");
        if (m_cli.isEmpty())
            QSKIP("COUNTERPART_CLI is not set (run through ctest)");
    }

    void killedWhileSendingSendsOnce()
    {
        FakeChatwootServer server;
        QVERIFY(server.listen());
        const qint64 inbox = server.addInbox(QStringLiteral("Website"), QStringLiteral("Channel::WebWidget"));
        const qint64 contact = server.addContact(QStringLiteral("Ada"));
        const qint64 conversation = server.addConversation(inbox, contact);
        server.addMessage(conversation, QStringLiteral("Where is my parcel?"), 0);
        Testing::TempDataDir dir;
        const QString dataDir = dir.path();
        const QByteArray token = server.token().toUtf8() + '\n';

        QByteArray output;
        QCOMPARE(runCli({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--data-dir"), dataDir,
                         QStringLiteral("--url"), server.baseUrl().toString(), QStringLiteral("--account-id"),
                         QString::number(server.accountId()), QStringLiteral("--token-stdin"),
                         QStringLiteral("--session-only")},
                        token, &output),
                 0);
        const QString uid = QStringLiteral("chatwoot:") + server.baseUrl().toString(QUrl::StripTrailingSlash)
            + QLatin1Char('#') + QString::number(server.accountId());

        qint64 id = 0;
        {
            Storage::WorkspaceStore workspace;
            QVERIFY(workspace.open(dir.workspacePath()).ok);
            Sync::OutboxStore outbox(&workspace);
            OutboxOperation reply;
            reply.sourceUid = uid;
            reply.conversationRemoteId = conversation;
            reply.kind = OutboxOperation::Kind::Reply;
            reply.payload.insert(QStringLiteral("content"), QStringLiteral("It left our warehouse today."));
            id = outbox.enqueue(reply);
            QVERIFY(id != 0);
        }

        server.injectFault(QStringLiteral("POST"), QStringLiteral("/messages"), FakeChatwootServer::Fault::ProcessNoAnswer);
        const QStringList syncArgs{QStringLiteral("sync"), QStringLiteral("--once"), QStringLiteral("--data-dir"), dataDir,
                                   QStringLiteral("--token-stdin")};
        QProcess first;
        first.start(m_cli, syncArgs);
        QVERIFY(first.waitForStarted(10000));
        first.write(token);
        first.closeWriteChannel();
        // The server has stored the reply and will never answer: kill the client right there.
        QTRY_COMPARE_WITH_TIMEOUT(server.messageCount(conversation), 2, 30000);
        QCOMPARE(first.state(), QProcess::Running);
        first.kill(); // SIGKILL: no chance to record anything
        QVERIFY(first.waitForFinished(10000));
        QCOMPARE(first.exitStatus(), QProcess::CrashExit);

        const auto interrupted = readOperation(dir, id);
        QVERIFY(interrupted);
        QCOMPARE(interrupted->state, OutboxOperation::State::Sending);

        QCOMPARE(runCli(syncArgs, token, &output), 0);
        QCOMPARE(server.messageCount(conversation), 2); // exactly one reply on the server
        const auto after = readOperation(dir, id);
        QVERIFY(after);
        QCOMPARE(after->state, OutboxOperation::State::Sent);
        QCOMPARE(after->serverMessageId, server.messageIds(conversation).last());
    }
};

QTEST_GUILESS_MAIN(TestSyncCrash)
#include "TestSyncCrash.moc"
