#include "KeyboardController.h"
#include "MainWindow.h"
#include "WindowTestSupport.h"
#include "common/ActionRegistry.h"
#include "common/CommandPalette.h"
#include "composer/ComposeAssistant.h"
#include "composer/ComposerArea.h"
#include "composer/ComposerWidget.h"
#include "composer/LattePanel.h"
#include "settings/LattePolicyDialog.h"
#include "storage/CacheStore.h"
#include "storage/LattePolicyStore.h"
#include "storage/WorkspaceStore.h"
#include "support/CacheFixture.h"
#include "support/TempDataDir.h"
#include "sync/OutboxStore.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSqlQuery>
#include <QTest>
#include <QTimer>


using namespace Counterpart;
using Compose::LattePolicyMode;
using Compose::LatteStep;
using Testing::CacheFixture;

namespace {

constexpr qint64 ComplaintConversation = 101; // e-mail, English, labelled "complaint" below
constexpr qint64 PlainConversation = 104;     // e-mail, Greek, no label

} // namespace

/**
 * Settings > LATTE checklist: the agent sets "require Thank for label complaint" in the dialog,
 * opened from the command palette, and the composer of a complaint holds a reply without thanks.
 */
class TestLattePolicyDialog : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<Testing::TempDataDir>();
        m_cache = std::make_unique<Storage::CacheStore>();
        m_workspace = std::make_unique<Storage::WorkspaceStore>();
        QVERIFY(m_cache->open(m_dir->cachePath()).ok);
        QVERIFY(m_workspace->open(m_dir->workspacePath()).ok);
        CacheFixture fixture = CacheFixture::multilingual();
        Domain::Label complaint;
        complaint.remoteId = 7;
        complaint.title = QStringLiteral("Complaint");
        fixture.batch().labels.append(complaint);
        for (Domain::Conversation &conversation : fixture.batch().conversations) {
            if (conversation.remoteId == ComplaintConversation)
                conversation.labels = {QStringLiteral("Complaint")};
        }
        QString error;
        const qint64 sourceId = fixture.ingestInto(*m_cache, &error);
        QVERIFY2(sourceId, qPrintable(error));
        QVERIFY(m_cache->setMeAgent(sourceId, CacheFixture::SupportAgent));
        m_outbox = std::make_unique<Sync::OutboxStore>(m_workspace.get());
        m_policies = std::make_unique<Storage::LattePolicyStore>(m_workspace.get());

        Ui::Services services;
        services.cache = m_cache.get();
        services.workspace = m_workspace.get();
        services.outbox = m_outbox.get();
        services.lattePolicies = m_policies.get();
        Ui::MainWindow::Options options;
        options.now = CacheFixture::at(60);
        m_window = std::make_unique<Ui::MainWindow>(services, options);
        m_window->show();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup()
    {
        m_window.reset();
        m_policies.reset();
        m_outbox.reset();
        m_cache.reset();
        m_workspace.reset();
        m_dir.reset();
    }

    void requireThankForComplaintBlocksAReplyWithoutThanks()
    {
        // From the command palette, as an agent would find it.
        QTest::keyClick(m_window.get(), Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        auto *keyboard = m_window->findChild<Ui::KeyboardController *>(QStringLiteral("keyboardController"));
        Ui::CommandPalette *palette = keyboard->commandPalette();
        QTRY_VERIFY(palette->isVisible());
        auto *filter = palette->findChild<QLineEdit *>(QStringLiteral("paletteFilter"));
        QTest::keyClicks(filter, QStringLiteral("latte pol"));
        QCOMPARE(palette->visibleCommandIds().value(0), QStringLiteral("latte.policies"));

        bool sawDialog = false;
        const Testing::NextModal policyDialog([&sawDialog](QWidget *modal) {
            auto *dialog = qobject_cast<Ui::LattePolicyDialog *>(modal);
            if (!dialog)
                return;
            sawDialog = true;
            auto *mode = dialog->findChild<QComboBox *>(QStringLiteral("lattePolicyMode_label_complaint"));
            QVERIFY(mode);
            QCOMPARE(mode->currentText(), QStringLiteral("No rule"));
            mode->setCurrentIndex(mode->findText(QStringLiteral("Require before sending")));
            for (const LatteStep step : Compose::allLatteSteps()) {
                auto *box = dialog->findChild<QCheckBox *>(QStringLiteral("lattePolicyStep_label_complaint_")
                                                           + Compose::latteStepKey(step));
                QVERIFY(box && box->isEnabled());
                if (box->isChecked() != (step == LatteStep::Thank))
                    box->click();
            }
            QVERIFY(Testing::saveScreenshot(dialog, QStringLiteral("latte-policy-dialog.png")));
            dialog->findChild<QPushButton *>(QStringLiteral("lattePolicyOk"))->click();
        });
        QTest::keyClick(filter, Qt::Key_Return);
        QTRY_VERIFY(sawDialog);

        const Storage::LattePolicyStore::Policies saved = m_policies->load();
        QCOMPARE(saved.labels.value(QStringLiteral("complaint")).mode, LattePolicyMode::Require);
        QCOMPARE(saved.labels.value(QStringLiteral("complaint")).steps, QList<LatteStep>{LatteStep::Thank});

        m_window->openConversation(conversationId(ComplaintConversation));
        Ui::ComposerWidget *composer = area()->composer();
        QCOMPARE(area()->assistant()->lattePanel()->checkBox(LatteStep::Thank)->text(),
                 QStringLiteral("Thank (required)"));
        composer->editor()->setFocus();
        QTest::keyClicks(composer->editor(),
                         QStringLiteral("Hi Alice, I have refunded order #4411 today. The money shows up in 3 to 5 days."));

        QString refusal;
        const Testing::NextModal preSend([&refusal](QWidget *modal) {
            auto *box = qobject_cast<QMessageBox *>(modal);
            if (!box)
                return;
            refusal = modal->objectName() + QLatin1Char('|') + box->text() + QLatin1Char('|') + box->informativeText();
            box->button(QMessageBox::Ok) ? box->button(QMessageBox::Ok)->click() : box->reject();
        });
        QCOMPARE(composer->send(), 0);
        QVERIFY2(refusal.startsWith(QStringLiteral("preSendDialog|This message cannot be sent yet")), qPrintable(refusal));
        QVERIFY2(refusal.contains(QStringLiteral("Thank")), qPrintable(refusal));
        QVERIFY(m_outbox->pending().isEmpty());
        QVERIFY(Testing::saveScreenshot(m_window.get(), QStringLiteral("latte-policy-complaint-blocked.png")));

        QTest::keyClicks(composer->editor(), QStringLiteral(" Thank you for your patience."));
        const Testing::NextModal warning([](QWidget *modal) { // a warning may still ask; the step is done
            if (auto *anyway = modal->findChild<QPushButton *>(QStringLiteral("preSendSendAnyway")))
                anyway->click();
        });
        const qint64 id = composer->send();
        QVERIFY(id != 0);
        QVERIFY(m_outbox->operation(id)->payload.value(QStringLiteral("content")).toString().contains(
            QStringLiteral("Thank you for your patience")));
    }

    void theComplaintRuleLeavesOtherConversationsAlone()
    {
        Storage::LattePolicyStore::Policies policies;
        policies.labels.insert(QStringLiteral("complaint"), {LattePolicyMode::Require, {LatteStep::Thank}});
        QVERIFY(m_policies->save(policies));

        m_window->openConversation(conversationId(PlainConversation));
        Ui::ComposerWidget *composer = area()->composer();
        QCOMPARE(area()->assistant()->lattePanel()->checkBox(LatteStep::Thank)->text(), QStringLiteral("Thank"));
        Testing::typeText(composer->editor(), QStringLiteral("Γιώργο, άλλαξα τη διεύθυνση αποστολής σήμερα."));
        const Testing::NextModal warning([](QWidget *modal) {
            if (auto *anyway = modal->findChild<QPushButton *>(QStringLiteral("preSendSendAnyway")))
                anyway->click();
        });
        QVERIFY(composer->send() != 0);
    }

    void anOpenReplyFollowsThePolicyAsSoonAsItIsSaved()
    {
        m_window->openConversation(conversationId(ComplaintConversation));
        Ui::LattePanel *latte = area()->assistant()->lattePanel();
        QCOMPARE(latte->findChild<QLabel *>(QStringLiteral("lattePolicy"))->text(), QStringLiteral("Reminder"));

        Storage::LattePolicyStore::Policies policies;
        policies.labels.insert(QStringLiteral("complaint"), {LattePolicyMode::Require, {LatteStep::Thank}});
        QVERIFY(m_policies->save(policies));
        QCOMPARE(latte->findChild<QLabel *>(QStringLiteral("lattePolicy"))->text(),
                 QStringLiteral("Required before sending"));
    }

    void dialogShowsWhatIsSavedAndSetsTheInboxVoice()
    {
        Storage::LattePolicyStore::Policies policies;
        policies.fallback = {LattePolicyMode::Off, Compose::allLatteSteps()};
        policies.lowRatingAtMost = 1;
        policies.labels.insert(QStringLiteral("complaint"), {LattePolicyMode::Remind, {LatteStep::Listen}});
        QVERIFY(m_policies->save(policies));
        const QString emailInbox = Storage::LattePolicyStore::inboxKey(QStringLiteral("test"), CacheFixture::EmailInbox);

        Ui::LattePolicyDialog dialog(m_policies.get(), m_cache.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *fallback = dialog.findChild<QComboBox *>(QStringLiteral("lattePolicyMode_default"));
        QCOMPARE(fallback->currentText(), QStringLiteral("Off"));
        QVERIFY(!dialog.findChild<QCheckBox *>(QStringLiteral("lattePolicyStep_default_thank"))->isEnabled());
        QCOMPARE(dialog.findChild<QSpinBox *>(QStringLiteral("latteLowRating"))->value(), 1);
        QCOMPARE(dialog.findChild<QComboBox *>(QStringLiteral("lattePolicyMode_label_complaint"))->currentText(),
                 QStringLiteral("Remind"));
        QVERIFY(dialog.findChild<QCheckBox *>(QStringLiteral("lattePolicyStep_label_complaint_listen"))->isChecked());
        QVERIFY(!dialog.findChild<QCheckBox *>(QStringLiteral("lattePolicyStep_label_complaint_thank"))->isChecked());
        auto *inboxMode = dialog.findChild<QComboBox *>(QStringLiteral("lattePolicyMode_inbox_") + emailInbox);
        QVERIFY(inboxMode);
        QCOMPARE(inboxMode->currentText(), QStringLiteral("Use the fallback"));
        auto *voice = dialog.findChild<QComboBox *>(QStringLiteral("inboxFormality_") + emailInbox);
        QCOMPARE(voice->currentText(), QStringLiteral("Neutral"));
        QVERIFY(Testing::saveScreenshot(&dialog, QStringLiteral("latte-policy-dialog-saved.png")));

        voice->setCurrentIndex(voice->findText(QStringLiteral("Formal")));
        inboxMode->setCurrentIndex(inboxMode->findText(QStringLiteral("Require before sending")));
        dialog.findChild<QSpinBox *>(QStringLiteral("latteLowRating"))->setValue(0);
        QVERIFY(dialog.save());

        const Storage::LattePolicyStore::Policies reread = m_policies->load();
        QCOMPARE(reread.inboxes.value(emailInbox).mode, LattePolicyMode::Require);
        QCOMPARE(reread.inboxes.value(emailInbox).steps, Compose::allLatteSteps());
        QCOMPARE(reread.lowRatingAtMost, 0);
        QCOMPARE(reread.labels.value(QStringLiteral("complaint")).steps, QList<LatteStep>{LatteStep::Listen});
        QCOMPARE(m_policies->formality(emailInbox), Compose::Formality::Formal);

        // The formal voice shows in the composer's tone findings: slang is flagged in this inbox.
        m_window->openConversation(conversationId(PlainConversation));
        Ui::ComposeAssistant *assistant = area()->assistant();
        area()->composer()->editor()->setPlainText(QStringLiteral("Hey, no worries, gonna fix it 😊"));
        assistant->recheckNow();
        QStringList rules;
        for (const Compose::ToneFinding &finding : assistant->toneFindings())
            rules.append(finding.ruleId);
        QVERIFY2(rules.contains(QStringLiteral("formality.casual")), qPrintable(rules.join(u',')));
    }

private:
    qint64 conversationId(qint64 remoteId) const
    {
        QSqlQuery query(m_cache->connection());
        query.prepare(QStringLiteral("SELECT id FROM conversations WHERE remote_id = ?"));
        query.addBindValue(remoteId);
        return query.exec() && query.next() ? query.value(0).toLongLong() : 0;
    }

    Ui::ComposerArea *area() const { return m_window->findChild<Ui::ComposerArea *>(QStringLiteral("composerArea")); }

    std::unique_ptr<Testing::TempDataDir> m_dir;
    std::unique_ptr<Storage::CacheStore> m_cache;
    std::unique_ptr<Storage::WorkspaceStore> m_workspace;
    std::unique_ptr<Sync::OutboxStore> m_outbox;
    std::unique_ptr<Storage::LattePolicyStore> m_policies;
    std::unique_ptr<Ui::MainWindow> m_window;
};

QTEST_MAIN(TestLattePolicyDialog)
#include "TestLattePolicyDialog.moc"
