#include "storage/CacheStore.h"
#include "support/CacheFixture.h"
#include "support/TempDataDir.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace Counterpart;
using Testing::CacheFixture;

/** `counterpart-cli search`, run as a user runs it: the real binary over a real data folder. */
class TestSearchCommand : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    static Run cli(const QStringList &arguments)
    {
        QProcess process;
        process.setProgram(qEnvironmentVariable("COUNTERPART_CLI"));
        process.setArguments(arguments);
        process.start();
        if (!process.waitForFinished(60000))
            return {};
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("COUNTERPART_CLI"), "run through ctest, which sets COUNTERPART_CLI");
        Storage::CacheStore cache;
        QVERIFY(cache.open(m_dir.cachePath()).ok);
        CacheFixture fixture = CacheFixture::multilingual();
        // A newer message about a refund in the Greek conversation, to check the order.
        fixture.addMessage(1010, 104, QStringLiteral("Θέλω επιστροφή χρημάτων (refund) για το δέμα."), 50);
        QString error;
        QVERIFY2(fixture.ingestInto(cache, &error), qPrintable(error));
    }

    void findsConversationsNewestFirstAsJson_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QList<int>>("remoteIds");
        QTest::addColumn<QString>("highlight");
        QTest::newRow("english") << QStringLiteral("refund") << QList<int>{104, 101} << QStringLiteral("[refund]");
        QTest::newRow("chinese two characters") << QStringLiteral("退款") << QList<int>{102} << QStringLiteral("[退款]");
        QTest::newRow("traditional") << QStringLiteral("退貨") << QList<int>{103} << QStringLiteral("[退貨]");
        QTest::newRow("greek without accents") << QStringLiteral("καλημερα") << QList<int>{104}
                                               << QStringLiteral("[Καλημέρα]");
    }

    void findsConversationsNewestFirstAsJson()
    {
        QFETCH(QString, query);
        QFETCH(QList<int>, remoteIds);
        QFETCH(QString, highlight);
        const Run run = cli({QStringLiteral("search"), QStringLiteral("--data-dir"), m_dir.path(),
                             QStringLiteral("--json"), query});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject root = QJsonDocument::fromJson(run.out.toUtf8()).object();
        const QJsonArray results = root.value(QStringLiteral("results")).toArray();
        QList<int> found;
        for (const auto &value : results) {
            const QJsonObject hit = value.toObject();
            if (hit.value(QStringLiteral("kind")).toString() == QLatin1String("message"))
                found.append(hit.value(QStringLiteral("remote_id")).toInt());
        }
        QCOMPARE(found, remoteIds);
        QVERIFY2(results.first().toObject().value(QStringLiteral("snippet")).toString().contains(highlight),
                 qPrintable(run.out));
    }

    void plainTextOutputNamesTheCustomer()
    {
        const Run run = cli({QStringLiteral("search"), QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("退款")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("#102")), qPrintable(run.out));
        QVERIFY(run.out.contains(QStringLiteral("王小明")));
        QVERIFY(run.out.contains(QStringLiteral("[退款]"))); // not a terminal: plain brackets
    }

    void noMatchIsNotAnError()
    {
        const Run run = cli({QStringLiteral("search"), QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("zebra")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(QStringLiteral("No conversation or contact matches")));
    }

    void missingDataAndMissingQueryExplainThemselves()
    {
        Testing::TempDataDir empty;
        Run run = cli({QStringLiteral("search"), QStringLiteral("--data-dir"), empty.path(), QStringLiteral("refund")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains(QStringLiteral("no cache")));
        QVERIFY2(empty.entries().isEmpty(), "search must not create files in a folder it only reads");
        run = cli({QStringLiteral("search"), QStringLiteral("--data-dir"), m_dir.path()});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(!run.err.isEmpty());
    }

private:
    Testing::TempDataDir m_dir;
};

QTEST_GUILESS_MAIN(TestSearchCommand)
#include "TestSearchCommand.moc"
