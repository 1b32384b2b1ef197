#include "models/ConversationListModel.h"
#include "models/ItemRoles.h"
#include "storage/CacheStore.h"
#include "support/CacheFixture.h"
#include "support/TempDataDir.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace Counterpart;
using namespace Counterpart::Models;
using Testing::CacheFixture;

namespace {
constexpr int kConversations = 250;

// 250 conversations: every third on WhatsApp, every fourth unassigned, the rest assigned to
// agent 1 ("me") or agent 2; one in five resolved; activity times spread so order is known.
CacheFixture largeInbox()
{
    CacheFixture fixture;
    fixture.addInbox(CacheFixture::EmailInbox, QStringLiteral("Support email"), Domain::ChannelKind::Email);
    fixture.addInbox(CacheFixture::WhatsAppInbox, QStringLiteral("WhatsApp"), Domain::ChannelKind::WhatsApp);
    fixture.addAgent(1, QStringLiteral("Maria Lopez"), QStringLiteral("maria@example.com"));
    fixture.addAgent(2, QStringLiteral("Chen Wei"), QStringLiteral("chen@example.com"));
    for (int i = 1; i <= kConversations; ++i) {
        fixture.addContact(i, QStringLiteral("Customer %1").arg(i), QString(), QString(), QStringLiteral("en"));
        auto &conversation = fixture.addConversation(
            i, i % 3 == 0 ? CacheFixture::WhatsAppInbox : CacheFixture::EmailInbox, i,
            (i * 37) % 1000, i % 5 == 0 ? Domain::ConversationStatus::Resolved : Domain::ConversationStatus::Open);
        conversation.assigneeId = i % 4 == 0 ? 0 : (i % 2 ? 1 : 2);
        conversation.priority = Domain::Priority(i % 5);
        if (i % 7 == 0)
            conversation.waitingSince = CacheFixture::at(1000 - i);
        fixture.addMessage(i, i, QStringLiteral("Message of conversation %1").arg(i), (i * 37) % 1000);
    }
    return fixture;
}

struct Expected
{
    int all = 0, mine = 0, unassigned = 0, whatsapp = 0;
};

Expected expectedCounts()
{
    Expected e;
    for (int i = 1; i <= kConversations; ++i) {
        if (i % 5 == 0)
            continue; // resolved: not in the active views
        ++e.all;
        if (i % 4 == 0)
            ++e.unassigned;
        else if (i % 2)
            ++e.mine;
        if (i % 3 == 0)
            ++e.whatsapp;
    }
    return e;
}

void fetchAll(ConversationListModel &model)
{
    while (model.canFetchMore({}))
        model.fetchMore({});
}
} // namespace

class TestConversationListModel : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<Testing::TempDataDir>();
        m_cache = std::make_unique<Storage::CacheStore>();
        QVERIFY(m_cache->open(m_dir->cachePath()).ok);
        QString error;
        const qint64 sourceId = largeInbox().ingestInto(*m_cache, &error);
        QVERIFY2(sourceId, qPrintable(error));
        QVERIFY(m_cache->setMeAgent(sourceId, 1));
    }

    void cleanup()
    {
        m_cache.reset();
        m_dir.reset();
    }

    void loadsPagesLazilyWithoutGapsOrDuplicates()
    {
        ConversationListModel model(m_cache.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(60);
        QCOMPARE(model.rowCount(), 60);
        QVERIFY(model.canFetchMore({}));
        fetchAll(model);
        QCOMPARE(model.rowCount(), expectedCounts().all);
        QVERIFY(!model.canFetchMore({}));

        QSet<qint64> ids;
        QDateTime previous;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex index = model.index(row);
            ids.insert(index.data(Roles::ConversationId).toLongLong());
            const QDateTime activity = index.data(Roles::LastActivity).toDateTime();
            if (previous.isValid())
                QVERIFY2(activity <= previous, "rows must be newest first");
            previous = activity;
            QVERIFY(index.data(Roles::StatusKey).toString() != QLatin1String("resolved"));
        }
        QCOMPARE(ids.size(), model.rowCount());
    }

    void standardViewsFilter_data()
    {
        QTest::addColumn<QString>("view");
        QTest::addColumn<int>("expected");
        const Expected e = expectedCounts();
        QTest::newRow("all") << QStringLiteral("all") << e.all;
        QTest::newRow("mine") << QStringLiteral("mine") << e.mine;
        QTest::newRow("unassigned") << QStringLiteral("unassigned") << e.unassigned;
        QTest::newRow("whatsapp") << QStringLiteral("channel:whatsapp") << e.whatsapp;
        QTest::newRow("resolved") << QStringLiteral("resolved") << kConversations / 5;
        QTest::newRow("sms (no inbox)") << QStringLiteral("channel:sms") << 0;
    }

    void standardViewsFilter()
    {
        QFETCH(QString, view);
        QFETCH(int, expected);
        ConversationListModel model(m_cache.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(40);
        model.setFilter(ConversationFilter::fromViewKey(view));
        fetchAll(model);
        QCOMPARE(model.rowCount(), expected);
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex index = model.index(row);
            if (view == QLatin1String("mine"))
                QCOMPARE(index.data(Roles::AssigneeName).toString(), QStringLiteral("Maria Lopez"));
            if (view == QLatin1String("unassigned"))
                QVERIFY(index.data(Roles::AssigneeName).toString().isEmpty());
            if (view == QLatin1String("channel:whatsapp"))
                QCOMPARE(index.data(Roles::ChannelKey).toString(), QStringLiteral("whatsapp"));
        }
    }

    void sortsByLongestWaitingAndPriorityAcrossPages()
    {
        ConversationListModel model(m_cache.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(7);
        model.setSort(ConversationListModel::Sort::LongestWaiting);
        fetchAll(model);
        QCOMPARE(model.rowCount(), expectedCounts().all);
        // Waiting customers first, the longest wait on top; those not waiting after them.
        bool seenNotWaiting = false;
        QDateTime previous;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QDateTime waiting = model.index(row).data(Roles::WaitingSince).toDateTime();
            if (!waiting.isValid()) {
                seenNotWaiting = true;
                continue;
            }
            QVERIFY2(!seenNotWaiting, "a waiting customer was listed after one who is not waiting");
            if (previous.isValid())
                QVERIFY(waiting >= previous);
            previous = waiting;
        }

        model.setSort(ConversationListModel::Sort::Priority);
        fetchAll(model);
        QCOMPARE(model.rowCount(), expectedCounts().all);
        int previousPriority = 5;
        for (int row = 0; row < model.rowCount(); ++row) {
            const int priority = model.index(row).data(Roles::PriorityLevel).toInt();
            QVERIFY(priority <= previousPriority);
            previousPriority = priority;
        }
    }

    void newConversationFromSyncAppearsOnTop()
    {
        ConversationListModel model(m_cache.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int before = model.rowCount();
        CacheFixture update;
        update.addContact(900, QStringLiteral("Αικατερίνη Νικολάου"), QString(), QString(), QStringLiteral("el"));
        update.addConversation(900, CacheFixture::EmailInbox, 900, 5000);
        update.addMessage(900, 900, QStringLiteral("Καλημέρα, το δέμα δεν έφτασε."), 5000);
        QString error;
        QVERIFY2(update.ingestInto(*m_cache, &error), qPrintable(error));
        QCOMPARE(model.index(0).data(Roles::CustomerName).toString(), QStringLiteral("Αικατερίνη Νικολάου"));
        QCOMPARE(model.index(0).data(Roles::Preview).toString(), QStringLiteral("Καλημέρα, το δέμα δεν έφτασε."));
        // The loaded window keeps its size; the rest stays one fetchMore() away.
        QCOMPARE(model.rowCount(), before);
        fetchAll(model);
        QCOMPARE(model.rowCount(), expectedCounts().all + 1);
    }

private:
    std::unique_ptr<Testing::TempDataDir> m_dir;
    std::unique_ptr<Storage::CacheStore> m_cache;
};

QTEST_GUILESS_MAIN(TestConversationListModel)
#include "TestConversationListModel.moc"
