#include "common/Csv.h"
#include "metrics/MetricsEngine.h"
#include "review/ScorecardBuilder.h"
#include "storage/CacheStore.h"
#include "storage/ReviewStore.h"
#include "storage/WorkspaceStore.h"
#include "support/CacheFixture.h"
#include "support/TempDataDir.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Counterpart;
using Testing::CacheFixture;

/**
 * `counterpart-cli export` and `report`, run as a lead runs them: the real binary over a real data
 * folder holding the multilingual fixture, one scorecard and one annotation.
 */
class TestExportCommands : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QString err;
    };

    Run cli(QStringList arguments) const
    {
        arguments << QStringLiteral("--data-dir") << m_dir.path();
        QProcess process;
        process.setProgram(qEnvironmentVariable("COUNTERPART_CLI"));
        process.setArguments(arguments);
        process.start();
        if (!process.waitForFinished(60000))
            return {};
        return {process.exitCode(), process.readAllStandardOutput(), QString::fromUtf8(process.readAllStandardError())};
    }

    static QString pdfText(const QString &path)
    {
        QProcess process;
        process.start(QStandardPaths::findExecutable(QStringLiteral("pdftotext")), {path, QStringLiteral("-")});
        process.waitForFinished(30000);
        return QString::fromUtf8(process.readAllStandardOutput());
    }

    Testing::TempDataDir m_dir;
    QTemporaryDir m_output;
    double m_savedTotal = 0;
    const QString m_annotation = QStringLiteral("Name the refund amount next time");

private slots:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("COUNTERPART_CLI"), "run through ctest, which sets COUNTERPART_CLI");
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty(),
                 "pdftotext (poppler-utils) is installed by scripts/deps.sh");
        Storage::CacheStore cache;
        QVERIFY(cache.open(m_dir.cachePath()).ok);
        CacheFixture fixture = CacheFixture::multilingual();
        for (Domain::Conversation &conversation : fixture.batch().conversations) {
            if (conversation.remoteId == 102)
                conversation.assigneeId = CacheFixture::SupportAgent; // the agent being reviewed
        }
        QString error;
        QVERIFY2(fixture.ingestInto(cache, &error), qPrintable(error));
        Storage::WorkspaceStore workspace;
        QVERIFY(workspace.open(m_dir.workspacePath()).ok);
        Storage::ReviewStore reviews(&workspace);

        QSqlQuery query(cache.connection());
        QVERIFY(query.exec(QStringLiteral("SELECT id FROM conversations WHERE remote_id=102")) && query.next());
        const Review::Rubric rubric;
        Review::Scorecard card = Review::ScorecardBuilder(&cache).prefill(query.value(0).toLongLong(), rubric);
        QCOMPARE(card.replies.size(), 1);
        QVERIFY(card.agentRemoteId == CacheFixture::SupportAgent);
        card.rubric.insert(QStringLiteral("root_cause"), Review::RubricAnswer::Met);
        card.rubric.insert(QStringLiteral("expectations"), Review::RubricAnswer::NotMet);
        card.reviewer = QStringLiteral("Lead");
        card.total = rubric.total(card);
        m_savedTotal = card.total;
        QVERIFY2(reviews.saveScorecard(card) > 0, qPrintable(reviews.errorString()));

        Review::Annotation note;
        note.sourceUid = card.sourceUid;
        note.conversationRemoteId = 102;
        note.messageRemoteId = 1004;
        note.kind = Review::Annotation::Kind::Coaching;
        note.text = m_annotation;
        QVERIFY(reviews.addAnnotation(note) > 0);
    }

    void transcriptToPdfHasTheConversationAndTheReview()
    {
        const QString pdf = m_output.filePath(QStringLiteral("102.pdf"));
        const Run run = cli({QStringLiteral("export"), QStringLiteral("transcript"), QStringLiteral("--conversation"),
                             QStringLiteral("102"), QStringLiteral("--output"), pdf});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.read(5) == "%PDF-");
        const QString text = pdfText(pdf);
        QVERIFY2(text.contains(QStringLiteral("我想申请退款")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Conversation #102")));
        QVERIFY(text.contains(m_annotation));
        QVERIFY(text.contains(QStringLiteral("Scorecard: %1/100").arg(qRound(m_savedTotal))));
    }

    void transcriptToHtmlWithoutTheReview()
    {
        const QString html = m_output.filePath(QStringLiteral("104.html"));
        const Run run = cli({QStringLiteral("export"), QStringLiteral("transcript"), QStringLiteral("--conversation"),
                             QStringLiteral("102"), QStringLiteral("--format"), QStringLiteral("html"),
                             QStringLiteral("--no-annotations"), QStringLiteral("--no-scorecard"),
                             QStringLiteral("--output"), html});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QFile file(html);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY(text.contains(QStringLiteral("好的，我们会尽快处理。")));
        QVERIFY(!text.contains(m_annotation));
        QVERIFY(!text.contains(QStringLiteral("Scorecard")));
    }

    void unknownConversationSaysSo()
    {
        const Run run = cli({QStringLiteral("export"), QStringLiteral("transcript"), QStringLiteral("--conversation"),
                             QStringLiteral("999"), QStringLiteral("--output"), m_output.filePath(QStringLiteral("x.pdf"))});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("no conversation #999")), qPrintable(run.err));
    }

    void scorecardsCsvParsesBackToTheSavedNumbers()
    {
        const QString csv = m_output.filePath(QStringLiteral("scorecards.csv"));
        const Run run = cli({QStringLiteral("export"), QStringLiteral("scorecards"), QStringLiteral("--output"), csv});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QStringList> rows = Common::Csv::parse(file.readAll());
        QCOMPARE(rows.size(), 2);
        const QStringList header = rows.at(0);
        const QStringList row = rows.at(1);
        QCOMPARE(row.at(header.indexOf(QStringLiteral("conversation_id"))), QStringLiteral("102"));
        QCOMPARE(row.at(header.indexOf(QStringLiteral("total"))).toDouble(), std::round(m_savedTotal * 10) / 10);
        QCOMPARE(row.at(header.indexOf(QStringLiteral("rubric_root_cause"))), QStringLiteral("met"));
        QCOMPARE(row.at(header.indexOf(QStringLiteral("rubric_expectations"))), QStringLiteral("not_met"));
        QCOMPARE(row.at(header.indexOf(QStringLiteral("rubric_identity"))), QStringLiteral("n/a"));
    }

    void reportMatchesTheEngine()
    {
        Storage::CacheStore cache;
        QVERIFY(cache.open(m_dir.cachePath()).ok);
        Metrics::MetricsFilter filter;
        filter.from = QDateTime(QDate(2024, 3, 1), QTime(0, 0), Qt::UTC);
        filter.to = QDateTime(QDate(2024, 3, 2), QTime(0, 0), Qt::UTC);
        Metrics::MetricsEngine engine(cache.connection(), Metrics::BusinessHours(), Metrics::Sla());
        const Metrics::MetricsReport expected = engine.compute(filter, QDateTime::currentDateTimeUtc());
        QCOMPARE(expected.opened, 4);

        const Run json = cli({QStringLiteral("report"), QStringLiteral("--from"), QStringLiteral("2024-03-01"),
                              QStringLiteral("--to"), QStringLiteral("2024-03-01"), QStringLiteral("--format"),
                              QStringLiteral("json")});
        QVERIFY2(json.exitCode == 0, qPrintable(json.err));
        const QJsonObject root = QJsonDocument::fromJson(json.out).object();
        QVERIFY(root.value(QStringLiteral("dashboard_refresh_ms")).toDouble() > 0);
        QHash<QString, double> summary;
        for (const QJsonValue &row : root.value(QStringLiteral("summary")).toObject().value(QStringLiteral("rows")).toArray())
            summary.insert(row.toObject().value(QStringLiteral("metric")).toString(), row.toObject().value(QStringLiteral("value")).toDouble());
        QCOMPARE(summary.value(QStringLiteral("opened")), double(expected.opened));
        QCOMPARE(summary.value(QStringLiteral("first_response_count")), double(expected.firstResponse.count));
        QCOMPARE(summary.value(QStringLiteral("first_response_average")), std::round(expected.firstResponse.averageSecs * 10) / 10);
        const QJsonArray agents = root.value(QStringLiteral("agents")).toObject().value(QStringLiteral("rows")).toArray();
        QCOMPARE(agents.size(), 1);
        QCOMPARE(agents.first().toObject().value(QStringLiteral("reviews")).toInt(), 1); // the scorecard above

        const Run csv = cli({QStringLiteral("report"), QStringLiteral("--agent"), QStringLiteral("nobody")});
        QCOMPARE(csv.exitCode, 2);
        QVERIFY(csv.err.contains(QStringLiteral("no agent called")));
    }
};

QTEST_GUILESS_MAIN(TestExportCommands)
#include "TestExportCommands.moc"
