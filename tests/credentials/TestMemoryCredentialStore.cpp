#include "credentials/MemoryCredentialStore.h"

#include <QSignalSpy>
#include <QTest>

using namespace Counterpart::Credentials;

class TestMemoryCredentialStore : public QObject
{
    Q_OBJECT
private slots:
    void keepsSecretsForThisSessionOnly()
    {
        MemoryCredentialStore store;
        QVERIFY(!store.isPersistent());
        CredentialJob *write = store.writeSecret(QStringLiteral("k"), QStringLiteral("s3cret"));
        QSignalSpy finished(write, &CredentialJob::finished);
        write->start();
        QVERIFY2(finished.isEmpty(), "jobs answer through the event loop, like the keychain");
        QVERIFY(finished.wait(1000));
        QCOMPARE(write->error(), CredentialJob::Error::None);
        QVERIFY(store.contains(QStringLiteral("k")));

        CredentialJob *read = store.readSecret(QStringLiteral("k"));
        read->exec();
        QCOMPARE(read->secret(), QStringLiteral("s3cret"));
        delete read;

        CredentialJob *remove = store.removeSecret(QStringLiteral("k"));
        remove->exec();
        delete remove;
        CredentialJob *missing = store.readSecret(QStringLiteral("k"));
        missing->exec();
        QCOMPARE(missing->error(), CredentialJob::Error::NotFound);
        delete missing;

        MemoryCredentialStore fresh;
        QVERIFY(!fresh.contains(QStringLiteral("k")));
    }
};

QTEST_GUILESS_MAIN(TestMemoryCredentialStore)
#include "TestMemoryCredentialStore.moc"
