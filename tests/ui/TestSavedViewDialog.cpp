#include "MainWindow.h"
#include "WindowTestSupport.h"
#include "common/ActionRegistry.h"
#include "inbox/SavedViewCommands.h"
#include "inbox/SavedViewDialog.h"
#include "models/ConversationListModel.h"
#include "models/ItemRoles.h"
#include "models/SavedView.h"
#include "models/ViewListModel.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>

using namespace Counterpart;
using Testing::CacheFixture;
namespace Roles = Models::Roles;

/** The agent makes, changes and deletes a saved view in the real window, as they would by hand. */
class TestSavedViewDialog : public QObject
{
    Q_OBJECT

private:
    Testing::MainWindowFixture m_fixture;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    Ui::SavedViewCommands *commands() const
    {
        return m_fixture.window()->findChild<Ui::SavedViewCommands *>();
    }
    template<typename T> T *field(const char *name) const
    {
        T *widget = commands()->dialog()->findChild<T *>(QLatin1String(name));
        if (!widget)
            qWarning("no %s in the dialog", name);
        return widget;
    }
    static void choose(QComboBox *combo, const QVariant &data)
    {
        const int index = combo->findData(data);
        QVERIFY2(index >= 0, qPrintable(data.toString()));
        combo->setCurrentIndex(index);
    }
    int rowsInList() const { return m_fixture.window()->conversationModel()->rowCount(); }

private slots:
    void init()
    {
        QString error;
        QVERIFY2(m_fixture.open(&error), qPrintable(error));
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_fixture.window()->viewModel(),
            QAbstractItemModelTester::FailureReportingMode::QtTest);
    }
    void cleanup()
    {
        m_tester.reset();
        m_fixture.reset();
    }

    void createsAViewThatCountsAndFilters()
    {
        QVERIFY(m_fixture.window()->actions()->trigger(QStringLiteral("views.saved.new")));
        QVERIFY(commands()->dialog());
        QVERIFY(commands()->dialog()->isVisible());
        auto *name = field<QLineEdit>("savedViewName");
        QVERIFY(name->hasFocus() || name->selectedText() == name->text()); // ready to type over
        name->setText(QStringLiteral("中文客户"));
        choose(field<QComboBox>("savedViewLanguage"), QStringLiteral("zh"));
        // Open and pending are the starting statuses, as in "All": both Chinese customers match.
        QCOMPARE(field<QLabel>("savedViewCount")->text(), QStringLiteral("Matches 2 conversations now"));
        Testing::saveScreenshot(commands()->dialog(), QStringLiteral("saved-view-dialog.png"));
        QTest::mouseClick(field<QPushButton>("savedViewSave"), Qt::LeftButton);

        QCOMPARE(m_fixture.window()->currentView(), QStringLiteral("saved:0"));
        const int row = m_fixture.window()->viewModel()->rowOfView(QStringLiteral("saved:0"));
        QCOMPARE(m_fixture.window()->viewModel()->index(row).data().toString(),
                 QStringLiteral("中文客户"));
        QCOMPARE(m_fixture.window()->viewModel()->countOf(QStringLiteral("saved:0")), 2);
        QCOMPARE(rowsInList(), 2);
        const auto stored = Models::SavedView::load(*m_fixture.workspace()); // survives a restart
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.first().filter.language, QStringLiteral("zh"));
    }

    void editsTheViewUnderThePointer()
    {
        Models::ConversationFilter greek;
        greek.language = QStringLiteral("el");
        QVERIFY(Models::SavedView::save(*m_fixture.workspace(),
                                        {{QStringLiteral("Ελληνικά"), greek}}));
        m_fixture.window()->viewModel()->setSavedViews(
            Models::SavedView::load(*m_fixture.workspace()));
        m_fixture.window()->selectView(QStringLiteral("saved:0"));
        QCOMPARE(rowsInList(), 0); // the Greek conversation is resolved

        QMenu *menu = commands()->contextMenu(
            m_fixture.window()->viewModel()->rowOfView(QStringLiteral("saved:0")));
        QAction *edit = menu->findChild<QAction *>(QStringLiteral("editSavedView"));
        QVERIFY(edit);
        QCOMPARE(edit->text(), QStringLiteral("Edit “Ελληνικά”…"));
        edit->trigger();
        menu->deleteLater();
        QCOMPARE(field<QLineEdit>("savedViewName")->text(), QStringLiteral("Ελληνικά"));
        QCOMPARE(field<QComboBox>("savedViewLanguage")->currentData().toString(), QStringLiteral("el"));
        field<QCheckBox>("savedViewStatus_resolved")->setChecked(true);
        QCOMPARE(field<QLabel>("savedViewCount")->text(), QStringLiteral("Matches 1 conversation now"));
        field<QSpinBox>("savedViewWaiting")->setValue(0);
        QTest::mouseClick(field<QPushButton>("savedViewSave"), Qt::LeftButton);

        QCOMPARE(m_fixture.window()->currentView(), QStringLiteral("saved:0"));
        QCOMPARE(rowsInList(), 1); // the list follows the changed filter at once
        QCOMPARE(m_fixture.window()->viewModel()->countOf(QStringLiteral("saved:0")), 1);
        QVERIFY(Models::SavedView::load(*m_fixture.workspace())
                    .first()
                    .filter.statuses.contains(QStringLiteral("resolved")));
    }

    void aViewWithoutANameCannotBeSaved()
    {
        commands()->openDialog(0);
        QVERIFY(!field<QPushButton>("savedViewDelete")->isEnabled()); // nothing to delete yet
        QTest::mouseClick(field<QPushButton>("savedViewAdd"), Qt::LeftButton);
        auto *name = field<QLineEdit>("savedViewName");
        name->clear();
        QVERIFY(!field<QPushButton>("savedViewSave")->isEnabled());
        QTest::keyClicks(name, QStringLiteral("Urgent"));
        QVERIFY(field<QPushButton>("savedViewSave")->isEnabled());
        QCOMPARE(field<QListWidget>("savedViewList")->item(0)->text(), QStringLiteral("Urgent"));
    }

    void deletesFromTheContextMenu()
    {
        Models::ConversationFilter mine;
        mine.assignee = Models::ConversationFilter::Assignee::Me;
        QVERIFY(Models::SavedView::save(*m_fixture.workspace(),
                                        {{QStringLiteral("A"), mine}, {QStringLiteral("B"), {}}}));
        m_fixture.window()->viewModel()->setSavedViews(
            Models::SavedView::load(*m_fixture.workspace()));
        m_fixture.window()->selectView(QStringLiteral("saved:1"));

        QMenu *menu = commands()->contextMenu(
            m_fixture.window()->viewModel()->rowOfView(QStringLiteral("saved:0")));
        QAction *remove = menu->findChild<QAction *>(QStringLiteral("deleteSavedView"));
        QVERIFY(remove);
        remove->trigger();
        menu->deleteLater();
        const auto stored = Models::SavedView::load(*m_fixture.workspace());
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.first().name, QStringLiteral("B"));
        QCOMPARE(m_fixture.window()->currentView(), QStringLiteral("saved:0")); // still on "B"
        QCOMPARE(m_fixture.window()->viewModel()->rowOfView(QStringLiteral("saved:1")), -1);
    }

    void aStandardViewOffersACopy()
    {
        QMenu *menu = commands()->contextMenu(
            m_fixture.window()->viewModel()->rowOfView(QStringLiteral("mine")));
        QVERIFY(!menu->findChild<QAction *>(QStringLiteral("deleteSavedView")));
        QAction *copy = menu->findChild<QAction *>(QStringLiteral("newSavedViewFrom"));
        QVERIFY(copy);
        copy->trigger();
        menu->deleteLater();
        QCOMPARE(field<QLineEdit>("savedViewName")->text(), QStringLiteral("Mine (copy)"));
        QCOMPARE(field<QComboBox>("savedViewAssignee")->currentData().toString(), QStringLiteral("me"));
        commands()->dialog()->reject();
        QVERIFY(Models::SavedView::load(*m_fixture.workspace()).isEmpty()); // cancel stores nothing
    }
};

QTEST_MAIN(TestSavedViewDialog)
#include "TestSavedViewDialog.moc"
