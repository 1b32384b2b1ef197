#include "MainWindow.h"
#include "WindowTestSupport.h"
#include "common/ActionRegistry.h"
#include "settings/ShortcutSettingsDialog.h"
#include "storage/WorkspaceStore.h"

#include <QListView>
#include <QTest>

using namespace Counterpart;

/** Rebinding a command is saved in the workspace and applied by the next window. */
class TestShortcutSettings : public QObject
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

    void reboundShortcutIsSavedAndAppliedInANewWindow()
    {
        auto *list = m_fixture.window()->findChild<QListView *>(QStringLiteral("conversationList"));
        {
            Ui::ShortcutSettingsDialog dialog(m_fixture.window()->actions(), m_fixture.workspace(),
                                              m_fixture.window());
            dialog.setSequence(QStringLiteral("list.next"), QKeySequence(Qt::CTRL | Qt::Key_K));
            QVERIFY2(dialog.warning().contains(QStringLiteral("Search")), qPrintable(dialog.warning()));
            dialog.setSequence(QStringLiteral("list.next"), QKeySequence(Qt::CTRL | Qt::Key_J));
            QVERIFY2(dialog.warning().isEmpty(), qPrintable(dialog.warning()));
            QVERIFY(dialog.apply());
        }
        QVERIFY(m_fixture.workspace()->setting(QStringLiteral("shortcuts"))
                    .contains(QStringLiteral("list.next=Ctrl+J")));

        m_fixture.reopenWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_fixture.window()));
        list = m_fixture.window()->findChild<QListView *>(QStringLiteral("conversationList"));
        list->setFocus();
        QTRY_COMPARE(
            m_fixture.window()->actions()->action(QStringLiteral("list.next"))->shortcuts(),
            QList<QKeySequence>{QKeySequence(Qt::CTRL | Qt::Key_J)});
        QCOMPARE(list->currentIndex().row(), 0);
        QTest::keyClick(list, Qt::Key_J);
        QCOMPARE(list->currentIndex().row(), 0); // J no longer moves
        QTest::keyClick(list, Qt::Key_J, Qt::ControlModifier);
        QCOMPARE(list->currentIndex().row(), 1);
    }

    void resetRestoresDefaults()
    {
        Ui::ShortcutSettingsDialog dialog(m_fixture.window()->actions(), m_fixture.workspace(),
                                          m_fixture.window());
        dialog.setSequence(QStringLiteral("list.next"), QKeySequence(Qt::CTRL | Qt::Key_J));
        QVERIFY(dialog.apply());
        dialog.resetToDefaults();
        QVERIFY(m_fixture.window()->actions()->action(QStringLiteral("list.next"))->shortcuts()
                    .contains(QKeySequence(Qt::Key_J)));
        QVERIFY(m_fixture.workspace()->setting(QStringLiteral("shortcuts")).isEmpty());
    }

private:
    Testing::MainWindowFixture m_fixture;
};

QTEST_MAIN(TestShortcutSettings)
#include "TestShortcutSettings.moc"
