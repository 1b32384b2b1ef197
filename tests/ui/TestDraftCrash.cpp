#include "storage/CacheStore.h"
#include "storage/WorkspaceStore.h"
#include "support/CacheFixture.h"
#include "support/TempDataDir.h"

#include <QProcess>
#include <QTest>

using namespace Counterpart;
using Testing::CacheFixture;

/** The real program is killed with SIGKILL while the agent types: the draft is on disk anyway. */
class TestDraftCrash : public QObject
{
    Q_OBJECT

private slots:
    void draftSurvivesKillWhileTyping()
    {
        const QString app = qEnvironmentVariable("COUNTERPART_APP");
        if (app.isEmpty())
            QSKIP("COUNTERPART_APP is not set (run through ctest)");
        Testing::TempDataDir dir;
        {
            // A non-demo source, so the program opens this workspace instead of generating one.
            Storage::CacheStore cache;
            QVERIFY(cache.open(dir.cachePath()).ok);
            CacheFixture fixture = CacheFixture::multilingual();
            Domain::Source source = fixture.source();
            source.kind = QStringLiteral("fixture");
            const qint64 sourceId = cache.ensureSource(source);
            QVERIFY(sourceId);
            QVERIFY(cache.ingest(sourceId, fixture.batch()));
        }

        const QString text = QStringLiteral("Dear 陳美玲, we are sending a replacement today. Ευχαριστώ!");
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        process.setProcessEnvironment(environment);
        process.start(app, {QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--now"),
                            QStringLiteral("2024-03-01T10:00:00Z"), QStringLiteral("--type-into-composer"), text});
        QVERIFY2(process.waitForStarted(10000), qPrintable(process.errorString()));
        QByteArray output;
        QTRY_VERIFY_WITH_TIMEOUT((output += process.readAllStandardOutput()).contains("typed"), 60000);
        QTest::qWait(1500); // the agent stops typing; the autosave interval is well under this
        process.kill();     // SIGKILL: no destructor, no flush, no chance to save on the way out
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitStatus(), QProcess::CrashExit);

        Storage::WorkspaceStore workspace;
        QVERIFY(workspace.open(dir.workspacePath()).ok);
        // The window opens on the newest active conversation: 103 (陳美玲).
        const auto draft = workspace.draft(QStringLiteral("test"), 103, QStringLiteral("reply"));
        QVERIFY2(draft, qPrintable(QString::fromUtf8(process.readAllStandardError())));
        QCOMPARE(draft->body, text);
    }
};

QTEST_MAIN(TestDraftCrash)
#include "TestDraftCrash.moc"
