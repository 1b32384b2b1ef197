#include "KeyboardController.h"
#include "MainWindow.h"
#include "WindowTestSupport.h"
#include "common/ActionRegistry.h"
#include "common/CheatSheetDialog.h"
#include "common/CommandPalette.h"
#include "conversation/ConversationWindow.h"
#include "models/ItemRoles.h"
#include "models/SearchResultModel.h"
#include "search/SearchPopup.h"
#include "settings/ShortcutSettingsDialog.h"
#include "storage/CacheStore.h"
#include "storage/WorkspaceStore.h"
#include "support/CacheFixture.h"
#include "support/TempDataDir.h"

#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QTest>

using namespace Counterpart;
using Testing::CacheFixture;
namespace Roles = Models::Roles;

/** Rebinding a command is saved in the workspace and applied by the next window. */
class TestShortcutSettings : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<Testing::TempDataDir>();
        m_cache = std::make_unique<Storage::CacheStore>();
        m_workspace = std::make_unique<Storage::WorkspaceStore>();
        QString error;
        QVERIFY2(Testing::openMultilingualProfile(*m_dir, *m_cache, *m_workspace, &error), qPrintable(error));
        openWindow();
    }

    void cleanup()
    {
        m_window.reset();
        m_cache.reset();
        m_workspace.reset();
        m_dir.reset();
    }

    void reboundShortcutIsSavedAndAppliedInANewWindow()
    {
        auto *list = m_window->findChild<QListView *>(QStringLiteral("conversationList"));
        {
            Ui::ShortcutSettingsDialog dialog(m_window->actions(), m_workspace.get(), m_window.get());
            dialog.setSequence(QStringLiteral("list.next"), QKeySequence(Qt::CTRL | Qt::Key_K));
            QVERIFY2(dialog.warning().contains(QStringLiteral("Search")), qPrintable(dialog.warning()));
            dialog.setSequence(QStringLiteral("list.next"), QKeySequence(Qt::CTRL | Qt::Key_J));
            QVERIFY2(dialog.warning().isEmpty(), qPrintable(dialog.warning()));
            QVERIFY(dialog.apply());
        }
        QVERIFY(m_workspace->setting(QStringLiteral("shortcuts")).contains(QStringLiteral("list.next=Ctrl+J")));

        m_window.reset();
        openWindow();
        list = m_window->findChild<QListView *>(QStringLiteral("conversationList"));
        list->setFocus();
        QTRY_COMPARE(m_window->actions()->action(QStringLiteral("list.next"))->shortcuts(),
                     QList<QKeySequence>{QKeySequence(Qt::CTRL | Qt::Key_J)});
        QCOMPARE(list->currentIndex().row(), 0);
        QTest::keyClick(list, Qt::Key_J);
        QCOMPARE(list->currentIndex().row(), 0); // J no longer moves
        QTest::keyClick(list, Qt::Key_J, Qt::ControlModifier);
        QCOMPARE(list->currentIndex().row(), 1);
    }

    void resetRestoresDefaults()
    {
        Ui::ShortcutSettingsDialog dialog(m_window->actions(), m_workspace.get(), m_window.get());
        dialog.setSequence(QStringLiteral("list.next"), QKeySequence(Qt::CTRL | Qt::Key_J));
        QVERIFY(dialog.apply());
        dialog.resetToDefaults();
        QVERIFY(m_window->actions()->action(QStringLiteral("list.next"))->shortcuts().contains(QKeySequence(Qt::Key_J)));
        QVERIFY(m_workspace->setting(QStringLiteral("shortcuts")).isEmpty());
    }

private:
    void openWindow()
    {
        m_window = Testing::openMainWindow(m_cache.get(), m_workspace.get());
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    Ui::KeyboardController *keyboard() const
    {
        return m_window->findChild<Ui::KeyboardController *>(QStringLiteral("keyboardController"));
    }

    static void saveScreenshot(QWidget *widget, const QString &name)
    {
        QVERIFY(Testing::saveScreenshot(widget, name));
    }

    std::unique_ptr<Testing::TempDataDir> m_dir;
    std::unique_ptr<Storage::CacheStore> m_cache;
    std::unique_ptr<Storage::WorkspaceStore> m_workspace;
    std::unique_ptr<Ui::MainWindow> m_window;
};

QTEST_MAIN(TestShortcutSettings)
#include "TestShortcutSettings.moc"
