#include "KeyboardController.h"
#include "MainWindow.h"
#include "WindowTestSupport.h"
#include "common/ActionRegistry.h"
#include "common/CheatSheetDialog.h"
#include "common/CommandPalette.h"

#include <QLineEdit>
#include <QTest>

using namespace Counterpart;

/** The command palette and the cheat-sheet read every command from the ActionRegistry. */
class TestCommandPalette : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QString error;
        QVERIFY2(m_fixture.open(&error), qPrintable(error));
        QVERIFY(QTest::qWaitForWindowActive(m_fixture.window()));
    }

    void cleanup() { m_fixture.reset(); }

    void paletteListsEveryCommandAndRunsTheFilteredOne()
    {
        QTest::keyClick(m_fixture.window(), Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        Ui::CommandPalette *palette = m_fixture.keyboard()->commandPalette();
        QTRY_VERIFY(palette->isVisible());
        QCOMPARE(palette->visibleCommandIds().size(),
                 m_fixture.window()->actions()->actions().size());
        QVERIFY(palette->visibleCommandIds().contains(QStringLiteral("list.next")));
        saveScreenshot(palette, QStringLiteral("palette.png"));

        const qint64 before = m_fixture.window()->currentConversationId();
        auto *filter = palette->findChild<QLineEdit *>(QStringLiteral("paletteFilter"));
        QTRY_VERIFY(filter->hasFocus());
        QTest::keyClicks(filter, QStringLiteral("nxt conv"));
        QCOMPARE(palette->visibleCommandIds().value(0), QStringLiteral("list.next"));
        QTest::keyClick(filter, Qt::Key_Return);
        QTRY_VERIFY(!palette->isVisible());
        QVERIFY(m_fixture.window()->currentConversationId() != before);
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
        QTest::keyClick(m_fixture.window(), Qt::Key_Question);
        Ui::CheatSheetDialog *sheet = m_fixture.keyboard()->cheatSheet();
        QTRY_VERIFY(sheet->isVisible());
        const QString text = sheet->text();
        QVERIFY2(text.contains(QStringLiteral("Navigation")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Next conversation\tJ")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Ctrl+K")), qPrintable(text));
        m_fixture.window()->actions()->setShortcuts(QStringLiteral("list.next"),
                                                    {QKeySequence(Qt::CTRL | Qt::Key_J)});
        QVERIFY2(sheet->text().contains(QStringLiteral("Next conversation\tCtrl+J")), qPrintable(sheet->text()));
        saveScreenshot(sheet, QStringLiteral("cheatsheet.png"));
    }

private:
    static void saveScreenshot(QWidget *widget, const QString &name)
    {
        QVERIFY(Testing::saveScreenshot(widget, name));
    }

    Testing::MainWindowFixture m_fixture;
};

QTEST_MAIN(TestCommandPalette)
#include "TestCommandPalette.moc"
