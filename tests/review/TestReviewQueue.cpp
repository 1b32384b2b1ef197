#include "review/ReviewQueue.h"
#include "storage/CacheStore.h"
#include "storage/ReviewStore.h"
#include "storage/WorkspaceStore.h"
#include "support/CacheFixture.h"
#include "support/TempDataDir.h"

#include <QSet>
#include <QTest>

using namespace Counterpart;
using namespace Counterpart::Domain;
using Review::ReviewCriteria;
using Testing::CacheFixture;

/**
 * Forty resolved conversations for two agents on two channels (remote ids 300-339): even ids are
 * Ana's on e-mail, odd ids Ben's on WhatsApp; every fifth is rated 1, the others 5; ids below 310
 * are labelled complaint. Plus one open conversation, which a queue never offers by default.
 */
class TestReviewQueue : public QObject
{
    Q_OBJECT
private:
    Testing::TempDataDir m_dir;
    Storage::CacheStore m_cache;
    Storage::WorkspaceStore m_workspace;
    std::unique_ptr<Storage::ReviewStore> m_reviews;

    QList<qint64> ids(const ReviewCriteria &criteria) const
    {
        QList<qint64> result;
        for (const Review::QueueEntry &entry : Review::ReviewQueue(&m_cache, m_reviews.get()).build(criteria))
            result.append(entry.conversationRemoteId);
        return result;
    }

    qint64 agentId(const QString &name) const
    {
        for (const Agent &agent : m_cache.agents())
            if (agent.name == name)
                return agent.id;
        return 0;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_cache.open(m_dir.cachePath()).ok);
        QVERIFY(m_workspace.open(m_dir.workspacePath()).ok);
        m_reviews = std::make_unique<Storage::ReviewStore>(&m_workspace);
        CacheFixture f;
        f.addInbox(1, QStringLiteral("Mail"), ChannelKind::Email);
        f.addInbox(2, QStringLiteral("WhatsApp"), ChannelKind::WhatsApp);
        f.addAgent(1, QStringLiteral("Ana"), QStringLiteral("ana@example.com"));
        f.addAgent(2, QStringLiteral("Ben"), QStringLiteral("ben@example.com"));
        f.addContact(1, QStringLiteral("Customer"), QStringLiteral("c@example.com"), QString(), QStringLiteral("en"));
        for (int i = 0; i < 40; ++i) {
            Conversation &c = f.addConversation(300 + i, i % 2 ? 2 : 1, 1, i * 60, ConversationStatus::Resolved);
            c.assigneeId = i % 2 ? 2 : 1;
            c.csatRating = i % 5 == 0 ? 1 : 5;
            if (i < 10)
                c.labels = {QStringLiteral("complaint")};
        }
        f.addConversation(400, 1, 1, 10, ConversationStatus::Open);
        QString error;
        QVERIFY2(f.ingestInto(m_cache, &error), qPrintable(error));
    }

    void filtersCombine()
    {
        ReviewCriteria all;
        QCOMPARE(ids(all).size(), 40);
        QCOMPARE(ids(all).first(), 339); // newest first

        ReviewCriteria ana;
        ana.agentIds = {agentId(QStringLiteral("Ana"))};
        ana.csatAtMost = 2;
        QCOMPARE(ids(ana), (QList<qint64>{330, 320, 310, 300}));

        ReviewCriteria whatsappComplaints;
        whatsappComplaints.channels = {QStringLiteral("whatsapp")};
        whatsappComplaints.label = QStringLiteral("complaint");
        QCOMPARE(ids(whatsappComplaints), (QList<qint64>{309, 307, 305, 303, 301}));

        ReviewCriteria range;
        range.from = CacheFixture::at(60 * 10);
        range.to = CacheFixture::at(60 * 12);
        QCOMPARE(ids(range), (QList<qint64>{311, 310}));

        ReviewCriteria withOpen;
        withOpen.resolvedOnly = false;
        QVERIFY(ids(withOpen).contains(400));
    }

    void sampleIsFairRepeatableAndSized()
    {
        ReviewCriteria sample;
        sample.sampleCount = 8;
        sample.seed = 7;
        const QList<qint64> first = ids(sample);
        QCOMPARE(first.size(), 8);
        QCOMPARE(ids(sample), first); // the same seed draws the same queue
        QCOMPARE(QSet<qint64>(first.cbegin(), first.cend()).size(), 8);
        for (int i = 1; i < first.size(); ++i)
            QVERIFY(first.at(i - 1) > first.at(i)); // still newest first

        sample.seed = 8;
        QVERIFY(ids(sample) != first);

        // Fair: over many draws every conversation is picked about 8/40 of the time.
        QHash<qint64, int> picks;
        for (quint32 seed = 1; seed <= 500; ++seed) {
            sample.seed = seed;
            for (const qint64 id : ids(sample))
                ++picks[id];
        }
        QCOMPARE(picks.size(), 40);
        for (auto it = picks.cbegin(); it != picks.cend(); ++it)
            QVERIFY2(it.value() > 60 && it.value() < 140, qPrintable(QStringLiteral("%1 picked %2 times").arg(it.key()).arg(it.value())));

        ReviewCriteria percent;
        percent.samplePercent = 12.5; // 5 of 40
        QCOMPARE(ids(percent).size(), 5);
    }

    void neverReviewedLeavesOutScoredConversations()
    {
        Review::Scorecard card;
        card.sourceUid = CacheFixture().source().uid;
        card.conversationRemoteId = 339;
        card.total = 88;
        QVERIFY(m_reviews->saveScorecard(card) > 0);
        ReviewCriteria fresh;
        fresh.neverReviewed = true;
        QVERIFY(!ids(fresh).contains(339));
        QCOMPARE(ids(fresh).size(), 39);
        const auto entries = Review::ReviewQueue(&m_cache, m_reviews.get()).build(ReviewCriteria());
        QCOMPARE(entries.first().conversationRemoteId, 339);
        QCOMPARE(entries.first().score, 88.0);
        QCOMPARE(entries.first().agentName, QStringLiteral("Ben"));
        QCOMPARE(entries.first().channel, QStringLiteral("whatsapp"));
    }
};

QTEST_GUILESS_MAIN(TestReviewQueue)
#include "TestReviewQueue.moc"
