#include "MetricsReport.h"

#include <cmath>

namespace Counterpart::Metrics {

namespace {

/** Rounded to one decimal: what a CSV reader and a chart need, nothing noisier. */
double tenth(double value)
{
    return std::round(value * 10.0) / 10.0;
}

double thousandth(double value)
{
    return std::round(value * 1000.0) / 1000.0;
}

MetricTable summaryTable(const MetricsReport &r)
{
    MetricTable table{QStringLiteral("summary"), QStringLiteral("Summary"),
                      {QStringLiteral("metric"), QStringLiteral("value"), QStringLiteral("unit")}, {}};
    const auto add = [&table](const char *metric, double value, const char *unit) {
        table.rows.append({QString::fromLatin1(metric), value, QString::fromLatin1(unit)});
    };
    add("first_response_count", r.firstResponse.count, "conversations");
    add("first_response_average", tenth(r.firstResponse.averageSecs), "s");
    add("first_response_median", tenth(r.firstResponse.medianSecs), "s");
    add("first_response_within_target", thousandth(r.firstResponseWithinTarget), "share");
    add("longest_wait", double(r.longestWaitSecs), "s");
    add("awaiting_first_reply", r.awaitingFirstReply, "conversations");
    add("reply_time_count", r.replyTime.count, "replies");
    add("reply_time_average", tenth(r.replyTime.averageSecs), "s");
    add("reply_time_median", tenth(r.replyTime.medianSecs), "s");
    add("resolution_average", tenth(r.resolutionTime.averageSecs), "s");
    add("resolution_median", tenth(r.resolutionTime.medianSecs), "s");
    add("opened", r.opened, "conversations");
    add("resolved", r.resolved, "conversations");
    add("reopened", r.reopened, "conversations");
    add("csat_average", thousandth(r.csatAverage), "rating");
    add("csat_responses", r.csatResponses, "ratings");
    add("sla_hit_rate", thousandth(r.slaHitRate), "share");
    add("sla_decided", r.slaDecided, "conversations");
    add("customers", r.customers, "contacts");
    add("repeat_customers", r.repeatCustomers, "contacts");
    add("conversations_per_customer", thousandth(r.contactsPerCustomer), "conversations");
    return table;
}

MetricTable csatTable(const MetricsReport &r)
{
    MetricTable table{QStringLiteral("csat_distribution"), QStringLiteral("CSAT ratings"),
                      {QStringLiteral("rating"), QStringLiteral("responses")}, {}};
    for (int rating = 1; rating <= 5; ++rating)
        table.rows.append({rating, r.csatDistribution[rating - 1]});
    return table;
}

MetricTable lowRatingsTable(const MetricsReport &r)
{
    MetricTable table{QStringLiteral("low_ratings"), QStringLiteral("Low ratings to follow up"),
                      {QStringLiteral("conversation_id"), QStringLiteral("customer"), QStringLiteral("agent"),
                       QStringLiteral("rating"), QStringLiteral("comment"), QStringLiteral("at")}, {}};
    for (const LowRating &low : r.lowRatings)
        table.rows.append({low.conversationId, low.contactName, low.agentName, low.rating, low.comment,
                           low.at.toString(Qt::ISODate)});
    return table;
}

MetricTable trafficTable(const MetricsReport &r)
{
    static const char *const days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    MetricTable table{QStringLiteral("traffic"), QStringLiteral("New conversations by weekday and hour"),
                      {QStringLiteral("weekday")}, {}};
    for (int hour = 0; hour < 24; ++hour)
        table.columns.append(QStringLiteral("h%1").arg(hour, 2, 10, QLatin1Char('0')));
    for (int day = 0; day < 7; ++day) {
        QVariantList row{QString::fromLatin1(days[day])};
        for (int hour = 0; hour < 24; ++hour)
            row.append(r.traffic[day][hour]);
        table.rows.append(row);
    }
    return table;
}

MetricTable channelTable(const MetricsReport &r)
{
    MetricTable table{QStringLiteral("channels"), QStringLiteral("Channel mix"),
                      {QStringLiteral("channel"), QStringLiteral("conversations"), QStringLiteral("share")}, {}};
    int total = 0;
    for (const auto &[channel, count] : r.channelMix)
        total += count;
    for (const auto &[channel, count] : r.channelMix)
        table.rows.append({channel, count, total ? thousandth(double(count) / total) : 0.0});
    return table;
}

MetricTable labelTable(const MetricsReport &r)
{
    MetricTable table{QStringLiteral("labels"), QStringLiteral("Labels"),
                      {QStringLiteral("label"), QStringLiteral("conversations"), QStringLiteral("previous_period"),
                       QStringLiteral("change"), QStringLiteral("spike")}, {}};
    for (const LabelTrend &label : r.labels)
        table.rows.append({label.label, label.count, label.previousCount, label.count - label.previousCount,
                           label.spike() ? 1 : 0});
    return table;
}

MetricTable agentTable(const MetricsReport &r)
{
    MetricTable table{QStringLiteral("agents"), QStringLiteral("Agents"),
                      {QStringLiteral("agent"), QStringLiteral("conversations"), QStringLiteral("resolved"),
                       QStringLiteral("first_response_average_s"), QStringLiteral("resolution_average_s"),
                       QStringLiteral("csat_average"), QStringLiteral("csat_responses"),
                       QStringLiteral("review_score"), QStringLiteral("reviews")}, {}};
    for (const AgentRow &agent : r.agents)
        table.rows.append({agent.name, agent.conversations, agent.resolved, tenth(agent.firstResponseAverageSecs),
                           tenth(agent.resolutionAverageSecs), thousandth(agent.csatAverage), agent.csatResponses,
                           agent.reviews ? QVariant(tenth(agent.reviewScore)) : QVariant(QString()), agent.reviews});
    return table;
}

} // namespace

QList<MetricTable> MetricsReport::tables() const
{
    return {summaryTable(*this), csatTable(*this), lowRatingsTable(*this), trafficTable(*this),
            channelTable(*this), labelTable(*this), agentTable(*this)};
}

} // namespace Counterpart::Metrics
