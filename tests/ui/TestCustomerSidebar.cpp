#include "customer/CustomerSidebar.h"
#include "storage/CacheStore.h"
#include "storage/WorkspaceStore.h"
#include "support/CacheFixture.h"
#include "support/TempDataDir.h"

#include <QLabel>
#include <QListWidget>
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
};

QTEST_MAIN(TestCustomerSidebar)
#include "TestCustomerSidebar.moc"
