#include "support/FakeChatwootServer.h"
#include "support/TempDataDir.h"

#include <QDirIterator>
#include <QProcess>
#include <QTest>
#include <QUuid>

using namespace Counterpart;

/**
 * The token of an account goes into the keychain (or memory) and nowhere else: after adding an
 * account and a full sync with every log category switched on, no file of the data folder
 * (SQLite files with their -wal and -shm) and no line of output contains it.
 */
class TestTokenNeverStored : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray output;
    };

    static Run cli(const QStringList &arguments, const QByteArray &input, bool keychain)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*=true"));
        if (!keychain)
            environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/no-bus"));
        QProcess process;
        process.setProcessEnvironment(environment);
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(qEnvironmentVariable("COUNTERPART_CLI"), arguments);
        if (!process.waitForStarted(10000))
            return {};
        process.write(input);
        process.closeWriteChannel();
        // The fake server lives in this process: keep its event loop turning while waiting.
        if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 60000)) {
            process.kill();
            process.waitForFinished(5000);
            return {};
        }
        return {process.exitCode(), process.readAll()};
    }

private slots:
    void tokenAppearsInNoFileAndNoLog_data()
    {
        QTest::addColumn<bool>("keychain");
        QTest::newRow("system keychain") << true;
        QTest::newRow("session only") << false;
    }
    void tokenAppearsInNoFileAndNoLog()
    {
        QFETCH(bool, keychain);
        QVERIFY2(!qEnvironmentVariableIsEmpty("COUNTERPART_CLI"), "run through ctest, which sets COUNTERPART_CLI");
        if (keychain && qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("No D-Bus session bus: run through scripts/test.sh for the keychain case.");

        Testing::FakeChatwootServer server;
        const QString token = QStringLiteral("NEVER-STORED-") + QUuid::createUuid().toString(QUuid::Id128);
        server.setToken(token);
        QVERIFY(server.listen());
        const qint64 inbox = server.addInbox(QStringLiteral("Website"), QStringLiteral("Channel::WebWidget"));
        const qint64 contact = server.addContact(QStringLiteral("Ada"), QStringLiteral("ada@example.com"));
        const qint64 conversation = server.addConversation(inbox, contact);
        server.addMessage(conversation, QStringLiteral("Where is my parcel?"));

        Testing::TempDataDir dir;
        QStringList add{QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--data-dir"), dir.path(),
                        QStringLiteral("--url"), server.baseUrl().toString(), QStringLiteral("--account-id"),
                        QString::number(server.accountId()), QStringLiteral("--token-stdin")};
        QStringList sync{QStringLiteral("sync"), QStringLiteral("--once"), QStringLiteral("--data-dir"), dir.path()};
        if (!keychain) {
            add << QStringLiteral("--session-only");
            sync << QStringLiteral("--token-stdin");
        }
        const Run added = cli(add, token.toUtf8() + '\n', keychain);
        QVERIFY2(added.exitCode == 0, added.output.constData());
        const Run synced = cli(sync, token.toUtf8() + '\n', keychain);
        QVERIFY2(synced.exitCode == 0, synced.output.constData());
        // The sync really ran (so a clean grep means something): the server saw authenticated calls.
        QVERIFY(server.requestCount() > 3);

        const QByteArray needle = token.toUtf8();
        QVERIFY(!added.output.contains(needle));
        QVERIFY(!synced.output.contains(needle));
        QStringList files;
        QDirIterator it(dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext())
            files.append(it.next());
        QVERIFY2(files.size() >= 2, qPrintable(files.join(QLatin1Char(' '))));
        QVERIFY(files.contains(dir.workspacePath()));
        for (const QString &file : std::as_const(files)) {
            const QByteArray bytes = Testing::TempDataDir::readFile(file);
            QVERIFY2(!bytes.isNull(), qPrintable(file));
            QVERIFY2(!bytes.contains(needle), qPrintable(QStringLiteral("token found in ") + file));
            // SQLite may store text as UTF-16 in principle; look for that too.
            const QByteArray utf16(reinterpret_cast<const char *>(token.utf16()), token.size() * 2);
            QVERIFY2(!bytes.contains(utf16), qPrintable(QStringLiteral("UTF-16 token found in ") + file));
        }
    }
};

QTEST_GUILESS_MAIN(TestTokenNeverStored)
#include "TestTokenNeverStored.moc"
