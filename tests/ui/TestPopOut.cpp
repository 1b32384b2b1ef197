#include "KeyboardController.h"
#include "MainWindow.h"
#include "WindowTestSupport.h"
#include "common/ActionRegistry.h"
#include "common/CheatSheetDialog.h"
#include "common/CommandPalette.h"
#include "conversation/ConversationWindow.h"
#include "models/ItemRoles.h"
#include "models/MessageListModel.h"
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

/** A conversation popped out into its own window. */
class TestPopOut : public QObject
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

    void ctrlShiftOPopsTheConversationOut()
    {
        const qint64 current = m_window->currentConversationId();
        QVERIFY(current);
        QTest::keyClick(m_window.get(), Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE(keyboard()->popOuts().size(), 1);
        Ui::ConversationWindow *window = keyboard()->popOuts().first();
        QVERIFY(window->isWindow());
        QCOMPARE(window->conversationId(), current);
        QVERIFY(window->windowTitle().contains(QStringLiteral("陳美玲")));
        QVERIFY(window->messageModel()->rowCount() > 0);
        QVERIFY(!window->accessibleName().isEmpty());
        // Moving on in the main window leaves the pop-out where it was.
        m_window->actions()->trigger(QStringLiteral("list.next"));
        QVERIFY(m_window->currentConversationId() != current);
        QCOMPARE(window->conversationId(), current);
        // The same conversation again raises the open window instead of a second one.
        QCOMPARE(keyboard()->popOut(current), window);
        QCOMPARE(keyboard()->popOuts().size(), 1);
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

QTEST_MAIN(TestPopOut)
#include "TestPopOut.moc"
