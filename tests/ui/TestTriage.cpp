#include "MainWindow.h"
#include "common/ActionRegistry.h"
#include "common/AppStyle.h"
#include "inbox/LabelPicker.h"
#include "inbox/TriageController.h"
#include "models/ConversationListModel.h"
#include "models/ItemRoles.h"
#include "storage/CacheStore.h"
#include "storage/WorkspaceStore.h"
#include "support/CacheFixture.h"
#include "support/TempDataDir.h"
#include "sync/OutboxStore.h"
#include "sync/TriageService.h"

#include <QApplication>
#include <QDir>
#include <QListView>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QSqlQuery>
#include <QTest>

using namespace Counterpart;
using Domain::ConversationStatus;
using Testing::CacheFixture;
namespace Roles = Models::Roles;

/** Triage from the keyboard in the real window, and pictures of it to look at. */
class TestTriage : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Testing::TempDataDir> m_dir;
    std::unique_ptr<Storage::CacheStore> m_cache;
    std::unique_ptr<Storage::WorkspaceStore> m_workspace;
    std::unique_ptr<Sync::OutboxStore> m_outbox;
    std::unique_ptr<Ui::MainWindow> m_window;

    QListView *list() const { return m_window->findChild<QListView *>(QStringLiteral("conversationList")); }
    Ui::TriageController *controller() const { return m_window->findChild<Ui::TriageController *>(); }
    ConversationStatus status(qint64 id) const { return m_cache->conversation(id)->status; }

    void save(const QString &name)
    {
        const QString dir = QStringLiteral(COUNTERPART_BUILD_DIR "/screenshots");
        QDir().mkpath(dir);
        QTest::qWait(20); // let the list lay out its rows after a model reset
        QPixmap shot = m_window->grab();
        // Popups are windows of their own: paint the open one where it sits over the window.
        if (QWidget *popup = controller()->lastPopup(); popup && popup->isVisible()) {
            QPainter painter(&shot);
            painter.drawPixmap(m_window->mapFromGlobal(popup->pos()), popup->grab());
        }
        QVERIFY(shot.save(dir + QStringLiteral("/triage-") + name + QStringLiteral(".png")));
    }

    void open(bool dark)
    {
        Ui::AppStyle::apply(*qApp, dark);
        m_dir = std::make_unique<Testing::TempDataDir>();
        m_cache = std::make_unique<Storage::CacheStore>();
        m_workspace = std::make_unique<Storage::WorkspaceStore>();
        QVERIFY(m_cache->open(m_dir->cachePath()).ok);
        QVERIFY(m_workspace->open(m_dir->workspacePath()).ok);
        CacheFixture fixture = CacheFixture::multilingual();
        // Waiting customers at "now" = minute 60: e-mail 4 h target, WhatsApp 30 min.
        auto &convs = fixture.batch().conversations;
        for (auto &c : convs) {
            c.firstReplyAt = QDateTime();
            c.waitingSince = QDateTime();
        }
        convs[0].waitingSince = CacheFixture::at(-200); // e-mail, 260 min: breached
        convs[1].waitingSince = CacheFixture::at(36);   // WhatsApp, 24 min: due soon
        convs[2].waitingSince = CacheFixture::at(50);   // WhatsApp, 10 min: ok
        convs[0].labels = {QStringLiteral("refund")};
        convs[1].labels = {QStringLiteral("refund"), QStringLiteral("vip")};
        convs[1].priority = Domain::Priority::High;
        QString error;
        const qint64 sourceId = fixture.ingestInto(*m_cache, &error);
        QVERIFY2(sourceId, qPrintable(error));
        QVERIFY(m_cache->setMeAgent(sourceId, CacheFixture::SupportAgent));
        m_outbox = std::make_unique<Sync::OutboxStore>(m_workspace.get());

        Ui::MainWindow::Options options;
        options.now = CacheFixture::at(60);
        Ui::Services services;
        services.cache = m_cache.get();
        services.workspace = m_workspace.get();
        services.outbox = m_outbox.get();
        m_window = std::make_unique<Ui::MainWindow>(services, options);
        m_window->resize(1360, 760);
        m_window->show();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

private slots:
    void cleanup()
    {
        m_window.reset();
        m_outbox.reset();
    }

    void commandsAreRegistered()
    {
        open(false);
        for (const char *id : {"conversation.resolve", "conversation.snooze", "conversation.assign",
                               "conversation.label", "conversation.reopen", "conversation.priority",
                               "conversation.markUnread"})
            QVERIFY2(m_window->actions()->action(QString::fromLatin1(id)), id);
        QCOMPARE(m_window->actions()->command(QStringLiteral("conversation.resolve")).defaultShortcuts.value(0),
                 QKeySequence(Qt::Key_E));
    }

    void slaRolesInTheList()
    {
        open(false);
        auto *model = m_window->conversationModel();
        QHash<QString, int> states;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row);
            states.insert(index.data(Roles::CustomerName).toString(), index.data(Roles::SlaState).toInt());
        }
        QCOMPARE(states.value(QStringLiteral("Alice Johnson")), 3);
        QCOMPARE(states.value(QStringLiteral("王小明")), 2);
        QCOMPARE(states.value(QStringLiteral("陳美玲")), 1);
        save(QStringLiteral("sla-light"));
    }

    void selectTwoPressEResolvesBothThenUndo()
    {
        open(false);
        Ui::TriageController *triage = controller();
        QVERIFY(triage);
        triage->service()->setUndoDelayMs(60'000);
        QListView *view = list();
        view->setFocus();
        m_window->selectConversationRow(0);
        QTest::keyClick(view, Qt::Key_Down, Qt::ShiftModifier);
        const QList<qint64> ids = triage->selectedConversations();
        QCOMPARE(ids.size(), 2);
        const ConversationStatus before0 = status(ids.at(0));
        const ConversationStatus before1 = status(ids.at(1));

        QTest::keyClick(m_window.get(), Qt::Key_E);
        QCOMPARE(status(ids.at(0)), ConversationStatus::Resolved);
        QCOMPARE(status(ids.at(1)), ConversationStatus::Resolved);
        auto *bar = m_window->findChild<QWidget *>(QStringLiteral("undoBar"));
        QVERIFY(bar && bar->isVisible());
        save(QStringLiteral("undo-bar-light"));

        QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("undoButton")), Qt::LeftButton);
        QVERIFY(!bar->isVisible());
        QCOMPARE(status(ids.at(0)), before0); // each back to its own earlier status
        QCOMPARE(status(ids.at(1)), before1);
        QVERIFY(m_outbox->all().isEmpty());

        // Again, and let the window pass: two outbox entries, one per conversation.
        triage->service()->setUndoDelayMs(100);
        m_window->selectConversationRow(0);
        QTest::keyClick(list(), Qt::Key_Down, Qt::ShiftModifier);
        QTest::keyClick(m_window.get(), Qt::Key_E);
        QTRY_COMPARE(m_outbox->all().size(), 2);
        QTRY_VERIFY(!bar->isVisible());
        for (const auto &op : m_outbox->all())
            QCOMPARE(op.payload.value(QLatin1String("status")).toString(), QStringLiteral("resolved"));
    }

    void labelPickerAppliesToTheSelection()
    {
        open(false);
        m_window->selectConversationRow(0);
        QTest::keyClick(list(), Qt::Key_Down, Qt::ShiftModifier);
        const QList<qint64> ids = controller()->selectedConversations();
        QTest::keyClick(m_window.get(), Qt::Key_L);
        auto *picker = qobject_cast<Ui::LabelPicker *>(controller()->lastPopup());
        QVERIFY(picker);
        QVERIFY(picker->isVisible());
        save(QStringLiteral("label-picker-light"));
        QListWidget *labels = picker->list();
        for (int i = 0; i < labels->count(); ++i) {
            if (labels->item(i)->text() == QLatin1String("vip"))
                labels->item(i)->setCheckState(Qt::Checked);
        }
        QTest::mouseClick(picker->findChild<QPushButton *>(QStringLiteral("labelPickerApply")), Qt::LeftButton);
        for (const qint64 id : ids)
            QVERIFY(m_cache->conversation(id)->labels.contains(QStringLiteral("vip")));
        QCOMPARE(m_outbox->all().size(), 2);
    }

    void darkWithGreekAndChinese()
    {
        open(true);
        save(QStringLiteral("sla-dark"));
        controller()->service()->setUndoDelayMs(60'000);
        m_window->selectConversationRow(1);
        QTest::keyClick(m_window.get(), Qt::Key_E);
        save(QStringLiteral("undo-bar-dark"));
        m_window->selectConversationRow(0);
        QTest::keyClick(m_window.get(), Qt::Key_L);
        QVERIFY(controller()->lastPopup());
        save(QStringLiteral("label-picker-dark"));
        controller()->lastPopup()->close();
        Ui::AppStyle::apply(*qApp, false);
    }
};

QTEST_MAIN(TestTriage)
#include "TestTriage.moc"
