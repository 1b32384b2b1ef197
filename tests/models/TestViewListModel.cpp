#include "models/ItemRoles.h"
#include "models/ConversationFilter.h"
#include "models/ViewListModel.h"
#include "storage/CacheStore.h"
#include "support/CacheFixture.h"
#include "support/TempDataDir.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Counterpart;
using namespace Counterpart::Models;
using Testing::CacheFixture;

class TestViewListModel : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<Testing::TempDataDir>();
        m_cache = std::make_unique<Storage::CacheStore>();
        QVERIFY(m_cache->open(m_dir->cachePath()).ok);
    }
    void cleanup()
    {
        m_cache.reset();
        m_dir.reset();
    }

    void emptyCacheShowsZeroCountsAndNoChannels()
    {
        ViewListModel model(m_cache.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.countOf(QStringLiteral("all")), 0);
        QCOMPARE(model.countOf(QStringLiteral("mine")), 0);
        QCOMPARE(model.rowOfView(QStringLiteral("channel:email")), -1);
    }

    void countsOpenAndPendingPerView()
    {
        ViewListModel model(m_cache.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        CacheFixture fixture = CacheFixture::multilingual();
        // multilingual(): four open conversations, two per inbox. Resolve one, assign one to me.
        fixture.batch().conversations[0].status = Domain::ConversationStatus::Resolved;
        fixture.batch().conversations[1].assigneeId = CacheFixture::SupportAgent;
        QString error;
        const qint64 sourceId = fixture.ingestInto(*m_cache, &error);
        QVERIFY2(sourceId, qPrintable(error));
        QVERIFY(m_cache->setMeAgent(sourceId, CacheFixture::SupportAgent));
        model.refresh();

        int expectedAll = 0, expectedUnassigned = 0;
        QHash<qint64, int> perInbox;
        for (const auto &c : fixture.batch().conversations) {
            if (c.status == Domain::ConversationStatus::Resolved)
                continue;
            ++expectedAll;
            if (c.assigneeId == 0)
                ++expectedUnassigned;
            ++perInbox[c.inboxId];
        }
        QCOMPARE(model.countOf(QStringLiteral("all")), expectedAll);
        QCOMPARE(model.countOf(QStringLiteral("mine")), 1);
        QCOMPARE(model.countOf(QStringLiteral("unassigned")), expectedUnassigned);
        QCOMPARE(model.countOf(QStringLiteral("channel:email")), perInbox.value(CacheFixture::EmailInbox));
        QCOMPARE(model.countOf(QStringLiteral("channel:whatsapp")), perInbox.value(CacheFixture::WhatsAppInbox));
        QCOMPARE(model.rowOfView(QStringLiteral("channel:sms")), -1);

        const QModelIndex heading = model.index(0);
        QVERIFY(heading.data(Roles::ViewIsSection).toBool());
        QVERIFY(!(model.flags(heading) & Qt::ItemIsSelectable));
    }

    void newConversationUpdatesCountsInPlace()
    {
        CacheFixture fixture = CacheFixture::multilingual();
        QString error;
        QVERIFY(fixture.ingestInto(*m_cache, &error));
        ViewListModel model(m_cache.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int before = model.countOf(QStringLiteral("all"));
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);

        CacheFixture more;
        more.addContact(50, QStringLiteral("王芳"), QString(), QString(), QStringLiteral("zh-Hans"));
        more.addConversation(50, CacheFixture::WhatsAppInbox, 50, 300);
        QVERIFY2(more.ingestInto(*m_cache, &error), qPrintable(error)); // emits contentChanged

        QCOMPARE(model.countOf(QStringLiteral("all")), before + 1);
        QCOMPARE(resets.count(), 0); // the selection in the navigation column must survive
        QVERIFY(changes.count() >= 1);
    }

    void mentionsFollowIngestWithoutRescanningEveryNote()
    {
        CacheFixture fixture = CacheFixture::multilingual();
        QString error;
        const qint64 sourceId = fixture.ingestInto(*m_cache, &error);
        QVERIFY2(sourceId, qPrintable(error));
        QVERIFY(m_cache->setMeAgent(sourceId, CacheFixture::SupportAgent));
        ViewListModel model(m_cache.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto mentions = ConversationFilter::fromViewKey(QStringLiteral("participating"));
        const int before = model.countOf(QStringLiteral("participating"));
        QCOMPARE(before, model.countMatching(mentions)); // the full query agrees
        const int scans = model.fullMentionScans();
        QCOMPARE(scans, 1);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

        // A colleague names me in a note on a conversation I had nothing to do with.
        CacheFixture page;
        page.addAgent(2, QStringLiteral("Kostas Papadopoulos"), QStringLiteral("kostas@support.invalid"));
        Domain::Message &mention = page.addMessage(2001, 102, QStringLiteral("@Maria Agent 请看一下这个退款"), 40,
                                                   Domain::MessageKind::Note);
        mention.senderKind = Domain::SenderKind::Agent;
        mention.senderId = 2;
        QVERIFY2(m_cache->ingest(sourceId, page.batch(), &error), qPrintable(error));
        QCOMPARE(model.countOf(QStringLiteral("participating")), before + 1);
        QCOMPARE(model.countOf(QStringLiteral("participating")), model.countMatching(mentions));

        // A note that does not concern me changes nothing; editing the mention away takes it back.
        CacheFixture other;
        Domain::Message &plain = other.addMessage(2002, 103, QStringLiteral("Κοιτάζω την αποστολή."), 41,
                                                  Domain::MessageKind::Note);
        plain.senderKind = Domain::SenderKind::Agent;
        plain.senderId = 2;
        QVERIFY2(m_cache->ingest(sourceId, other.batch(), &error), qPrintable(error));
        QCOMPARE(model.countOf(QStringLiteral("participating")), before + 1);
        page.batch().messages.first().text = QStringLiteral("请看一下这个退款");
        page.batch().agents.clear();
        QVERIFY2(m_cache->ingest(sourceId, page.batch(), &error), qPrintable(error));
        QCOMPARE(model.countOf(QStringLiteral("participating")), before);
        QCOMPARE(model.fullMentionScans(), scans); // only the touched conversations were looked at
        QCOMPARE(resets.count(), 0);

        // Someone else signs in: "me" changed, so every note is looked at again.
        QVERIFY(m_cache->setMeAgent(sourceId, 2));
        model.refresh();
        QCOMPARE(model.fullMentionScans(), scans + 1);
        QCOMPARE(model.countOf(QStringLiteral("participating")), model.countMatching(mentions));
        QCOMPARE(model.countOf(QStringLiteral("participating")), 2); // Kostas wrote on 102 and 103
    }

private:
    std::unique_ptr<Testing::TempDataDir> m_dir;
    std::unique_ptr<Storage::CacheStore> m_cache;
};

QTEST_GUILESS_MAIN(TestViewListModel)
#include "TestViewListModel.moc"
