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

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QTest>

using namespace Counterpart;
using Testing::CacheFixture;
namespace Roles = Models::Roles;

/** Global search from the main window, by keyboard, over a multilingual workspace. */
class TestSearchPopup : public QObject
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

    void ctrlKThenChineseAndEnterOpensTheChineseConversation()
    {
        QTest::keyClick(m_window.get(), Qt::Key_K, Qt::ControlModifier);
        Ui::SearchPopup *popup = keyboard()->searchPopup();
        QTRY_VERIFY(popup->isVisible());
        auto *query = popup->findChild<QLineEdit *>(QStringLiteral("searchQuery"));
        QVERIFY(query);
        QTRY_VERIFY(query->hasFocus());
        // Chinese arrives from the input method as committed text, not as key presses.
        QInputMethodEvent commit;
        commit.setCommitString(QStringLiteral("退款"));
        QApplication::sendEvent(query, &commit);
        QCOMPARE(query->text(), QStringLiteral("退款"));
        // Debounced: the results arrive after the pause, without another key.
        QTRY_COMPARE(popup->model()->rowCount(), 1);
        QCOMPARE(popup->resultList()->currentIndex().row(), 0);
        const qint64 expected = popup->model()->index(0).data(Roles::ConversationId).toLongLong();
        QCOMPARE(m_cache->conversation(expected)->remoteId, 102);
        QTest::keyClick(query, Qt::Key_Return);
        QTRY_VERIFY(!popup->isVisible());
        QCOMPARE(m_window->currentConversationId(), expected);
    }

    void slashOpensSearchAndGreekMatchesWithoutAccents()
    {
        m_window->findChild<QListView *>(QStringLiteral("conversationList"))->setFocus();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Slash);
        Ui::SearchPopup *popup = keyboard()->searchPopup();
        QTRY_VERIFY(popup->isVisible());
        popup->search(QStringLiteral("καλημερα"));
        QCOMPARE(popup->model()->rowCount(), 1);
        QCOMPARE(popup->model()->index(0).data(Roles::CustomerName).toString(),
                 QStringLiteral("Γιώργος Παπαδόπουλος"));
        saveScreenshot(popup, QStringLiteral("search-greek.png"));
        popup->search(QStringLiteral("退"));
        QCOMPARE(popup->model()->rowCount(), 2);
        auto *query = popup->findChild<QLineEdit *>(QStringLiteral("searchQuery"));
        QTest::keyClick(query, Qt::Key_Down);
        QCOMPARE(popup->resultList()->currentIndex().row(), 1);
        saveScreenshot(popup, QStringLiteral("search-chinese.png"));
        QTest::keyClick(query, Qt::Key_Escape);
        QTRY_VERIFY(!popup->isVisible());
    }

    void statusChipFiltersResults()
    {
        Ui::SearchPopup *popup = keyboard()->searchPopup();
        keyboard()->openSearch();
        popup->search(QStringLiteral("退"));
        QCOMPARE(popup->model()->rowCount(), 2);
        auto *pending = popup->findChild<QAbstractButton *>(QStringLiteral("statusChip:pending"));
        QVERIFY(pending);
        QVERIFY(!pending->accessibleName().isEmpty());
        pending->click();
        QCOMPARE(popup->model()->rowCount(), 1);
        QCOMPARE(popup->model()->index(0).data(Roles::CustomerName).toString(), QStringLiteral("陳美玲"));
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

QTEST_MAIN(TestSearchPopup)
#include "TestSearchPopup.moc"
