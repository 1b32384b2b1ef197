#include "MainWindow.h"
#include "WindowTestSupport.h"
#include "common/ActionRegistry.h"
#include "inbox/SavedViewCommands.h"
#include "inbox/SavedViewDialog.h"
#include "common/CheatSheetDialog.h"
#include "common/OutboxPanel.h"
#include "composer/DraftsDialog.h"
#include "composer/NewMessagesDialog.h"
#include "conversation/OriginalEmailDialog.h"
#include "inbox/LabelPicker.h"
#include "settings/AccountsDialog.h"
#include "settings/ShortcutSettingsDialog.h"
#include "storage/TemplateStore.h"
#include "sync/AccountStore.h"
#include "sync/OutboxStore.h"
#include "templates/PromptedFieldsDialog.h"
#include "templates/TemplateManagerDialog.h"
#include "common/SyncStatusWidget.h"
#include "compose/TemplateContext.h"
#include "sync/SyncEngine.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QCalendarWidget>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTabBar>
#include <QTest>
#include <QStyle>
#include <QTextEdit>
#include <QToolButton>

using namespace Counterpart;

/**
 * Every control an agent can reach has a name a screen reader can say: the main window, the
 * windows its commands open and every dialog of ui/. The name checked is the one assistive
 * technology receives (QAccessibleInterface), so a push button's own text counts, an icon-only
 * button or a line edit without setAccessibleName() does not. A failure lists each nameless
 * control by class, object name and the nearest named parent.
 */
class TestAccessibleNames : public QObject
{
    Q_OBJECT

private:
    Testing::MainWindowFixture m_fixture;

    static bool isInteractive(const QWidget *widget)
    {
        return qobject_cast<const QAbstractButton *>(widget) || qobject_cast<const QLineEdit *>(widget)
            || qobject_cast<const QTextEdit *>(widget) || qobject_cast<const QPlainTextEdit *>(widget)
            || qobject_cast<const QComboBox *>(widget) || qobject_cast<const QAbstractItemView *>(widget)
            || qobject_cast<const QAbstractSpinBox *>(widget)
            || (qobject_cast<const QAbstractSlider *>(widget) && !qobject_cast<const QScrollBar *>(widget))
            || qobject_cast<const QTabBar *>(widget);
    }

    /** Parts Qt builds inside a composite control speak for it (a combo box's list, a spin box's
     *  line edit, a tab bar's scroll arrows); the composite is what must be named. */
    static bool isPartOfComposite(const QWidget *widget)
    {
        for (const QWidget *p = widget->parentWidget(); p; p = p->parentWidget()) {
            if (qobject_cast<const QComboBox *>(p) || qobject_cast<const QAbstractSpinBox *>(p)
                || qobject_cast<const QTabBar *>(p) || qobject_cast<const QCalendarWidget *>(p)
                || qobject_cast<const QAbstractItemView *>(p) || qobject_cast<const QScrollBar *>(p)
                || p->inherits("QComboBoxPrivateContainer")) // a combo box's popup list
                return true;
            if (p->isWindow())
                break;
        }
        // The clear button and actions inside a line edit.
        return qobject_cast<const QLineEdit *>(widget->parentWidget()) != nullptr
            || widget->inherits("QComboBoxPrivateContainer");
    }

    static QStringList namelessIn(const QWidget *root)
    {
        QStringList nameless;
        QList<QWidget *> widgets = root->findChildren<QWidget *>();
        widgets.prepend(const_cast<QWidget *>(root));
        for (const QWidget *widget : std::as_const(widgets)) {
            if (!isInteractive(widget) || isPartOfComposite(widget))
                continue;
            if (qEnvironmentVariableIsSet("COUNTERPART_LIST_CONTROLS"))
                qInfo() << widget->metaObject()->className() << widget->objectName() << widget->accessibleName();
            QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(const_cast<QWidget *>(widget));
            QString name = accessible ? accessible->text(QAccessible::Name) : widget->accessibleName();
            if (name.trimmed().isEmpty()) {
                QString where;
                for (const QWidget *p = widget->parentWidget(); p && where.isEmpty(); p = p->parentWidget())
                    where = p->objectName();
                nameless.append(QString::fromLatin1(widget->metaObject()->className()) + u'#'
                                + widget->objectName() + QStringLiteral(" in ") + where);
            }
        }
        return nameless;
    }

    static void verifyNamed(const QWidget *root)
    {
        const QStringList nameless = namelessIn(root);
        QVERIFY2(nameless.isEmpty(), qPrintable(QStringLiteral("without an accessible name:\n  ")
                                                + nameless.join(QStringLiteral("\n  "))));
    }

private slots:
    void init()
    {
        QString error;
        QVERIFY2(m_fixture.open(&error), qPrintable(error));
    }
    void cleanup() { m_fixture.reset(); }

    void mainWindow()
    {
        m_fixture.window()->selectConversationRow(0);
        QApplication::processEvents();
        verifyNamed(m_fixture.window());
    }

    void windowsOpenedByCommands_data()
    {
        QTest::addColumn<QString>("command");
        QTest::newRow("search") << QStringLiteral("search.open");
        QTest::newRow("palette") << QStringLiteral("palette.open");
        QTest::newRow("cheat-sheet") << QStringLiteral("help.shortcuts");
        QTest::newRow("saved views") << QStringLiteral("views.saved.new");
        QTest::newRow("pop-out") << QStringLiteral("conversation.popOut");
    }
    void windowsOpenedByCommands()
    {
        QFETCH(QString, command);
        const QList<QWidget *> before = QApplication::topLevelWidgets();
        QVERIFY(m_fixture.window()->actions()->trigger(command));
        QApplication::processEvents();
        bool found = false;
        for (QWidget *top : QApplication::topLevelWidgets()) {
            if (top == m_fixture.window() || before.contains(top) || !top->isVisible())
                continue;
            found = true;
            verifyNamed(top);
        }
        // Popups parented to the main window are its children: walk them there.
        verifyNamed(m_fixture.window());
        Q_UNUSED(found);
    }

    void aNamelessControlIsReported()
    {
        QWidget form;
        form.setObjectName(QStringLiteral("form"));
        auto *named = new QLineEdit(&form);
        named->setAccessibleName(QStringLiteral("Subject"));
        auto *nameless = new QLineEdit(&form);
        nameless->setObjectName(QStringLiteral("nameless"));
        auto *iconOnly = new QToolButton(&form);
        iconOnly->setIcon(form.style()->standardIcon(QStyle::SP_DialogOkButton));
        const QStringList reported = namelessIn(&form);
        QCOMPARE(reported.size(), 2);
        QCOMPARE(reported.first(), QStringLiteral("QLineEdit#nameless in form"));
    }

    void dialogs()
    {
        Storage::TemplateStore templates(m_fixture.workspace()->connection());
        Sync::OutboxStore outbox(m_fixture.workspace());
        Sync::AccountStore accounts(m_fixture.workspace());
        Sync::SyncEngine engine(m_fixture.cache(), &outbox);
        Ui::OriginalEmailDialog::Email email;
        email.subject = QStringLiteral("Refund");
        email.sender = QStringLiteral("alice.johnson@example.com");
        email.html = QStringLiteral("<p>Hello <a href=\"https://example.com\">link</a></p>");
        const QList<QWidget *> windows = {
            new Ui::DraftsDialog(m_fixture.cache(), m_fixture.workspace(), m_fixture.window()),
            new Ui::CheatSheetDialog(m_fixture.window()->actions(), m_fixture.window()),
            new Ui::ShortcutSettingsDialog(m_fixture.window()->actions(), m_fixture.workspace(),
                                           m_fixture.window()),
            new Ui::TemplateManagerDialog(&templates, m_fixture.window()),
            new Ui::OutboxPanel(&outbox, nullptr, m_fixture.window()),
            new Ui::AccountsDialog(&accounts, nullptr, m_fixture.window()),
            new Ui::LabelPicker({QStringLiteral("refund"), QStringLiteral("vip")}, {}, 1,
                                m_fixture.window()),
            new Ui::NewMessagesDialog(
                m_fixture.cache()->messages(m_fixture.window()->currentConversationId(), 5),
                m_fixture.window()),
            new Ui::OriginalEmailDialog(email, m_fixture.window()),
            new Ui::SavedViewDialog(m_fixture.cache(), {{QStringLiteral("Mine"), {}}}, {},
                                    m_fixture.window()),
            new Ui::PromptedFieldsDialog(QStringLiteral("Replacement"),
                                         QStringLiteral("We will send {{ask:Item}} by {{ask:Date}}."),
                                         Compose::TemplateContext(), m_fixture.window()),
            new Ui::SyncStatusWidget(&engine, &outbox, nullptr, m_fixture.window()),
        };
        for (QWidget *window : windows) {
            window->show();
            QApplication::processEvents();
            verifyNamed(window);
            delete window;
        }
    }
};

QTEST_MAIN(TestAccessibleNames)
#include "TestAccessibleNames.moc"
