#include "common/Csv.h"
#include "metrics/ConversationFacts.h"
#include "metrics/MetricsEngine.h"
#include "storage/CacheStore.h"
#include "support/CacheFixture.h"
#include "support/TempDataDir.h"

#include <QSqlQuery>
#include <QTest>

using namespace Counterpart;
using namespace Counterpart::Domain;
using Metrics::BusinessHours;
using Metrics::MetricsEngine;
using Metrics::MetricsFilter;
using Metrics::MetricsReport;
using Testing::CacheFixture;

/**
 * Five conversations whose every figure is worked out by hand below. Times are minutes after
 * Friday 2024-03-01 09:00 UTC (11:00 in Athens, where the team works 09:00-17:00 Mon-Fri).
 * "Now" is minute 180 (Friday 14:00 in Athens).
 *
 *  201 e-mail, Ana, resolved, CSAT 5, label refund, customer A:
 *      in 0, note 5 (not a reply), reply 30, in 60, reply 90, resolved 100.
 *  202 WhatsApp, Ben, resolved, reopened, CSAT 2, label delivery, customer B:
 *      in 300 (16:00 Athens), reply 420 (18:00: one business hour later), resolved 430,
 *      in 4320 (Monday 11:00 Athens, reopens), reply 4350, resolved 4360 (Monday 11:40).
 *  203 e-mail, Ana, open, customer C: in 60, no reply yet (waited 2 h, target 4 h).
 *  204 WhatsApp, Ben, open, customer D: in 0, bot message 1, note 10: no reply (3 h > 30 min).
 *  205 e-mail, unassigned, pending, label refund, customer A again: in 120, reply 150.
 */
class TestMetricsEngine : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void businessHoursFigures();
    void wallClockFigures();
    void dateRangeAndAgentFilters();
    void newMessagesMakeFactsStale();
    void tablesExportToCsvAndParseBack();

private:
    MetricsReport compute(const BusinessHours &hours, const MetricsFilter &filter = {});
    qint64 agentId(const QString &name);

    std::unique_ptr<Testing::TempDataDir> m_dir;
    std::unique_ptr<Storage::CacheStore> m_cache;
};

namespace {

const QTimeZone athens("Europe/Athens");

BusinessHours teamHours()
{
    return BusinessHours::weekdays(athens, 9 * 60, 17 * 60);
}

CacheFixture buildFixture()
{
    CacheFixture f;
    f.addInbox(1, QStringLiteral("Support mail"), ChannelKind::Email);
    f.addInbox(2, QStringLiteral("WhatsApp"), ChannelKind::WhatsApp);
    f.addAgent(1, QStringLiteral("Ana"), QStringLiteral("ana@example.com"));
    f.addAgent(2, QStringLiteral("Ben"), QStringLiteral("ben@example.com"));
    f.addContact(1, QStringLiteral("Customer A"), QStringLiteral("a@example.com"), QString(), QStringLiteral("en"));
    f.addContact(2, QStringLiteral("Customer B"), QStringLiteral("b@example.com"), QString(), QStringLiteral("en"));
    f.addContact(3, QStringLiteral("Customer C"), QStringLiteral("c@example.com"), QString(), QStringLiteral("en"));
    f.addContact(4, QStringLiteral("Customer D"), QStringLiteral("d@example.com"), QString(), QStringLiteral("en"));

    const auto reply = [&f](qint64 id, qint64 conversation, int minute, qint64 agent) {
        Message &m = f.addMessage(id, conversation, QStringLiteral("Thanks, done."), minute, MessageKind::Outgoing);
        m.senderId = agent;
        m.senderName = agent == 1 ? QStringLiteral("Ana") : QStringLiteral("Ben");
    };
    const auto activity = [&f](qint64 id, qint64 conversation, int minute, const QString &text) {
        Message &m = f.addMessage(id, conversation, text, minute, MessageKind::Activity);
        m.senderKind = SenderKind::System;
        m.senderId = 0;
    };

    Conversation &c201 = f.addConversation(201, 1, 1, 0, ConversationStatus::Resolved);
    c201.assigneeId = 1;
    c201.csatRating = 5;
    c201.labels = {QStringLiteral("refund")};
    f.addMessage(2001, 201, QStringLiteral("Where is my refund?"), 0);
    f.addMessage(2002, 201, QStringLiteral("Checking with finance."), 5, MessageKind::Note);
    reply(2003, 201, 30, 1);
    f.addMessage(2004, 201, QStringLiteral("And the invoice?"), 60);
    reply(2005, 201, 90, 1);
    activity(2006, 201, 100, QStringLiteral("Conversation was resolved by Ana"));

    Conversation &c202 = f.addConversation(202, 2, 2, 300, ConversationStatus::Resolved);
    c202.assigneeId = 2;
    c202.csatRating = 2;
    c202.csatComment = QStringLiteral("Took too long");
    c202.labels = {QStringLiteral("delivery")};
    f.addMessage(2101, 202, QStringLiteral("Parcel missing"), 300);
    reply(2102, 202, 420, 2);
    activity(2103, 202, 430, QStringLiteral("Conversation was resolved by Ben"));
    f.addMessage(2104, 202, QStringLiteral("Still nothing!"), 4320);
    reply(2105, 202, 4350, 2);
    activity(2106, 202, 4360, QStringLiteral("Conversation was resolved by Ben"));

    Conversation &c203 = f.addConversation(203, 1, 3, 60);
    c203.assigneeId = 1;
    f.addMessage(2201, 203, QStringLiteral("Question about my plan"), 60);

    Conversation &c204 = f.addConversation(204, 2, 4, 0);
    c204.assigneeId = 2;
    f.addMessage(2301, 204, QStringLiteral("Hello?"), 0);
    Message &bot = f.addMessage(2302, 204, QStringLiteral("A human will answer soon."), 1, MessageKind::Outgoing);
    bot.senderKind = SenderKind::Bot;
    bot.senderId = 0;
    f.addMessage(2303, 204, QStringLiteral("VIP, answer first"), 10, MessageKind::Note);

    Conversation &c205 = f.addConversation(205, 1, 1, 120, ConversationStatus::Pending);
    c205.labels = {QStringLiteral("refund")};
    f.addMessage(2401, 205, QStringLiteral("Another refund question"), 120);
    reply(2402, 205, 150, 1);
    return f;
}

} // namespace

void TestMetricsEngine::init()
{
    m_dir = std::make_unique<Testing::TempDataDir>();
    m_cache = std::make_unique<Storage::CacheStore>();
    QVERIFY(m_cache->open(m_dir->cachePath()).ok);
    QString error;
    QVERIFY2(buildFixture().ingestInto(*m_cache, &error), qPrintable(error));
}

MetricsReport TestMetricsEngine::compute(const BusinessHours &hours, const MetricsFilter &filter)
{
    MetricsEngine engine(m_cache->connection(), hours, Metrics::Sla());
    const MetricsReport report = engine.compute(filter, CacheFixture::at(180));
    if (!engine.errorString().isEmpty())
        qWarning() << engine.errorString();
    return report;
}

qint64 TestMetricsEngine::agentId(const QString &name)
{
    for (const Agent &agent : m_cache->agents()) {
        if (agent.name == name)
            return agent.id;
    }
    return 0;
}

void TestMetricsEngine::businessHoursFigures()
{
    const MetricsReport r = compute(teamHours());

    // First replies: 201 after 30 min, 205 after 30 min, 202 after one business hour (16:00 to
    // 17:00; the reply at 18:00 came after closing). The note on 201 and the bot on 204 do not count.
    QCOMPARE(r.firstResponse.count, 3);
    QCOMPARE(r.firstResponse.averageSecs, (1800.0 + 1800.0 + 3600.0) / 3);
    QCOMPARE(r.firstResponse.medianSecs, 1800.0);
    QCOMPARE(r.firstResponse.longestSecs, qint64(3600));
    // E-mail target 4 h: both met; WhatsApp target 30 min: 202 missed.
    QCOMPARE(r.firstResponseWithinTarget, 2.0 / 3);
    // Still waiting: 203 for 2 h and 204 for 3 h of business time by "now".
    QCOMPARE(r.awaitingFirstReply, 2);
    QCOMPARE(r.longestWaitSecs, qint64(3 * 3600));

    // Customer turns answered: 201 (30, 30 min), 202 (1 business hour, 30 min), 205 (30 min).
    QCOMPARE(r.replyTime.count, 5);
    QCOMPARE(r.replyTime.averageSecs, (1800.0 * 4 + 3600.0) / 5);
    QCOMPARE(r.replyTime.medianSecs, 1800.0);

    // 201: 100 min. 202: Friday 16:00-17:00 plus Monday 09:00-11:40 = 3 h 40 min, although
    // it was resolved once already on Friday evening and reopened.
    QCOMPARE(r.resolutionTime.count, 2);
    QCOMPARE(r.resolutionTime.averageSecs, (6000.0 + 13200.0) / 2);
    QCOMPARE(r.resolutionTime.medianSecs, (6000.0 + 13200.0) / 2);
    QCOMPARE(r.opened, 5);
    QCOMPARE(r.resolved, 2);
    QCOMPARE(r.reopened, 1);

    QCOMPARE(r.csatResponses, 2);
    QCOMPARE(r.csatAverage, 3.5);
    QCOMPARE(r.csatDistribution, (std::array<int, 5>{0, 1, 0, 0, 1}));
    QCOMPARE(r.lowRatings.size(), 1);
    QCOMPARE(r.lowRatings.first().contactName, QStringLiteral("Customer B"));
    QCOMPARE(r.lowRatings.first().agentName, QStringLiteral("Ben"));
    QCOMPARE(r.lowRatings.first().comment, QStringLiteral("Took too long"));

    // Decided: the three replied plus 204 (past its 30 min); 203 is still inside 4 h.
    QCOMPARE(r.slaDecided, 4);
    QCOMPARE(r.slaHits, 2);
    QCOMPARE(r.slaHitRate, 0.5);

    // New conversations by Athens hour on Friday (weekday 4): 11:00 x2, 12:00, 13:00, 16:00.
    QCOMPARE(r.traffic[4][11], 2);
    QCOMPARE(r.traffic[4][12], 1);
    QCOMPARE(r.traffic[4][13], 1);
    QCOMPARE(r.traffic[4][16], 1);
    int total = 0;
    for (const auto &day : r.traffic)
        for (const int count : day)
            total += count;
    QCOMPARE(total, 5);

    QCOMPARE(r.channelMix, (QList<QPair<QString, int>>{{QStringLiteral("email"), 3}, {QStringLiteral("whatsapp"), 2}}));
    QCOMPARE(r.labels.size(), 2);
    QCOMPARE(r.labels.at(0).label, QStringLiteral("refund"));
    QCOMPARE(r.labels.at(0).count, 2);
    QCOMPARE(r.labels.at(1).label, QStringLiteral("delivery"));

    QCOMPARE(r.customers, 4);
    QCOMPARE(r.repeatCustomers, 1);
    QCOMPARE(r.contactsPerCustomer, 1.25);

    QCOMPARE(r.agents.size(), 2);
    const Metrics::AgentRow &ana = r.agents.at(0);
    QCOMPARE(ana.name, QStringLiteral("Ana"));
    QCOMPARE(ana.conversations, 2);
    QCOMPARE(ana.resolved, 1);
    QCOMPARE(ana.firstResponseAverageSecs, 1800.0);
    QCOMPARE(ana.resolutionAverageSecs, 6000.0);
    QCOMPARE(ana.csatAverage, 5.0);
    const Metrics::AgentRow &ben = r.agents.at(1);
    QCOMPARE(ben.name, QStringLiteral("Ben"));
    QCOMPARE(ben.firstResponseAverageSecs, 3600.0);
    QCOMPARE(ben.resolutionAverageSecs, 13200.0);
    QCOMPARE(ben.csatAverage, 2.0);
    QCOMPARE(ben.reviewScore, -1.0);

    QVERIFY(r.refreshMs > 0);
    QStringList timed;
    for (const auto &[key, ms] : r.timingsMs)
        timed.append(key);
    QVERIFY2(timed.contains(QStringLiteral("facts")) && timed.contains(QStringLiteral("first_response"))
                 && timed.contains(QStringLiteral("agents")), qPrintable(timed.join(QLatin1Char(','))));
}

void TestMetricsEngine::wallClockFigures()
{
    const MetricsReport r = compute(BusinessHours::alwaysOpen());
    // 202's first reply took two wall-clock hours; its resolution 4,060 minutes.
    QCOMPARE(r.firstResponse.averageSecs, (1800.0 + 1800.0 + 7200.0) / 3);
    QCOMPARE(r.firstResponse.longestSecs, qint64(7200));
    QCOMPARE(r.resolutionTime.averageSecs, (6000.0 + 4060.0 * 60) / 2);
    QCOMPARE(r.longestWaitSecs, qint64(3 * 3600));
}

void TestMetricsEngine::dateRangeAndAgentFilters()
{
    MetricsFilter range;
    range.from = CacheFixture::at(100);
    range.to = CacheFixture::at(400);
    MetricsReport r = compute(teamHours(), range);
    QCOMPARE(r.opened, 2);   // 205 and 202 were opened in the range
    QCOMPARE(r.resolved, 1); // 201 was resolved at minute 100; 202's final resolution is later
    QCOMPARE(r.firstResponse.count, 2);
    // Replies are dated by the reply: only 205's, at minute 150, falls inside.
    QCOMPARE(r.replyTime.count, 1);
    QCOMPARE(r.replyTime.averageSecs, 1800.0);

    MetricsFilter ben;
    ben.agentIds = {agentId(QStringLiteral("Ben"))};
    r = compute(teamHours(), ben);
    QCOMPARE(r.opened, 2);
    QCOMPARE(r.resolved, 1);
    QCOMPARE(r.awaitingFirstReply, 1);
    QCOMPARE(r.agents.size(), 1);
    QCOMPARE(r.agents.first().name, QStringLiteral("Ben"));

    MetricsFilter refunds;
    refunds.labels = {QStringLiteral("refund")};
    refunds.channels = {QStringLiteral("email")};
    r = compute(teamHours(), refunds);
    QCOMPARE(r.opened, 2);
    QCOMPARE(r.customers, 1); // both refund conversations are Customer A's
    QCOMPARE(r.contactsPerCustomer, 2.0);
}

void TestMetricsEngine::newMessagesMakeFactsStale()
{
    MetricsReport before = compute(teamHours());
    QCOMPARE(before.awaitingFirstReply, 2);

    // Ana answers 203 at minute 170: its facts must be rebuilt on the next refresh.
    CacheFixture more = buildFixture();
    more.batch().messages.clear();
    Message &m = more.addMessage(2202, 203, QStringLiteral("Here is how your plan works."), 170, MessageKind::Outgoing);
    m.senderId = 1;
    QString error;
    QVERIFY2(more.ingestInto(*m_cache, &error), qPrintable(error));

    const MetricsReport after = compute(teamHours());
    QCOMPARE(after.awaitingFirstReply, 1);
    QCOMPARE(after.firstResponse.count, 4);
    QCOMPARE(after.firstResponse.longestSecs, qint64(110 * 60)); // 203: minute 60 to 170
}

void TestMetricsEngine::tablesExportToCsvAndParseBack()
{
    const MetricsReport r = compute(teamHours());
    for (const Metrics::MetricTable &table : r.tables()) {
        const QList<QStringList> parsed = Common::Csv::parse(Common::Csv::write(table.columns, table.rows));
        QCOMPARE(parsed.size(), table.rows.size() + 1);
        QCOMPARE(parsed.first(), table.columns);
        for (int row = 0; row < table.rows.size(); ++row) {
            for (int column = 0; column < table.columns.size(); ++column) {
                const QVariant value = table.rows.at(row).at(column);
                const QString text = parsed.at(row + 1).at(column);
                if (value.typeId() == QMetaType::Double || value.typeId() == QMetaType::Int)
                    QCOMPARE(text.toDouble(), value.toDouble());
                else
                    QCOMPARE(text, value.toString());
            }
        }
    }
    const Metrics::MetricTable summary = r.tables().first();
    const QList<QStringList> rows = Common::Csv::parse(Common::Csv::write(summary.columns, summary.rows));
    bool found = false;
    for (const QStringList &row : rows) {
        if (row.first() == QLatin1String("sla_hit_rate")) {
            QCOMPARE(row.at(1).toDouble(), 0.5);
            found = true;
        }
    }
    QVERIFY(found);
}

QTEST_GUILESS_MAIN(TestMetricsEngine)
#include "TestMetricsEngine.moc"
