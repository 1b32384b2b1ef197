#include "KeyboardController.h"
#include "MainWindow.h"
#include "WindowTestSupport.h"
#include "common/ActionRegistry.h"
#include "conversation/ConversationWindow.h"
#include "models/MessageListModel.h"

#include <QTest>

using namespace Counterpart;

/** A conversation popped out into its own window. */
class TestPopOut : public QObject
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

    void ctrlShiftOPopsTheConversationOut()
    {
        const qint64 current = m_fixture.window()->currentConversationId();
        QVERIFY(current);
        QTest::keyClick(m_fixture.window(), Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE(m_fixture.keyboard()->popOuts().size(), 1);
        Ui::ConversationWindow *window = m_fixture.keyboard()->popOuts().first();
        QVERIFY(window->isWindow());
        QCOMPARE(window->conversationId(), current);
        QVERIFY(window->windowTitle().contains(QStringLiteral("陳美玲")));
        QVERIFY(window->messageModel()->rowCount() > 0);
        QVERIFY(!window->accessibleName().isEmpty());
        // Moving on in the main window leaves the pop-out where it was.
        m_fixture.window()->actions()->trigger(QStringLiteral("list.next"));
        QVERIFY(m_fixture.window()->currentConversationId() != current);
        QCOMPARE(window->conversationId(), current);
        // The same conversation again raises the open window instead of a second one.
        QCOMPARE(m_fixture.keyboard()->popOut(current), window);
        QCOMPARE(m_fixture.keyboard()->popOuts().size(), 1);
    }

private:
    Testing::MainWindowFixture m_fixture;
};

QTEST_MAIN(TestPopOut)
#include "TestPopOut.moc"
