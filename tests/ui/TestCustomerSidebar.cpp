#include "connectors/demo/DemoConnector.h"
#include "connectors/demo/DemoGenerator.h"
#include "customer/CustomerSidebar.h"
#include "storage/CacheStore.h"
#include "storage/WorkspaceStore.h"
#include "support/CacheFixture.h"
#include "support/TempDataDir.h"
#include "sync/OutboxStore.h"
#include "sync/SyncEngine.h"
#include "WindowTestSupport.h"

#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QToolButton>

using namespace Counterpart;
using Testing::CacheFixture;

class TestCustomerSidebar : public QObject
{
    Q_OBJECT

private slots:
    void collapsedSectionsStayCollapsedForTheNextCustomerAndNextStart()
    {
        Testing::TempDataDir dir;
        Storage::CacheStore cache;
        Storage::WorkspaceStore workspace;
        QVERIFY(cache.open(dir.cachePath()).ok);
        QVERIFY(workspace.open(dir.workspacePath()).ok);
        CacheFixture fixture = CacheFixture::multilingual();
        fixture.batch().contacts[3].timezone = QStringLiteral("Europe/Athens");
        QString error;
        QVERIFY2(fixture.ingestInto(cache, &error), qPrintable(error));
        QSqlQuery query(cache.connection());
        QVERIFY(query.exec(QStringLiteral("SELECT id FROM conversations ORDER BY remote_id")));
        QList<qint64> ids;
        while (query.next())
            ids.append(query.value(0).toLongLong());
        QCOMPARE(ids.size(), 4);

        {
            Ui::CustomerSidebar sidebar(&cache, &workspace);
            sidebar.show();
            sidebar.showConversation(ids.at(3)); // the Greek customer
            auto *localTime = sidebar.findChild<QLabel *>(QStringLiteral("customerLocalTime"));
            QVERIFY(localTime && localTime->isVisible());
            auto *header = sidebar.findChild<QToolButton *>(QStringLiteral("section:language"));
            QVERIFY(header);
            header->click(); // collapse
            QVERIFY(!localTime->isVisible());
            QVERIFY(sidebar.isSectionCollapsed(QStringLiteral("language")));
            QVERIFY(sidebar.findChild<QListWidget *>(QStringLiteral("previousConversations"))->isVisible());
        }
        // A new sidebar, as after a restart: the section is still collapsed, others are open.
        Ui::CustomerSidebar sidebar(&cache, &workspace);
        sidebar.show();
        sidebar.showConversation(ids.at(3));
        QVERIFY(sidebar.isSectionCollapsed(QStringLiteral("language")));
        QVERIFY(!sidebar.findChild<QLabel *>(QStringLiteral("customerLocalTime"))->isVisible());
        QVERIFY(sidebar.findChild<QLabel *>(QStringLiteral("customerName"))->isVisible());
        sidebar.findChild<QToolButton *>(QStringLiteral("section:language"))->click(); // open again
        QVERIFY(sidebar.findChild<QLabel *>(QStringLiteral("customerLocalTime"))->isVisible());
        QCOMPARE(workspace.setting(QStringLiteral("sidebar.collapsed_sections")), QString());
    }

    void aNoteIsPendingUntilTheOutboxSendsItThenStored()
    {
        Testing::TempDataDir dir;
        Storage::CacheStore cache;
        Storage::WorkspaceStore workspace;
        QVERIFY(cache.open(dir.cachePath()).ok);
        QVERIFY(workspace.open(dir.workspacePath()).ok);
        Connectors::Demo::DemoOptions options;
        options.conversations = 60;
        options.now = QDateTime(QDate(2026, 11, 23), QTime(15, 0), Qt::UTC);
        QString error;
        QVERIFY2(Connectors::Demo::DemoGenerator(options).writeTo(cache, &error), qPrintable(error));
        Sync::OutboxStore outbox(&workspace);
        Sync::SyncEngine engine(&cache, &outbox);
        Sync::SyncEngine::Options syncOptions;
        syncOptions.realtime = false;
        engine.setOptions(syncOptions);
        auto *demo = new Connectors::Demo::DemoConnector(options);
        demo->setSendDelayMs(400); // long enough to see the pending state
        QVERIFY(engine.addConnector(demo));
        engine.setBackfilled(demo->sourceUid());
        QSignalSpy synced(&engine, &Sync::SyncEngine::accountSynced);
        engine.start();
        QVERIFY(synced.wait(10000));

        // A Greek customer's conversation.
        QSqlQuery query(cache.connection());
        QVERIFY(query.exec(QStringLiteral("SELECT c.id, c.remote_id, c.contact_id FROM conversations c JOIN contacts p ON"
                                          " p.id = c.contact_id WHERE p.language = 'el' ORDER BY c.id LIMIT 1")));
        QVERIFY(query.next());
        const qint64 conversationId = query.value(0).toLongLong();
        const qint64 conversationRemoteId = query.value(1).toLongLong();
        const qint64 contactId = query.value(2).toLongLong();
        const int storedBefore = int(cache.contactNotes(contactId).size());

        Ui::CustomerSidebar sidebar(&cache, &workspace);
        sidebar.enableNoteEditing(&outbox, &engine);
        sidebar.resize(320, 900);
        sidebar.show();
        sidebar.showConversation(conversationId);
        QVERIFY(sidebar.findChild<QToolButton *>(QStringLiteral("section:notes")));
        auto *input = sidebar.findChild<QPlainTextEdit *>(QStringLiteral("contactNoteInput"));
        auto *add = sidebar.findChild<QPushButton *>(QStringLiteral("addContactNote"));
        QVERIFY(input && input->isVisible());
        QVERIFY(add);
        QVERIFY(!input->accessibleName().isEmpty());
        QVERIFY(!add->accessibleName().isEmpty());
        QVERIFY(!add->isEnabled()); // nothing to add yet

        const QString text = QStringLiteral("Calls back Friday: Θα καλέσει ξανά την Παρασκευή · 客户周五会再来电，请准备退款单号。");
        input->setFocus();
        // QTest types Latin-1 only; the rest arrives the way an input method commits it.
        QTest::keyClicks(input, QStringLiteral("Calls back Friday: "));
        input->insertPlainText(QStringLiteral("Θα καλέσει ξανά την Παρασκευή · 客户周五会再来电，请准备退款单号。"));
        QVERIFY(add->isEnabled());
        QTest::mouseClick(add, Qt::LeftButton);
        QVERIFY(input->toPlainText().isEmpty());

        // Queued in the outbox, ordered with the open conversation, and shown as pending.
        const QList<Sync::OutboxOperation> pending = outbox.pending();
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.first().kind, Sync::OutboxOperation::Kind::ContactNote);
        QCOMPARE(pending.first().conversationRemoteId, conversationRemoteId);
        QCOMPARE(pending.first().payload.value(QLatin1String("content")).toString(), text);
        auto pendingLabel = [&sidebar, &text]() -> QLabel * {
            const QList<QLabel *> labels = sidebar.findChildren<QLabel *>(QStringLiteral("pendingContactNote"));
            for (QLabel *label : labels) {
                if (label->accessibleDescription() == text)
                    return label;
            }
            return nullptr;
        };
        QVERIFY(pendingLabel());
        QVERIFY(pendingLabel()->isVisible());
        QVERIFY(pendingLabel()->text().contains(QLatin1String("Pending")));
        QVERIFY(Testing::saveScreenshot(&sidebar, QStringLiteral("sidebar-note-pending.png")));

        // The demo server accepts it; the stored note replaces the pending one.
        QTRY_VERIFY_WITH_TIMEOUT(outbox.pending().isEmpty(), 5000);
        QTRY_VERIFY(!pendingLabel());
        QList<QLabel *> stored;
        const QList<QLabel *> labels = sidebar.findChildren<QLabel *>(QStringLiteral("contactNote"));
        for (QLabel *label : labels) {
            if (label->accessibleDescription() == text)
                stored.append(label);
        }
        QCOMPARE(stored.size(), 1);
        QVERIFY(stored.first()->isVisible());
        QVERIFY(!stored.first()->text().contains(QLatin1String("Pending")));
        QCOMPARE(cache.contactNotes(contactId).size(), storedBefore + 1);
        QCOMPARE(cache.contactNotes(contactId).first().content, text); // newest first
        QCOMPARE(demo->serverContactNotes(cache.contact(contactId)->remoteId).last().content, text);
        QVERIFY(Testing::saveScreenshot(&sidebar, QStringLiteral("sidebar-note-stored.png")));

        // The Notes section collapses like the others.
        sidebar.findChild<QToolButton *>(QStringLiteral("section:notes"))->click();
        QVERIFY(!stored.first()->isVisible());
        QVERIFY(!input->isVisible());
        QVERIFY(sidebar.isSectionCollapsed(QStringLiteral("notes")));
        sidebar.setSectionCollapsed(QStringLiteral("notes"), false);
    }
};

QTEST_MAIN(TestCustomerSidebar)
#include "TestCustomerSidebar.moc"
