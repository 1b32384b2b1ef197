#include "composer/ComposeAssistant.h"
#include "composer/LattePanel.h"
#include "compose/PreSendCheck.h"
#include "storage/TemplateStore.h"
#include "storage/WorkspaceStore.h"
#include "support/TempDataDir.h"
#include "templates/PromptedFieldsDialog.h"
#include "templates/TemplateInserter.h"
#include "templates/TemplateManagerDialog.h"
#include "templates/TemplatePopup.h"
#include "templates/TemplatePreview.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>
#include <QTimer>

using namespace Counterpart;
using Compose::LatteStep;

/**
 * The issue's GUI flow: type "/" and a shortcut, fill a prompted field, see the preview, send is
 * blocked by a required LATTE step, fix it, send. The composer is stood in for by a plain text
 * editor with the ComposeAssistant attached and PreSendCheck run the way the composer's send does
 * (the real ComposerWidget was not yet committed when this was written).
 */
class TestTemplateFlow : public QObject
{
    Q_OBJECT

private:
    struct Stage
    {
        QWidget window;
        QPlainTextEdit *editor = nullptr;
        std::unique_ptr<Ui::ComposeAssistant> assistant;
    };

    std::unique_ptr<Stage> stage(const QString &language, const QString &customer, const QString &message)
    {
        auto result = std::make_unique<Stage>();
        result->window.setObjectName(QStringLiteral("composerStandIn"));
        auto *layout = new QHBoxLayout(&result->window);
        result->editor = new QPlainTextEdit(&result->window);
        result->editor->setObjectName(QStringLiteral("composerEditor"));
        result->assistant = std::make_unique<Ui::ComposeAssistant>(result->editor, m_templates.get());
        layout->addWidget(result->editor, 3);
        layout->addWidget(result->assistant->sidePanel(), 2);
        Ui::ComposeSituation situation;
        situation.language = language;
        situation.channel = Domain::ChannelKind::Email;
        situation.customerName = customer;
        situation.customerMessage = message;
        situation.templateContext.values.insert(QStringLiteral("contact.first_name"), customer);
        situation.templateContext.values.insert(QStringLiteral("agent.first_name"), QStringLiteral("Sam"));
        situation.lattePolicy.mode = Compose::LattePolicyMode::Require; // a "complaint" label
        situation.lattePolicy.steps = Compose::allLatteSteps();
        result->assistant->setSituation(situation);
        result->window.resize(1000, 460);
        result->window.show();
        return result;
    }

    static Compose::PreSendReport send(Ui::ComposeAssistant &assistant, const QString &draft)
    {
        Compose::PreSendInput input;
        input.draft = draft;
        input.channel = Domain::ChannelKind::Email;
        assistant.fillPreSendInput(input);
        return Compose::PreSendCheck::run(input);
    }

    static void save(const QImage &image, const QString &name)
    {
        const QString dir = QStringLiteral(COUNTERPART_BUILD_DIR "/screenshots");
        QDir().mkpath(dir);
        QVERIFY(image.save(dir % QLatin1Char('/') % name));
    }

    /** The window with the popup painted where it floats (offscreen grabs miss other windows). */
    static QImage grabWithPopup(QWidget *window, QWidget *popup)
    {
        QImage image = window->grab().toImage();
        if (popup && popup->isVisible()) {
            QPainter painter(&image);
            painter.drawPixmap(window->mapFromGlobal(popup->pos()), popup->grab());
        }
        return image;
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<Testing::TempDataDir>();
        m_workspace = std::make_unique<Storage::WorkspaceStore>();
        QVERIFY(m_workspace->open(m_dir->workspacePath()).ok);
        m_templates = std::make_unique<Storage::TemplateStore>(m_workspace->connection());
        QVERIFY(m_templates->seedStarterLibrary() > 0);
    }

    void cleanup()
    {
        m_templates.reset();
        m_workspace.reset();
        m_dir.reset();
    }

    void slashPromptPreviewBlockedFixedSent()
    {
        auto s = stage(QStringLiteral("en"), QStringLiteral("Priya"),
                       QStringLiteral("My lamp arrived broken, order #4471."));
        QVERIFY(QTest::qWaitForWindowExposed(&s->window));
        s->editor->setFocus();

        QTest::keyClicks(s->editor, QStringLiteral("/dama"));
        Ui::TemplatePopup *popup = s->assistant->templatePopup();
        QVERIFY(popup->isVisible());
        QCOMPARE(popup->matches().first().shortcut, QStringLiteral("damaged"));
        save(grabWithPopup(&s->window, popup), QStringLiteral("templates-popup-en.png"));

        // The prompted field form: fill "Item", see it in the preview, insert.
        bool sawPreview = false;
        QTimer::singleShot(0, this, [&sawPreview] {
            auto *dialog = qobject_cast<Ui::PromptedFieldsDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            for (QLineEdit *field : dialog->findChildren<QLineEdit *>()) {
                const bool item = field == dialog->field(QStringLiteral("Item"));
                QTest::keyClicks(field, item ? QStringLiteral("desk lamp") : QStringLiteral("Friday"));
            }
            sawPreview = dialog->preview()->toPlainText().contains(QLatin1String("desk lamp"))
                && dialog->preview()->toPlainText().contains(QLatin1String("Priya"));
            save(dialog->grab().toImage(), QStringLiteral("templates-prompt-en.png"));
            dialog->findChild<QPushButton *>(QStringLiteral("promptInsert"))->click();
        });
        QTest::keyClick(s->editor, Qt::Key_Return);
        QVERIFY(sawPreview);
        QVERIFY2(s->editor->toPlainText().contains(QLatin1String("desk lamp")), qPrintable(s->editor->toPlainText()));
        QVERIFY(!s->editor->toPlainText().contains(QLatin1String("/dama")));

        // Whatever the starter text covers, require a step it cannot: untick Explain by hand.
        s->assistant->recheckNow();
        QCheckBox *explain = s->assistant->lattePanel()->checkBox(LatteStep::Explain);
        if (explain->isChecked())
            explain->click();
        Compose::PreSendReport report = send(*s->assistant, s->editor->toPlainText());
        QVERIFY(report.isBlocked());
        QVERIFY(report.has(Compose::PreSendIssue::LatteMissing));
        save(s->window.grab().toImage(), QStringLiteral("composer-latte-blocked-en.png"));

        // Fixed: the agent ticks the step (having explained in their own words), and it sends.
        QTest::keyClicks(s->editor, QStringLiteral(" You'll get the tracking link by email tomorrow."));
        explain->click();
        QVERIFY(explain->isChecked());
        report = send(*s->assistant, s->editor->toPlainText());
        QVERIFY2(!report.isBlocked(), qPrintable(report.problems.isEmpty() ? QString() : report.problems.first().message));
    }

    void undefinedVariableBlocksUntilFilled()
    {
        auto s = stage(QStringLiteral("en"), QStringLiteral("Priya"), QString());
        QVERIFY(QTest::qWaitForWindowExposed(&s->window));
        s->assistant->inserter()->setPromptHandler(
            [](const Compose::Template &, const QString &, const Compose::TemplateContext &) {
                return std::optional<QHash<QString, QString>>(QHash<QString, QString>()); // left empty
            });
        QTest::keyClicks(s->editor, QStringLiteral("/damaged"));
        QTest::keyClick(s->editor, Qt::Key_Return);
        QVERIFY(s->editor->toPlainText().contains(QLatin1String("{{ask:Item}}")));
        QVERIFY(s->assistant->undefinedVariables().contains(QStringLiteral("ask:Item")));
        QVERIFY(send(*s->assistant, s->editor->toPlainText()).has(Compose::PreSendIssue::UndefinedVariable));
    }

    void screenshots_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("customer");
        QTest::addColumn<QString>("draft");
        QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("Priya")
                            << QStringLiteral("Hi Priya, you should have checked the address. You must send a photo. Thank you.");
        QTest::newRow("zh") << QStringLiteral("zh-Hans") << QStringLiteral("王芳")
                            << QStringLiteral("王芳您好，是您自己选错了尺码。您必须先退回商品。谢谢。");
        QTest::newRow("el") << QStringLiteral("el") << QStringLiteral("Ελένη")
                            << QStringLiteral("Γεια σας Ελένη, έπρεπε να ελέγξετε τη διεύθυνση. Σας ευχαριστούμε.");
    }

    void screenshots()
    {
        QFETCH(QString, language);
        QFETCH(QString, customer);
        QFETCH(QString, draft);
        auto s = stage(language, customer, QString());
        QVERIFY(QTest::qWaitForWindowExposed(&s->window));
        s->editor->setPlainText(draft);
        s->assistant->recheckNow();
        save(s->window.grab().toImage(), QStringLiteral("composer-tone-latte-%1.png").arg(language));

        s->editor->moveCursor(QTextCursor::End);
        QTest::keyClick(s->editor, Qt::Key_Return);
        QTest::keyClicks(s->editor, QStringLiteral("/"));
        save(grabWithPopup(&s->window, s->assistant->templatePopup()),
             QStringLiteral("templates-popup-%1.png").arg(language));

        Ui::TemplateManagerDialog manager(m_templates.get());
        manager.setPreviewContext(s->assistant->situation().templateContext);
        manager.show();
        QVERIFY(QTest::qWaitForWindowExposed(&manager));
        save(manager.grab().toImage(), QStringLiteral("templates-manager-%1.png").arg(language));
    }

private:
    std::unique_ptr<Testing::TempDataDir> m_dir;
    std::unique_ptr<Storage::WorkspaceStore> m_workspace;
    std::unique_ptr<Storage::TemplateStore> m_templates;
};

QTEST_MAIN(TestTemplateFlow)
#include "TestTemplateFlow.moc"
