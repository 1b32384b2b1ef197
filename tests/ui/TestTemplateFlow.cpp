#include "WindowTestSupport.h"
#include "common/ActionRegistry.h"
#include "composer/ComposeAssistant.h"
#include "composer/ComposerArea.h"
#include "composer/ComposerWidget.h"
#include "composer/LattePanel.h"
#include "compose/DraftAutosaver.h"
#include "compose/TemplateEngine.h"
#include "storage/CacheStore.h"
#include "storage/LattePolicyStore.h"
#include "storage/TemplateStore.h"
#include "storage/WorkspaceStore.h"
#include "support/CacheFixture.h"
#include "support/TempDataDir.h"
#include "sync/OutboxStore.h"
#include "templates/PromptedFieldsDialog.h"
#include "templates/TemplateInserter.h"
#include "templates/TemplateManagerDialog.h"
#include "templates/TemplatePopup.h"
#include "templates/TemplatePreview.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QLineEdit>
#include <QMessageBox>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSqlQuery>
#include <QTest>
#include <QTimer>
#include <QVBoxLayout>

#include <memory>

using namespace Counterpart;
using Compose::LatteStep;
using Testing::CacheFixture;

namespace {

constexpr qint64 EmailConversation = 101;    // Alice, English, e-mail, labelled "complaint"
constexpr qint64 WhatsAppConversation = 102; // 王小明, Simplified Chinese, WhatsApp
constexpr qint64 GreekConversation = 104;    // Γιώργος, Greek, e-mail

/** What the pre-send dialog said ("" when none opened); answers it with `button` or OK. */
std::unique_ptr<Testing::NextModal> answerPreSend(QString *said, const QString &button = QString())
{
    return std::make_unique<Testing::NextModal>([said, button](QWidget *modal) {
        auto *box = qobject_cast<QMessageBox *>(modal);
        if (!box) {
            modal->close();
            return;
        }
        *said = box->text() + QLatin1Char('\n') + box->informativeText();
        if (auto *chosen = button.isEmpty() ? nullptr : box->findChild<QPushButton *>(button))
            chosen->click();
        else if (box->button(QMessageBox::Ok))
            box->button(QMessageBox::Ok)->click();
        else
            box->reject();
    });
}

void save(const QImage &image, const QString &name)
{
    const QString dir = QStringLiteral(COUNTERPART_BUILD_DIR "/screenshots");
    QDir().mkpath(dir);
    QVERIFY(image.save(dir % QLatin1Char('/') % name));
}

/** The window with the popup painted where it floats (offscreen grabs miss other windows). */
QImage grabWithPopup(QWidget *window, QWidget *popup)
{
    QImage image = window->grab().toImage();
    if (popup && popup->isVisible()) {
        QPainter painter(&image);
        painter.drawPixmap(window->mapFromGlobal(popup->pos()), popup->grab());
    }
    return image;
}

} // namespace

/**
 * The GUI flow on the real composer (ComposerArea: ComposerWidget with its assistant):
 * type "/" and a shortcut, fill a prompted field, see the preview, send is blocked by a
 * required LATTE step, fix it, and the reply lands in the outbox.
 */
class TestTemplateFlow : public QObject
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
        fixture.addMessage(1009, EmailConversation,
                           QStringLiteral("I reported the noisy fan in my new heater three times and nobody answered."), 3);
        for (Domain::Conversation &conversation : fixture.batch().conversations) {
            if (conversation.remoteId == EmailConversation)
                conversation.labels = {QStringLiteral("complaint")};
        }
        QString error;
        const qint64 sourceId = fixture.ingestInto(*m_cache, &error);
        QVERIFY2(sourceId, qPrintable(error));
        QVERIFY(m_cache->setMeAgent(sourceId, CacheFixture::SupportAgent));
        m_outbox = std::make_unique<Sync::OutboxStore>(m_workspace.get());
        m_templates = std::make_unique<Storage::TemplateStore>(m_workspace->connection());
        QVERIFY(m_templates->seedStarterLibrary() > 0);
        m_policies = std::make_unique<Storage::LattePolicyStore>(m_workspace.get());
        // A complaint must not be closed without acknowledging it and thanking the customer.
        Storage::LattePolicyStore::Policies policies;
        policies.labels.insert(QStringLiteral("complaint"),
                               {Compose::LattePolicyMode::Require, {LatteStep::Acknowledge, LatteStep::Thank}});
        QVERIFY(m_policies->save(policies));

        m_host = std::make_unique<QWidget>();
        m_host->setObjectName(QStringLiteral("composerHost"));
        auto *layout = new QVBoxLayout(m_host.get());
        layout->setContentsMargins(0, 0, 0, 0);
        auto *actions = new Ui::ActionRegistry(m_host.get(), m_host.get());
        Ui::Services services;
        services.cache = m_cache.get();
        services.workspace = m_workspace.get();
        services.outbox = m_outbox.get();
        services.templates = m_templates.get();
        services.lattePolicies = m_policies.get();
        m_area = new Ui::ComposerArea(services, actions, m_host.get());
        m_area->composer()->setNow(CacheFixture::at(60));
        layout->addWidget(m_area);
        m_host->resize(1000, 460);
        m_host->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_host.get()));
    }

    void cleanup()
    {
        m_host.reset();
        m_policies.reset();
        m_templates.reset();
        m_outbox.reset();
        m_cache.reset();
        m_workspace.reset();
        m_dir.reset();
    }

    void slashPromptPreviewBlockedFixedSent()
    {
        open(EmailConversation);
        QPlainTextEdit *editor = m_area->composer()->editor();
        editor->setFocus();

        QTest::keyClicks(editor, QStringLiteral("/close-fe"));
        Ui::TemplatePopup *popup = m_area->assistant()->templatePopup();
        QVERIFY(popup->isVisible());
        QCOMPARE(popup->matches().first().shortcut, QStringLiteral("close-feedback"));
        save(grabWithPopup(m_host.get(), popup), QStringLiteral("templates-popup-en.png"));

        // The prompted fields form: the preview fills in as the agent types, then Insert.
        QString preview;
        const Testing::NextModal prompt([&preview](QWidget *modal) {
            auto *dialog = qobject_cast<Ui::PromptedFieldsDialog *>(modal);
            if (!dialog)
                return;
            QTest::keyClicks(dialog->field(QStringLiteral("Team")), QStringLiteral("our heater engineers"));
            QTest::keyClicks(dialog->field(QStringLiteral("Review date")), QStringLiteral("Monday"));
            preview = dialog->preview()->toPlainText();
            save(dialog->grab().toImage(), QStringLiteral("templates-prompt-en.png"));
            dialog->findChild<QPushButton *>(QStringLiteral("promptInsert"))->click();
        });
        QTest::keyClick(editor, Qt::Key_Return);
        QVERIFY2(preview.contains(QLatin1String("our heater engineers")) && preview.contains(QLatin1String("Monday"))
                     && preview.contains(QLatin1String("Alice")),
                 qPrintable(preview));
        const QString inserted = editor->toPlainText();
        QVERIFY2(inserted.startsWith(QLatin1String("Thank you for taking the time to tell us this, Alice.")),
                 qPrintable(inserted));
        QVERIFY(inserted.contains(QLatin1String("passed your feedback to our heater engineers")));
        QVERIFY(!inserted.contains(QLatin1String("/close-fe")));

        // The closing thanks the customer but never acknowledges the complaint: held back.
        m_area->assistant()->recheckNow();
        Ui::LattePanel *latte = m_area->assistant()->lattePanel();
        QVERIFY(latte->checkBox(LatteStep::Thank)->isChecked());
        QVERIFY(!latte->checkBox(LatteStep::Acknowledge)->isChecked());
        QCOMPARE(latte->checkBox(LatteStep::Acknowledge)->text(), QStringLiteral("Acknowledge (required)"));
        QString said;
        const auto answer = answerPreSend(&said);
        QCOMPARE(m_area->composer()->send(), 0);
        QVERIFY2(said.contains(QLatin1String("cannot be sent yet")) && said.contains(QLatin1String("Acknowledge")),
                 qPrintable(said));
        QVERIFY(m_outbox->pending().isEmpty());
        QCOMPARE(editor->toPlainText(), inserted); // nothing the agent wrote is lost
        save(m_host->grab().toImage(), QStringLiteral("composer-latte-blocked-en.png"));

        // Fixed in the agent's own words; the checklist ticks Acknowledge by itself.
        editor->moveCursor(QTextCursor::Start);
        QTest::keyClicks(editor, QStringLiteral("I'm sorry nobody answered you about the noisy fan, that was frustrating. "));
        m_area->assistant()->recheckNow();
        QVERIFY2(latte->checkBox(LatteStep::Acknowledge)->isChecked(), qPrintable(latte->whyText(LatteStep::Acknowledge)));
        said.clear();
        const auto answerAgain = answerPreSend(&said, QStringLiteral("preSendSendAnyway")); // a warning may still ask
        const qint64 id = m_area->composer()->send();
        QVERIFY2(id != 0, qPrintable(said));
        QVERIFY(!said.contains(QLatin1String("cannot be sent yet")));
        const auto operation = m_outbox->operation(id);
        QVERIFY(operation);
        QCOMPARE(operation->kind, Sync::OutboxOperation::Kind::Reply);
        QCOMPARE(operation->conversationRemoteId, EmailConversation);
        const QString content = operation->payload.value(QStringLiteral("content")).toString();
        QVERIFY(content.startsWith(QLatin1String("I'm sorry nobody answered you about the noisy fan")));
        QVERIFY(content.contains(QLatin1String("passed your feedback to our heater engineers")));
        QVERIFY(editor->toPlainText().isEmpty());
    }

    void templateSubjectFillsTheEmailSubject()
    {
        open(GreekConversation);
        m_area->assistant()->inserter()->setPromptHandler(answerEveryField());
        QLineEdit *subject = m_host->findChild<QLineEdit *>(QStringLiteral("composerSubject"));
        QVERIFY(subject && subject->isVisible());
        const QString conversationSubject = subject->text();

        // "lost" has an e-mail subject in Greek; the customer writes Greek.
        QTest::keyClicks(m_area->composer()->editor(), QStringLiteral("/lost"));
        QTest::keyClick(m_area->composer()->editor(), Qt::Key_Return);
        QVERIFY(!m_area->composer()->editor()->toPlainText().contains(QLatin1String("/lost")));
        // The order id is unknown: the subject keeps no dangling space for it.
        QCOMPARE(subject->text(), QStringLiteral("Σχετικά με την παραγγελία σας"));
        QVERIFY(subject->text() != conversationSubject);
        save(m_host->grab().toImage(), QStringLiteral("composer-template-subject-el.png"));

        // The draft keeps it, and the reply goes out with it.
        m_area->composer()->autosaver()->flush();
        QCOMPARE(m_workspace->draft(QStringLiteral("test"), GreekConversation, QStringLiteral("reply"))->subject,
                 QStringLiteral("Σχετικά με την παραγγελία σας"));
        QString said;
        const auto answer = answerPreSend(&said, QStringLiteral("preSendSendAnyway"));
        const qint64 id = m_area->composer()->send();
        QVERIFY2(id != 0, qPrintable(said));
        QCOMPARE(m_outbox->operation(id)->payload.value(QStringLiteral("subject")).toString(),
                 QStringLiteral("Σχετικά με την παραγγελία σας"));
    }

    void aSubjectTheAgentTypedIsKept()
    {
        open(GreekConversation);
        m_area->assistant()->inserter()->setPromptHandler(answerEveryField());
        QLineEdit *subject = m_host->findChild<QLineEdit *>(QStringLiteral("composerSubject"));
        subject->selectAll();
        Testing::typeText(subject, QStringLiteral("Η νέα σας διεύθυνση"));
        m_area->composer()->editor()->setFocus();
        QTest::keyClicks(m_area->composer()->editor(), QStringLiteral("/lost"));
        QTest::keyClick(m_area->composer()->editor(), Qt::Key_Return);
        QVERIFY(m_area->composer()->editor()->toPlainText().startsWith(QStringLiteral("Καλημέρα Γιώργο")));
        QCOMPARE(subject->text(), QStringLiteral("Η νέα σας διεύθυνση"));
    }

    void chatHasNoSubjectToFill()
    {
        open(WhatsAppConversation);
        m_area->assistant()->inserter()->setPromptHandler(answerEveryField());
        QLineEdit *subject = m_host->findChild<QLineEdit *>(QStringLiteral("composerSubject"));
        const QString before = subject->text();
        QTest::keyClicks(m_area->composer()->editor(), QStringLiteral("/lost"));
        QTest::keyClick(m_area->composer()->editor(), Qt::Key_Return);
        QVERIFY(!m_area->composer()->editor()->toPlainText().isEmpty());
        QVERIFY(!subject->isVisible());
        QCOMPARE(subject->text(), before);
    }

    void undefinedVariableBlocksUntilFilled()
    {
        open(EmailConversation);
        m_area->assistant()->inserter()->setPromptHandler(
            [](const Compose::Template &, const QString &, const Compose::TemplateContext &) {
                return std::optional<QHash<QString, QString>>(QHash<QString, QString>()); // left empty
            });
        QPlainTextEdit *editor = m_area->composer()->editor();
        QTest::keyClicks(editor, QStringLiteral("/damaged"));
        QTest::keyClick(editor, Qt::Key_Return);
        QVERIFY(editor->toPlainText().contains(QLatin1String("{{ask:Item}}")));
        QVERIFY(m_area->assistant()->undefinedVariables().contains(QStringLiteral("ask:Item")));
        QString said;
        const auto answer = answerPreSend(&said);
        QCOMPARE(m_area->composer()->send(), 0);
        QVERIFY2(said.contains(QLatin1String("template field")), qPrintable(said.isEmpty() ? QStringLiteral("no dialog") : said));
        QVERIFY(m_outbox->pending().isEmpty());
    }

    void screenshots_data()
    {
        QTest::addColumn<qint64>("conversation");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("draft");
        QTest::newRow("en") << EmailConversation << QStringLiteral("en")
                            << QStringLiteral("Hi Alice, you should have checked the address. You must send a photo. Thank you.");
        QTest::newRow("zh") << WhatsAppConversation << QStringLiteral("zh")
                            << QStringLiteral("王小明您好，是您自己选错了尺码。您必须先退回商品。谢谢。");
        QTest::newRow("el") << GreekConversation << QStringLiteral("el")
                            << QStringLiteral("Γεια σας Γιώργο, έπρεπε να ελέγξετε τη διεύθυνση. Σας ευχαριστούμε.");
    }

    void screenshots()
    {
        QFETCH(qint64, conversation);
        QFETCH(QString, language);
        QFETCH(QString, draft);
        open(conversation);
        m_area->composer()->editor()->setPlainText(draft);
        m_area->assistant()->recheckNow();
        QVERIFY(!m_area->assistant()->toneFindings().isEmpty()); // each draft blames the customer
        save(m_host->grab().toImage(), QStringLiteral("composer-tone-latte-%1.png").arg(language));

        m_area->composer()->editor()->moveCursor(QTextCursor::End);
        QTest::keyClick(m_area->composer()->editor(), Qt::Key_Return);
        QTest::keyClicks(m_area->composer()->editor(), QStringLiteral("/"));
        save(grabWithPopup(m_host.get(), m_area->assistant()->templatePopup()),
             QStringLiteral("templates-popup-%1.png").arg(language));

        Ui::TemplateManagerDialog manager(m_templates.get());
        manager.setPreviewContext(m_area->assistant()->situation().templateContext);
        manager.show();
        QVERIFY(QTest::qWaitForWindowExposed(&manager));
        save(manager.grab().toImage(), QStringLiteral("templates-manager-%1.png").arg(language));
    }

private:
    void open(qint64 remoteId)
    {
        QSqlQuery query(m_cache->connection());
        query.prepare(QStringLiteral("SELECT id FROM conversations WHERE remote_id = ?"));
        query.addBindValue(remoteId);
        QVERIFY(query.exec() && query.next());
        m_area->showConversation(query.value(0).toLongLong());
        QVERIFY(m_area->composer()->isEnabled());
        m_area->composer()->editor()->setFocus();
    }

    static Ui::TemplateInserter::PromptHandler answerEveryField()
    {
        return [](const Compose::Template &, const QString &body, const Compose::TemplateContext &) {
            QHash<QString, QString> answers;
            for (const QString &label : Compose::TemplateEngine::promptedFields(body))
                answers.insert(label, QStringLiteral("42"));
            return std::optional<QHash<QString, QString>>(answers);
        };
    }

    std::unique_ptr<Testing::TempDataDir> m_dir;
    std::unique_ptr<Storage::CacheStore> m_cache;
    std::unique_ptr<Storage::WorkspaceStore> m_workspace;
    std::unique_ptr<Sync::OutboxStore> m_outbox;
    std::unique_ptr<Storage::TemplateStore> m_templates;
    std::unique_ptr<Storage::LattePolicyStore> m_policies;
    std::unique_ptr<QWidget> m_host;
    Ui::ComposerArea *m_area = nullptr;
};

QTEST_MAIN(TestTemplateFlow)
#include "TestTemplateFlow.moc"
