#include "MainWindow.h"
#include "WindowTestSupport.h"
#include "common/ActionRegistry.h"
#include "common/TrayNotifier.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QSystemTrayIcon>
#include <QTest>

using namespace Counterpart;
using Notify::Notification;
using Testing::CacheFixture;

Q_DECLARE_METATYPE(Counterpart::Notify::Notification)

/** The tray notifier in the real window: offscreen there is no tray, and it must not matter. */
class TestTrayNotifier : public QObject
{
    Q_OBJECT

private:
    Testing::MainWindowFixture m_fixture;

    Ui::TrayNotifier *notifier() const
    {
        return m_fixture.window()->findChild<Ui::TrayNotifier *>();
    }
    qint64 local(qint64 remoteId) const
    {
        QSqlQuery q(m_fixture.cache()->connection());
        q.prepare(QStringLiteral("SELECT id FROM conversations WHERE remote_id=?"));
        q.addBindValue(remoteId);
        return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
    }
    /** The server, right now (the notifier runs on the real clock): 103 is Maria's, then the customer writes. */
    void serverAssignsAndCustomerWrites(qint64 messageRemoteId)
    {
        CacheFixture page;
        auto &c = page.addConversation(103, CacheFixture::WhatsAppInbox, CacheFixture::TraditionalContact, 0);
        c.assigneeId = CacheFixture::SupportAgent;
        c.lastActivityAt = QDateTime::currentDateTimeUtc();
        page.addMessage(messageRemoteId, 103, QStringLiteral("請問什麼時候出貨？"), 0).createdAt
            = QDateTime::currentDateTimeUtc();
        const qint64 sourceId = m_fixture.cache()->sourceByUid(QStringLiteral("test"))->id;
        QString error;
        QVERIFY2(m_fixture.cache()->ingest(sourceId, page.batch(), &error), qPrintable(error));
    }

private slots:
    void initTestCase() { qRegisterMetaType<Notification>(); }

    void init()
    {
        QString error;
        QVERIFY2(m_fixture.open(&error), qPrintable(error));
        m_fixture.window()->openConversation(local(101));
    }
    void cleanup() { m_fixture.reset(); }

    void withoutATrayNothingBreaksAndAClickOpensTheConversation()
    {
        QVERIFY(notifier());
        QCOMPARE(notifier()->hasTray(), QSystemTrayIcon::isSystemTrayAvailable());
        QSignalSpy notified(notifier(), &Ui::TrayNotifier::notified);
        serverAssignsAndCustomerWrites(3001);
        QCOMPARE(notified.size(), 1);
        const auto n = notified.first().first().value<Notification>();
        QCOMPARE(n.kind, Notification::Kind::AssignedToMe);
        QCOMPARE(n.title, QStringLiteral("Assigned to you: 陳美玲"));
        QCOMPARE(n.body, QStringLiteral("請問什麼時候出貨？"));
        QCOMPARE(m_fixture.window()->currentConversationId(), local(101)); // nothing jumps by itself

        notifier()->activate(notifier()->lastNotification()); // what clicking the balloon does
        QCOMPARE(m_fixture.window()->currentConversationId(), local(103));
    }

    void turningItOffIsRemembered()
    {
        QAction *toggle
            = m_fixture.window()->actions()->action(QStringLiteral("notifications.toggle"));
        QVERIFY(toggle && toggle->isCheckable() && toggle->isChecked());
        QSignalSpy notified(notifier(), &Ui::TrayNotifier::notified);
        QVERIFY(m_fixture.window()->actions()->trigger(QStringLiteral("notifications.toggle")));
        QVERIFY(!notifier()->isEnabled());
        QCOMPARE(m_fixture.workspace()->setting(QLatin1String(Ui::TrayNotifier::SettingKey)),
                 QStringLiteral("off"));
        serverAssignsAndCustomerWrites(3002);
        QCOMPARE(notified.size(), 0);

        m_fixture.reopenWindow(); // the next start reads the choice
        QVERIFY(!notifier()->isEnabled());
        QVERIFY(!m_fixture.window()->actions()->action(QStringLiteral("notifications.toggle"))
                     ->isChecked());
    }
};

QTEST_MAIN(TestTrayNotifier)
#include "TestTrayNotifier.moc"
