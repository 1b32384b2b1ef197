#include "credentials/KeychainCredentialStore.h"

#include <QSignalSpy>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace Counterpart::Credentials;

/**
 * Against the real Secret Service: scripts/test.sh runs ctest inside dbus-run-session with an
 * unlocked gnome-keyring. Without a session bus there is nothing to talk to, so it skips.
 */
class TestKeychainCredentialStore : public QObject
{
    Q_OBJECT

private:
    static std::unique_ptr<CredentialJob> run(CredentialJob *job)
    {
        job->exec();
        return std::unique_ptr<CredentialJob>(job);
    }

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("No D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is empty): run through scripts/test.sh, "
                  "which starts one with an unlocked gnome-keyring.");
    }

    void writesReadsAndRemovesAToken()
    {
        // A service name of its own per run, so runs never see each other's entries.
        const QString service = QStringLiteral("Counterpart-test-") + QUuid::createUuid().toString(QUuid::Id128);
        KeychainCredentialStore store(service, 10000);
        QSignalSpy unavailable(&store, &CredentialStore::keychainUnavailable);
        const QString key = QStringLiteral("token:chatwoot:http://127.0.0.1#1");
        const QString token = QStringLiteral("kc-secret-") + QUuid::createUuid().toString(QUuid::Id128);

        auto write = run(store.writeSecret(key, token));
        QVERIFY2(write->error() == CredentialJob::Error::None, qPrintable(write->errorString()));
        QVERIFY(store.isPersistent());

        // A second store object (as after a restart) reads it back from the keychain.
        KeychainCredentialStore again(service, 10000);
        auto read = run(again.readSecret(key));
        QVERIFY2(read->error() == CredentialJob::Error::None, qPrintable(read->errorString()));
        QCOMPARE(read->secret(), token);

        auto remove = run(store.removeSecret(key));
        QVERIFY2(remove->error() == CredentialJob::Error::None, qPrintable(remove->errorString()));
        auto gone = run(store.readSecret(key));
        QCOMPARE(gone->error(), CredentialJob::Error::NotFound);
        QVERIFY(gone->secret().isEmpty());
        QVERIFY(unavailable.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestKeychainCredentialStore)
#include "TestKeychainCredentialStore.moc"
