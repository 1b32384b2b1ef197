#include "KeyboardController.h"
#include "MainWindow.h"
#include "WindowTestSupport.h"
#include "models/ItemRoles.h"
#include "models/SearchResultModel.h"
#include "search/SearchPopup.h"
#include "storage/CacheStore.h"

#include <QAbstractButton>
#include <QApplication>
#include <QInputMethodEvent>
#include <QLineEdit>
#include <QListView>
#include <QTest>

using namespace Counterpart;
namespace Roles = Models::Roles;

/** Global search from the main window, by keyboard, over a multilingual workspace. */
class TestSearchPopup : public QObject
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

    void ctrlKThenChineseAndEnterOpensTheChineseConversation()
    {
        QTest::keyClick(m_fixture.window(), Qt::Key_K, Qt::ControlModifier);
        Ui::SearchPopup *popup = m_fixture.keyboard()->searchPopup();
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
        QCOMPARE(m_fixture.cache()->conversation(expected)->remoteId, 102);
        QTest::keyClick(query, Qt::Key_Return);
        QTRY_VERIFY(!popup->isVisible());
        QCOMPARE(m_fixture.window()->currentConversationId(), expected);
    }

    void slashOpensSearchAndGreekMatchesWithoutAccents()
    {
        m_fixture.window()->findChild<QListView *>(QStringLiteral("conversationList"))->setFocus();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Slash);
        Ui::SearchPopup *popup = m_fixture.keyboard()->searchPopup();
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
        Ui::SearchPopup *popup = m_fixture.keyboard()->searchPopup();
        m_fixture.keyboard()->openSearch();
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
    static void saveScreenshot(QWidget *widget, const QString &name)
    {
        QVERIFY(Testing::saveScreenshot(widget, name));
    }

    Testing::MainWindowFixture m_fixture;
};

QTEST_MAIN(TestSearchPopup)
#include "TestSearchPopup.moc"
