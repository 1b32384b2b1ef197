#include "storage/WorkspaceStore.h"
#include "support/FakeChatwootServer.h"
#include "support/TempDataDir.h"
#include "sync/AccountStore.h"

#include <QDirIterator>
#include <QProcess>
#include <QTest>
#include <QUuid>

using namespace Counterpart;
using Testing::FakeChatwootServer;

/**
 * `counterpart-cli account` and `sync --once` as a user runs them, against the fake Chatwoot
 * server in this process. The keychain cases need the private session bus of scripts/test.sh.
 */
class TestAccountCommand : public QObject
{
    Q_OBJECT

public:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    /** Runs the CLI while this process keeps serving the fake server (no blocking wait). */
    static Run cli(const QStringList &arguments, const QByteArray &input = QByteArray(),
                   const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
    {
        QProcess process;
        process.setProcessEnvironment(environment);
        process.setProgram(qEnvironmentVariable("COUNTERPART_CLI"));
        process.setArguments(arguments);
        process.start();
        if (!process.waitForStarted(10000))
            return {};
        process.write(input);
        process.closeWriteChannel();
        if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 60000)) {
            process.kill();
            process.waitForFinished(5000);
            return {};
        }
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

    static QProcessEnvironment withoutKeychain()
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/no-bus"));
        return environment;
    }

    static QList<Sync::Account> accountsIn(const Testing::TempDataDir &dir)
    {
        Storage::WorkspaceStore workspace;
        if (!workspace.open(dir.workspacePath()).ok)
            return {};
        return Sync::AccountStore(&workspace).accounts();
    }

    static QStringList filesContaining(const QString &directory, const QByteArray &needle)
    {
        QStringList found;
        QDirIterator it(directory, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (Testing::TempDataDir::readFile(path).contains(needle))
                found.append(path);
        }
        return found;
    }

private:
    FakeChatwootServer m_server;
    QString m_token;

    QStringList addArguments(const Testing::TempDataDir &dir) const
    {
        return {QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--data-dir"), dir.path(),
                QStringLiteral("--url"), m_server.baseUrl().toString(), QStringLiteral("--account-id"),
                QString::number(m_server.accountId()), QStringLiteral("--token-stdin")};
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("COUNTERPART_CLI"), "run through ctest, which sets COUNTERPART_CLI");
        m_token = QStringLiteral("tok-") + QUuid::createUuid().toString(QUuid::Id128);
        m_server.setToken(m_token);
        QVERIFY(m_server.listen());
        const qint64 inbox = m_server.addInbox(QStringLiteral("Website"), QStringLiteral("Channel::WebWidget"));
        for (int i = 0; i < 3; ++i) {
            const qint64 contact = m_server.addContact(QStringLiteral("Customer %1").arg(i));
            const qint64 conversation = m_server.addConversation(inbox, contact);
            m_server.addMessage(conversation, QStringLiteral("Hello %1").arg(i));
        }
    }

    void wrongTokenIsRefusedAndNothingIsSaved()
    {
        Testing::TempDataDir dir;
        const Run run = cli(addArguments(dir), "not-the-token\n", withoutKeychain());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("connection check failed")), qPrintable(run.err));
        QVERIFY(accountsIn(dir).isEmpty());
    }

    void withoutKeychainItSaysSoAndStoresNothing()
    {
        Testing::TempDataDir dir;
        const Run run = cli(addArguments(dir), m_token.toUtf8() + '\n', withoutKeychain());
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(QStringLiteral("No system keychain")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("--session-only")), qPrintable(run.err));
        QVERIFY(!run.err.contains(m_token) && !run.out.contains(m_token));
        QVERIFY(accountsIn(dir).isEmpty());
        QCOMPARE(filesContaining(dir.path(), m_token.toUtf8()), QStringList());
    }

    void sessionOnlyAccountSyncsWithTheTokenGivenAgain()
    {
        Testing::TempDataDir dir;
        Run run = cli(addArguments(dir) << QStringLiteral("--session-only"), m_token.toUtf8() + '\n', withoutKeychain());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const auto accounts = accountsIn(dir);
        QCOMPARE(accounts.size(), 1);
        QVERIFY(accounts.first().sessionOnly);

        run = cli({QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--data-dir"), dir.path()});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("session only")), qPrintable(run.out));

        run = cli({QStringLiteral("sync"), QStringLiteral("--once"), QStringLiteral("--data-dir"), dir.path()},
                  QByteArray(), withoutKeychain());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("--token-stdin")), qPrintable(run.err));

        run = cli({QStringLiteral("sync"), QStringLiteral("--once"), QStringLiteral("--token-stdin"),
                   QStringLiteral("--data-dir"), dir.path()},
                  m_token.toUtf8() + '\n', withoutKeychain());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("3 conversations")), qPrintable(run.out));
        QCOMPARE(filesContaining(dir.path(), m_token.toUtf8()), QStringList());
    }

    void keychainAccountIsAddedListedSyncedAndRemoved()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("No D-Bus session bus: run through scripts/test.sh for the keychain cases.");
        Testing::TempDataDir dir;
        Run run = cli(addArguments(dir), m_token.toUtf8() + '\n');
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(QStringLiteral("system keychain")));
        const auto accounts = accountsIn(dir);
        QCOMPARE(accounts.size(), 1);

        run = cli({QStringLiteral("sync"), QStringLiteral("--once"), QStringLiteral("--data-dir"), dir.path()});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));

        run = cli({QStringLiteral("account"), QStringLiteral("remove"), QString::number(accounts.first().id),
                   QStringLiteral("--data-dir"), dir.path()});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(accountsIn(dir).isEmpty());
        run = cli({QStringLiteral("sync"), QStringLiteral("--once"), QStringLiteral("--data-dir"), dir.path()});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("no accounts")), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestAccountCommand)
#include "TestAccountCommand.moc"
