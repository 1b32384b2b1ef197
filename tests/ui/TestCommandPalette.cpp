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

/** The command palette and the cheat-sheet read every command from the ActionRegistry. */
class TestCommandPalette : public QObject
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

    void paletteListsEveryCommandAndRunsTheFilteredOne()
    {
        QTest::keyClick(m_window.get(), Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        Ui::CommandPalette *palette = keyboard()->commandPalette();
        QTRY_VERIFY(palette->isVisible());
        QCOMPARE(palette->visibleCommandIds().size(), m_window->actions()->actions().size());
        QVERIFY(palette->visibleCommandIds().contains(QStringLiteral("list.next")));
        saveScreenshot(palette, QStringLiteral("palette.png"));

        const qint64 before = m_window->currentConversationId();
        auto *filter = palette->findChild<QLineEdit *>(QStringLiteral("paletteFilter"));
        QTRY_VERIFY(filter->hasFocus());
        QTest::keyClicks(filter, QStringLiteral("nxt conv"));
        QCOMPARE(palette->visibleCommandIds().value(0), QStringLiteral("list.next"));
        QTest::keyClick(filter, Qt::Key_Return);
        QTRY_VERIFY(!palette->isVisible());
        QVERIFY(m_window->currentConversationId() != before);
    }

    void fuzzyScoreNeedsTheLettersInOrder()
    {
        QVERIFY(Ui::CommandPalette::fuzzyScore(QStringLiteral("srch"), QStringLiteral("Search")) > 0);
        QCOMPARE(Ui::CommandPalette::fuzzyScore(QStringLiteral("hcrs"), QStringLiteral("Search")), 0);
        QVERIFY(Ui::CommandPalette::fuzzyScore(QStringLiteral("next"), QStringLiteral("Next conversation"))
                > Ui::CommandPalette::fuzzyScore(QStringLiteral("next"), QStringLiteral("Focus the next pane now")));
    }

    void questionMarkShowsTheCheatSheetWithCurrentBindings()
    {
        QTest::keyClick(m_window.get(), Qt::Key_Question);
        Ui::CheatSheetDialog *sheet = keyboard()->cheatSheet();
        QTRY_VERIFY(sheet->isVisible());
        const QString text = sheet->text();
        QVERIFY2(text.contains(QStringLiteral("Navigation")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Next conversation\tJ")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Ctrl+K")), qPrintable(text));
        m_window->actions()->setShortcuts(QStringLiteral("list.next"), {QKeySequence(Qt::CTRL | Qt::Key_J)});
        QVERIFY2(sheet->text().contains(QStringLiteral("Next conversation\tCtrl+J")), qPrintable(sheet->text()));
        saveScreenshot(sheet, QStringLiteral("cheatsheet.png"));
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

QTEST_MAIN(TestCommandPalette)
#include "TestCommandPalette.moc"
