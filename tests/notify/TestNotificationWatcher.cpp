#include "notify/NotificationWatcher.h"
#include "storage/CacheStore.h"
#include "support/CacheFixture.h"
#include "support/TempDataDir.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace Counterpart;
using Domain::MessageKind;
using Notify::Notification;
using Testing::CacheFixture;

Q_DECLARE_METATYPE(Counterpart::Notify::Notification)

// The watcher over a real cache: the multilingual fixture (four customers, Maria is "me"), then
// the server changes a page at a time as sync and realtime would, and the test reads what the
// agent would see pop up.
class TestNotificationWatcher : public QObject
{
    Q_OBJECT

private:
    static constexpr qint64 Colleague = 2;
    std::unique_ptr<Testing::TempDataDir> m_dir;
    std::unique_ptr<Storage::CacheStore> m_cache;
    qint64 m_sourceId = 0;
    int m_minute = 40; ///< the clock, in fixture minutes

    qint64 nowMs() const { return CacheFixture::at(m_minute).toMSecsSinceEpoch(); }

    qint64 local(qint64 conversationRemoteId) const
    {
        QSqlQuery q(m_cache->connection());
        q.prepare(QStringLiteral("SELECT id FROM conversations WHERE remote_id=?"));
        q.addBindValue(conversationRemoteId);
        return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
    }
    qint64 localAgent(qint64 remoteId) const
    {
        QSqlQuery q(m_cache->connection());
        q.prepare(QStringLiteral("SELECT id FROM agents WHERE remote_id=?"));
        q.addBindValue(remoteId);
        return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
    }

    /** The conversation as the server now sends it: assigned to `assigneeRemoteId`. */
    static void addAssigned(CacheFixture &page, qint64 conversation, qint64 contact, qint64 assignee, int minute)
    {
        auto &c = page.addConversation(conversation, CacheFixture::EmailInbox, contact, 0);
        c.assigneeId = assignee;
        c.lastActivityAt = CacheFixture::at(minute);
    }
    void ingest(const CacheFixture &page)
    {
        QString error;
        QVERIFY2(m_cache->ingest(m_sourceId, page.batch(), &error), qPrintable(error));
    }
    void serverAssigns(qint64 conversation, qint64 contact, qint64 assignee)
    {
        CacheFixture page;
        addAssigned(page, conversation, contact, assignee, m_minute);
        ingest(page);
    }
    void customerWrites(qint64 messageRemoteId, qint64 conversation, const QString &text)
    {
        CacheFixture page;
        page.addMessage(messageRemoteId, conversation, text, m_minute);
        ingest(page);
    }
    std::unique_ptr<Notify::NotificationWatcher> watcher()
    {
        return std::make_unique<Notify::NotificationWatcher>(m_cache.get(), [this] { return nowMs(); });
    }
    static Notification at(const QSignalSpy &spy, int i) { return spy.at(i).at(0).value<Notification>(); }

private slots:
    void initTestCase() { qRegisterMetaType<Notification>(); }

    void init()
    {
        m_minute = 40;
        m_dir = std::make_unique<Testing::TempDataDir>();
        m_cache = std::make_unique<Storage::CacheStore>();
        QVERIFY(m_cache->open(m_dir->cachePath()).ok);
        CacheFixture fixture = CacheFixture::multilingual();
        fixture.addAgent(Colleague, QStringLiteral("Kostas Colleague"), QStringLiteral("kostas@support.invalid"));
        QString error;
        m_sourceId = fixture.ingestInto(*m_cache, &error);
        QVERIFY2(m_sourceId, qPrintable(error));
        QVERIFY(m_cache->setMeAgent(m_sourceId, CacheFixture::SupportAgent));
    }

    void assignedBySomeoneElseNamesTheCustomer()
    {
        auto w = watcher();
        QSignalSpy raised(w.get(), &Notify::NotificationWatcher::notificationRaised);
        serverAssigns(101, CacheFixture::EnglishContact, CacheFixture::SupportAgent);
        QCOMPARE(raised.size(), 1);
        const Notification n = at(raised, 0);
        QCOMPARE(n.kind, Notification::Kind::AssignedToMe);
        QCOMPARE(n.conversationId, local(101));
        QVERIFY2(n.title.contains(QStringLiteral("Alice Johnson")), qPrintable(n.title));
        QVERIFY2(n.body.contains(QStringLiteral("refund")), qPrintable(n.body)); // her latest words
    }

    void assignedToSomeoneElseIsSilent()
    {
        auto w = watcher();
        QSignalSpy raised(w.get(), &Notify::NotificationWatcher::notificationRaised);
        serverAssigns(101, CacheFixture::EnglishContact, Colleague);
        customerWrites(2001, 101, QStringLiteral("Any news?"));
        QCOMPARE(raised.size(), 0);
    }

    void customerReplyInMineShowsTheMessage()
    {
        serverAssigns(102, CacheFixture::SimplifiedContact, CacheFixture::SupportAgent);
        auto w = watcher(); // 102 is already Maria's when the app starts
        QSignalSpy raised(w.get(), &Notify::NotificationWatcher::notificationRaised);
        customerWrites(2001, 102, QStringLiteral("请问我的退款什么时候到账？"));
        QCOMPARE(raised.size(), 1);
        const Notification n = at(raised, 0);
        QCOMPARE(n.kind, Notification::Kind::CustomerReplied);
        QCOMPARE(n.conversationId, local(102));
        QCOMPARE(n.title, QStringLiteral("王小明 replied"));
        QCOMPARE(n.body, QStringLiteral("请问我的退款什么时候到账？"));
    }

    void myOwnWordsAreSilent()
    {
        serverAssigns(101, CacheFixture::EnglishContact, CacheFixture::SupportAgent);
        auto w = watcher();
        QSignalSpy raised(w.get(), &Notify::NotificationWatcher::notificationRaised);
        CacheFixture page; // Maria is the fixture's first agent: she wrote these
        page.addAgent(CacheFixture::SupportAgent, QStringLiteral("Maria Agent"), QStringLiteral("maria@support.invalid"));
        page.addMessage(2001, 101, QStringLiteral("Your refund was sent."), m_minute, MessageKind::Outgoing);
        page.addMessage(2002, 101, QStringLiteral("Checked with finance."), m_minute, MessageKind::Note);
        ingest(page);
        QCOMPARE(raised.size(), 0);
    }

    void assigningToMyselfIsSilentEvenWhenTheServerEchoesItLate()
    {
        auto w = watcher();
        QSignalSpy raised(w.get(), &Notify::NotificationWatcher::notificationRaised);
        QVERIFY(m_cache->applyLocalChanges(
            {{local(103), {{QStringLiteral("assignee_id"), localAgent(CacheFixture::SupportAgent)}}, std::nullopt}}));
        // A delta that ran before the outbox sent the change still shows nobody; then the echo.
        serverAssigns(103, CacheFixture::TraditionalContact, 0);
        m_minute += 2;
        serverAssigns(103, CacheFixture::TraditionalContact, CacheFixture::SupportAgent);
        QCOMPARE(raised.size(), 0);
        customerWrites(2001, 103, QStringLiteral("謝謝！"));
        QCOMPARE(raised.size(), 1); // what the customer says afterwards is news again
        QCOMPARE(at(raised, 0).kind, Notification::Kind::CustomerReplied);
    }

    void replyingFirstAssignsWithoutANotification()
    {
        auto w = watcher();
        QSignalSpy raised(w.get(), &Notify::NotificationWatcher::notificationRaised);
        // Chatwoot assigns an unassigned conversation to the agent who answers it.
        CacheFixture page;
        addAssigned(page, 101, CacheFixture::EnglishContact, CacheFixture::SupportAgent, m_minute);
        page.addAgent(CacheFixture::SupportAgent, QStringLiteral("Maria Agent"), QStringLiteral("maria@support.invalid"));
        page.addMessage(2001, 101, QStringLiteral("Happy to help."), m_minute, MessageKind::Outgoing);
        ingest(page);
        QCOMPARE(raised.size(), 0);
    }

    void theConversationInFrontOfMeIsSilent()
    {
        serverAssigns(101, CacheFixture::EnglishContact, CacheFixture::SupportAgent);
        serverAssigns(102, CacheFixture::SimplifiedContact, CacheFixture::SupportAgent);
        auto w = watcher();
        const qint64 focused = local(101);
        w->setFocusProbe([focused] { return focused; });
        QSignalSpy raised(w.get(), &Notify::NotificationWatcher::notificationRaised);
        customerWrites(2001, 101, QStringLiteral("Still there?"));
        QCOMPARE(raised.size(), 0);
        customerWrites(2002, 102, QStringLiteral("在吗？"));
        QCOMPARE(raised.size(), 1);
        QCOMPARE(at(raised, 0).conversationId, local(102));
    }

    void historyFromAFirstSyncIsSilent()
    {
        auto w = watcher();
        QSignalSpy raised(w.get(), &Notify::NotificationWatcher::notificationRaised);
        m_minute = 600; // the fixture's messages are ten hours old by now
        CacheFixture page;
        addAssigned(page, 101, CacheFixture::EnglishContact, CacheFixture::SupportAgent, 2);
        addAssigned(page, 104, CacheFixture::GreekContact, CacheFixture::SupportAgent, 31);
        page.addMessage(1006, 104, QStringLiteral("Καλημέρα σας, θα ήθελα να αλλάξω τη διεύθυνση αποστολής."), 31);
        ingest(page);
        QCOMPARE(raised.size(), 0);
    }

    void aBurstBecomesOneSummary()
    {
        CacheFixture mine;
        addAssigned(mine, 101, CacheFixture::EnglishContact, CacheFixture::SupportAgent, 0);
        addAssigned(mine, 102, CacheFixture::SimplifiedContact, CacheFixture::SupportAgent, 0);
        addAssigned(mine, 103, CacheFixture::TraditionalContact, CacheFixture::SupportAgent, 0);
        addAssigned(mine, 104, CacheFixture::GreekContact, CacheFixture::SupportAgent, 0);
        ingest(mine);
        auto w = watcher();
        QSignalSpy raised(w.get(), &Notify::NotificationWatcher::notificationRaised);
        CacheFixture page;
        for (qint64 conversation = 101; conversation <= 104; ++conversation)
            page.addMessage(2000 + conversation, conversation, QStringLiteral("Hello again"), m_minute);
        ingest(page);
        QCOMPARE(raised.size(), 1);
        const Notification n = at(raised, 0);
        QCOMPARE(n.kind, Notification::Kind::Summary);
        QCOMPARE(n.conversationId, 0);
        QCOMPARE(n.conversationIds.size(), 4);
        QCOMPARE(n.title, QStringLiteral("4 conversations need you"));
        QCOMPARE(n.body, QStringLiteral("4 with new customer replies"));
    }

    void chatLinesInQuickSuccessionNotifyOnce()
    {
        serverAssigns(102, CacheFixture::SimplifiedContact, CacheFixture::SupportAgent);
        auto w = watcher();
        QSignalSpy raised(w.get(), &Notify::NotificationWatcher::notificationRaised);
        customerWrites(2001, 102, QStringLiteral("你好"));
        customerWrites(2002, 102, QStringLiteral("我的订单"));
        customerWrites(2003, 102, QStringLiteral("还没到"));
        QCOMPARE(raised.size(), 1);
        m_minute += 2;
        customerWrites(2004, 102, QStringLiteral("请回复"));
        QCOMPARE(raised.size(), 2);
        QCOMPARE(at(raised, 1).body, QStringLiteral("请回复"));
    }

    void turnedOffIsSilentAndResumesFromNow()
    {
        serverAssigns(102, CacheFixture::SimplifiedContact, CacheFixture::SupportAgent);
        auto w = watcher();
        QSignalSpy raised(w.get(), &Notify::NotificationWatcher::notificationRaised);
        w->setEnabled(false);
        customerWrites(2001, 102, QStringLiteral("你好"));
        QCOMPARE(raised.size(), 0);
        w->setEnabled(true);
        m_minute += 2;
        serverAssigns(102, CacheFixture::SimplifiedContact, CacheFixture::SupportAgent); // nothing new
        QCOMPARE(raised.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestNotificationWatcher)
#include "TestNotificationWatcher.moc"
