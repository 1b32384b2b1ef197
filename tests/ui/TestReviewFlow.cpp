#include "ReviewTestSupport.h"
#include "WindowTestSupport.h"
#include "common/Csv.h"
#include "conversation/TranscriptView.h"
#include "models/AgentReviewSummaryModel.h"
#include "models/ItemRoles.h"
#include "models/ReviewQueueModel.h"
#include "review/AnnotationPanel.h"
#include "review/QueueBuilderForm.h"
#include "review/ReviewWindow.h"
#include "review/ScorecardPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QProcess>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Counterpart;
using namespace Counterpart::Ui;
using Testing::CacheFixture;
namespace Roles = Models::Roles;

class TestReviewFlow : public QObject
{
    Q_OBJECT

    Testing::LeadProfile m_profile;
    std::unique_ptr<ReviewWindow> m_window;

    static QString pdfText(const QString &path)
    {
        QProcess process;
        process.start(QStringLiteral("pdftotext"), {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
        if (!process.waitForFinished(30000) || process.exitCode() != 0)
            return QString();
        // NFKC folds the "fi" ligature the PDF font uses back into two letters.
        return QString::fromUtf8(process.readAllStandardOutput()).normalized(QString::NormalizationForm_KC);
    }

    int rowOf(qint64 remoteId) const
    {
        const auto *model = m_window->queueModel();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, 0).data(Roles::RemoteId).toLongLong() == remoteId)
                return row;
        }
        return -1;
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_profile.open(&error), qPrintable(error));
        Services services;
        services.cache = &m_profile.cache;
        services.workspace = &m_profile.workspace;
        services.reviews = m_profile.reviews.get();
        services.outbox = m_profile.outbox.get();
        m_window = std::make_unique<ReviewWindow>(services, CacheFixture::at(60));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(Testing::saveScreenshot(m_window.get(), QStringLiteral("review-empty.png")));
    }

    void buildsAQueueFromTheForm()
    {
        QueueBuilderForm *form = m_window->queueForm();
        form->resolvedOnlyBox()->setChecked(false);
        form->fromEdit()->setDate(QDate(2024, 2, 1));
        form->toEdit()->setDate(QDate(2024, 3, 1));
        QTest::mouseClick(form->buildButton(), Qt::LeftButton);
        QCOMPARE(m_window->queueModel()->rowCount(), 4);
        QCOMPARE(m_window->queueModel()->index(0, Models::ReviewQueueModel::Customer).data().toString(),
                 QStringLiteral("Γιώργος Παπαδόπουλος"));

        // CSAT at or below 2: only Alice's two-star conversation.
        form->csatBox()->setCurrentIndex(form->csatBox()->findData(2));
        QTest::mouseClick(form->buildButton(), Qt::LeftButton);
        QCOMPARE(m_window->queueModel()->rowCount(), 1);
        QCOMPARE(m_window->queueModel()->index(0, 0).data(Roles::RemoteId).toLongLong(), 101);
        form->csatBox()->setCurrentIndex(0);

        // A random sample of two out of the four.
        form->sampleModeBox()->setCurrentIndex(1);
        form->sampleCountBox()->setValue(2);
        QTest::mouseClick(form->buildButton(), Qt::LeftButton);
        QCOMPARE(m_window->queueModel()->rowCount(), 2);
        QVERIFY(m_window->findChild<QLabel *>(QStringLiteral("queueCount"))->text().contains(QStringLiteral("2 of 4")));

        form->sampleModeBox()->setCurrentIndex(0);
        QTest::mouseClick(form->buildButton(), Qt::LeftButton);
        QCOMPARE(m_window->queueModel()->rowCount(), 4);
    }

    void annotatesTheSelectedMessage()
    {
        const int row = rowOf(101);
        QVERIFY(row >= 0);
        m_window->queueView()->setCurrentIndex(m_window->queueModel()->index(row, 0));
        QCOMPARE(m_window->currentConversation(), m_profile.conversationId(101));
        TranscriptView *transcript = m_window->transcript();
        QCOMPARE(transcript->model()->rowCount(), 2);

        AnnotationPanel *panel = m_window->annotationPanel();
        QVERIFY(!panel->pinButton()->isEnabled()); // no message selected yet
        transcript->setCurrentIndex(transcript->model()->index(0, 0));
        panel->kindBox()->setCurrentIndex(panel->kindBox()->findData(int(Review::Annotation::Kind::Coaching)));
        QTest::keyClicks(panel->textEdit(), QStringLiteral("Confirm the refund amount"));
        QVERIFY(panel->pinButton()->isEnabled());
        QTest::mouseClick(panel->pinButton(), Qt::LeftButton);

        QCOMPARE(panel->list()->model()->rowCount(), 1);
        const auto saved = m_profile.reviews->annotations(m_window->queueModel()->index(row, 0).data(Roles::SourceUid).toString(), 101);
        QCOMPARE(saved.size(), 1);
        QCOMPARE(saved.first().messageRemoteId, 1001);
        QCOMPARE(saved.first().kind, Review::Annotation::Kind::Coaching);
        QCOMPARE(saved.first().text, QStringLiteral("Confirm the refund amount"));
        QVERIFY(panel->textEdit()->text().isEmpty());

        // Clicking the annotation brings its message back into the transcript's selection.
        transcript->setCurrentIndex(transcript->model()->index(1, 0));
        QVERIFY(m_window->selectMessage(1001));
        QCOMPARE(transcript->currentIndex().row(), 0);
    }

    void scoresOverridesAndSaves()
    {
        ScorecardPanel *panel = m_window->scorecardPanel();
        QVERIFY(panel->hasScorecard());
        QCOMPARE(panel->scorecard().replies.size(), 1);
        const double before = panel->total();
        const QString beforeText = panel->totalLabel()->text();

        // The lead disagrees with the checker on "Thank".
        QCheckBox *thank = panel->latteBox(0, Compose::LatteStep::Thank);
        QVERIFY(thank);
        const bool detected = thank->isChecked();
        QTest::mouseClick(thank, Qt::LeftButton);
        QCOMPARE(thank->isChecked(), !detected);
        QVERIFY(thank->toolTip().contains(QStringLiteral("overridden")));
        QVERIFY(thank->font().italic());
        QCOMPARE(panel->scorecard().replies.first().overridden[int(Compose::LatteStep::Thank)], std::optional<bool>(!detected));
        QVERIFY(panel->total() != before);

        // Resolved the root cause: not met.
        QComboBox *rootCause = panel->rubricBox(QStringLiteral("root_cause"));
        QVERIFY(rootCause);
        const double afterLatte = panel->total();
        rootCause->setCurrentIndex(rootCause->findData(int(Review::RubricAnswer::NotMet)));
        QVERIFY(panel->total() < afterLatte);
        QVERIFY(panel->totalLabel()->text() != beforeText);

        QTest::mouseClick(panel->saveButton(), Qt::LeftButton);
        const QString uid = m_window->queueModel()->index(rowOf(101), 0).data(Roles::SourceUid).toString();
        const auto card = m_profile.reviews->scorecard(uid, 101);
        QVERIFY(card.has_value());
        QCOMPARE(card->rubric.value(QStringLiteral("root_cause")), Review::RubricAnswer::NotMet);
        QCOMPARE(card->replies.first().overridden[int(Compose::LatteStep::Thank)], std::optional<bool>(!detected));
        QCOMPARE(card->total, panel->total());
        QCOMPARE(card->agentName, QStringLiteral("Maria Agent"));
        QCOMPARE(m_window->queueModel()->index(rowOf(101), 0).data(Roles::ReviewScore).toDouble(), card->total);
        QCOMPARE(m_window->agentModel()->rowCount(), 1);

        // Reopening the conversation shows the saved decisions, not a fresh pre-fill.
        m_window->openRow(rowOf(102));
        m_window->openRow(rowOf(101));
        QCOMPARE(m_window->scorecardPanel()->latteBox(0, Compose::LatteStep::Thank)->isChecked(), !detected);
        QCOMPARE(m_window->scorecardPanel()->rubricBox(QStringLiteral("root_cause"))->currentData().toInt(),
                 int(Review::RubricAnswer::NotMet));
        QCoreApplication::processEvents(); // new widgets are shown through a queued call
        QVERIFY(Testing::saveScreenshot(m_window.get(), QStringLiteral("review-scored.png")));
        m_window->tabs()->setCurrentIndex(1);
        QVERIFY(Testing::saveScreenshot(m_window.get(), QStringLiteral("review-agents.png")));
        m_window->tabs()->setCurrentIndex(0);
    }

    void sharesAsANoteThroughTheOutbox()
    {
        const int before = int(m_profile.outbox->pending().size());
        QVERIFY(m_window->shareScorecard({true, false}));
        const QList<Sync::OutboxOperation> pending = m_profile.outbox->pending();
        QCOMPARE(pending.size(), before + 1);
        QCOMPARE(pending.last().kind, Sync::OutboxOperation::Kind::Note);
        QCOMPARE(pending.last().conversationRemoteId, 101);
    }

    void exportsTheTranscriptToPdfHtmlAndScorecardsToCsv()
    {
        QTemporaryDir out;
        QString error;
        const QString pdf = out.filePath(QStringLiteral("alice.pdf"));
        QVERIFY2(m_window->exportTranscript(pdf, ReviewWindow::ExportFormat::Pdf, {true, true}, &error), qPrintable(error));
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.read(5) == "%PDF-");
        QFile::remove(QStringLiteral(COUNTERPART_BUILD_DIR "/screenshots/review-export.pdf"));
        QFile::copy(pdf, QStringLiteral(COUNTERPART_BUILD_DIR "/screenshots/review-export.pdf")); // for a person to look at
        const QString text = pdfText(pdf);
        QVERIFY2(text.contains(QStringLiteral("refund for order #4411")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Confirm the refund amount")), qPrintable(text));

        const QString bare = out.filePath(QStringLiteral("bare.html"));
        QVERIFY2(m_window->exportTranscript(bare, ReviewWindow::ExportFormat::Html, {false, false}, &error), qPrintable(error));
        const QString html = QString::fromUtf8(Testing::TempDataDir::readFile(bare));
        QVERIFY(html.contains(QStringLiteral("refund for order #4411")));
        QVERIFY(!html.contains(QStringLiteral("Confirm the refund amount")));

        const QString csv = out.filePath(QStringLiteral("scorecards.csv"));
        QVERIFY2(m_window->exportScorecards(csv, &error), qPrintable(error));
        const QList<QStringList> rows = Common::Csv::parse(Testing::TempDataDir::readFile(csv));
        QCOMPARE(rows.size(), 2);
        const int total = int(rows.first().indexOf(QStringLiteral("total")));
        const int conversation = int(rows.first().indexOf(QStringLiteral("conversation_id")));
        const int rootCause = int(rows.first().indexOf(QStringLiteral("rubric_root_cause")));
        QVERIFY(total >= 0 && conversation >= 0 && rootCause >= 0);
        QCOMPARE(rows.at(1).at(conversation), QStringLiteral("101"));
        QCOMPARE(rows.at(1).at(rootCause), QStringLiteral("not_met"));
        QCOMPARE(rows.at(1).at(total).toDouble(), std::round(m_window->scorecardPanel()->total() * 10) / 10);
    }

    void narrowWindowScreenshot()
    {
        m_window->resize(900, 640);
        QTest::qWait(20);
        QVERIFY(Testing::saveScreenshot(m_window.get(), QStringLiteral("review-narrow.png")));
    }
};

QTEST_MAIN(TestReviewFlow)
#include "TestReviewFlow.moc"
