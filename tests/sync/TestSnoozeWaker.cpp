#include "storage/CacheStore.h"
#include "support/CacheFixture.h"
#include "support/TempDataDir.h"
#include "sync/SnoozeWaker.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace Counterpart;
using Domain::ConversationStatus;
using Testing::CacheFixture;

class TestSnoozeWaker : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Testing::TempDataDir> m_dir;
    std::unique_ptr<Storage::CacheStore> m_cache;
    qint64 m_nowMs = 0;

    qint64 local(qint64 remoteId) const
    {
        QSqlQuery q(m_cache->connection());
        q.prepare(QStringLiteral("SELECT id FROM conversations WHERE remote_id=?"));
        q.addBindValue(remoteId);
        return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
    }
    ConversationStatus status(qint64 remoteId) const { return m_cache->conversation(local(remoteId))->status; }

    void snooze(qint64 remoteId, const QDateTime &until)
    {
        QVERIFY(m_cache->applyLocalChanges(
            {{local(remoteId),
              {{QStringLiteral("status"), QStringLiteral("snoozed")},
               {QStringLiteral("snoozed_until"),
                until.isValid() ? QVariant(until.toSecsSinceEpoch()) : QVariant(QMetaType(QMetaType::LongLong))}},
              std::nullopt}}));
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<Testing::TempDataDir>();
        m_cache = std::make_unique<Storage::CacheStore>();
        QVERIFY(m_cache->open(m_dir->cachePath()).ok);
        QString error;
        QVERIFY2(CacheFixture::multilingual().ingestInto(*m_cache, &error), qPrintable(error));
        m_nowMs = CacheFixture::at(60).toMSecsSinceEpoch();
    }

    void wakesWhenTheTimeComes()
    {
        Sync::SnoozeWaker waker(m_cache.get(), [this] { return m_nowMs; });
        snooze(101, CacheFixture::at(120));
        snooze(102, CacheFixture::at(180));
        QCOMPARE(status(101), ConversationStatus::Snoozed);
        QCOMPARE(waker.wakeDue(), 0);

        QSignalSpy woke(&waker, &Sync::SnoozeWaker::woke);
        m_nowMs = CacheFixture::at(120).toMSecsSinceEpoch(); // exactly due
        QCOMPARE(waker.wakeDue(), 1);
        QCOMPARE(woke.count(), 1);
        QCOMPARE(woke.at(0).at(0).value<QList<qint64>>(), QList<qint64>{local(101)});
        QCOMPARE(status(101), ConversationStatus::Open);
        QVERIFY(!m_cache->conversation(local(101))->snoozedUntil.isValid());
        QCOMPARE(status(102), ConversationStatus::Snoozed);
    }

    void untilTheCustomerRepliesWakesOnTheNextIncomingMessage()
    {
        Sync::SnoozeWaker waker(m_cache.get(), [this] { return m_nowMs; });
        snooze(102, QDateTime());
        snooze(101, QDateTime());
        m_nowMs = CacheFixture::at(100'000).toMSecsSinceEpoch(); // no time: time alone never wakes it
        QCOMPARE(waker.wakeDue(), 0);

        // An agent's own outgoing message does not wake it; the customer's reply does, as soon
        // as the cache ingests it (no explicit call).
        CacheFixture reply = CacheFixture::multilingual();
        reply.batch().conversations.clear();
        reply.batch().messages.clear();
        reply.addMessage(2001, 101, QStringLiteral("Any update?"), 90, Domain::MessageKind::Outgoing);
        QVERIFY(reply.ingestInto(*m_cache));
        QCOMPARE(status(101), ConversationStatus::Snoozed);
        reply.batch().messages.clear();
        reply.addMessage(2002, 102, QStringLiteral("还在吗？"), 91);
        QVERIFY(reply.ingestInto(*m_cache));
        QCOMPARE(status(102), ConversationStatus::Open);
        QCOMPARE(status(101), ConversationStatus::Snoozed);
    }

    void oldMessagesDoNotWakeIt()
    {
        snooze(103, QDateTime());
        Sync::SnoozeWaker waker(m_cache.get(), [this] { return m_nowMs; });
        QCOMPARE(waker.wakeDue(), 0);
        QCOMPARE(status(103), ConversationStatus::Snoozed);
    }
};

QTEST_GUILESS_MAIN(TestSnoozeWaker)
#include "TestSnoozeWaker.moc"
