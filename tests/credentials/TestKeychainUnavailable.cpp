#include "credentials/KeychainCredentialStore.h"

#include <QSignalSpy>
#include <QTest>

using namespace Counterpart::Credentials;

/**
 * A machine without a usable keychain (no session bus): every job must end, quickly, with
 * NoKeychain and a reason, so the app can offer session-only instead of writing plain text.
 */
class TestKeychainUnavailable : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        // Before QtKeychain first touches D-Bus: a bus address that leads nowhere.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/counterpart-no-bus");
    }

    void everyJobReportsNoKeychain_data()
    {
        QTest::addColumn<int>("operation");
        QTest::newRow("write") << int(CredentialJob::Operation::Write);
        QTest::newRow("read") << int(CredentialJob::Operation::Read);
        QTest::newRow("remove") << int(CredentialJob::Operation::Remove);
    }
    void everyJobReportsNoKeychain()
    {
        QFETCH(int, operation);
        KeychainCredentialStore store(QStringLiteral("Counterpart-test-nobus"), 5000);
        QSignalSpy unavailable(&store, &CredentialStore::keychainUnavailable);
        const QString key = QStringLiteral("token:x");
        CredentialJob *job = nullptr;
        switch (CredentialJob::Operation(operation)) {
        case CredentialJob::Operation::Write:
            job = store.writeSecret(key, QStringLiteral("never-in-plain-text"));
            break;
        case CredentialJob::Operation::Read:
            job = store.readSecret(key);
            break;
        case CredentialJob::Operation::Remove:
            job = store.removeSecret(key);
            break;
        }
        job->exec();
        QCOMPARE(job->error(), CredentialJob::Error::NoKeychain);
        QVERIFY(job->errorString().contains(QStringLiteral("keychain")));
        QCOMPARE(unavailable.size(), 1);
        delete job;
    }
};

QTEST_GUILESS_MAIN(TestKeychainUnavailable)
#include "TestKeychainUnavailable.moc"
