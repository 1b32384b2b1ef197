#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <array>

namespace Counterpart::Metrics {

/** Count, mean, median and maximum of a set of durations, in business seconds. */
struct DurationStats
{
    int count = 0;
    double averageSecs = 0;
    double medianSecs = 0;
    qint64 longestSecs = 0;
};

struct LowRating
{
    qint64 conversationId = 0;
    QString contactName;
    QString agentName;
    int rating = 0;
    QString comment;
    QDateTime at;
};

struct LabelTrend
{
    QString label;
    int count = 0;
    int previousCount = 0; ///< in the period of the same length just before
    bool spike() const { return count >= 5 && count >= 2 * std::max(previousCount, 1); }
};

struct AgentRow
{
    qint64 agentId = 0; ///< cache rowid
    QString sourceUid;
    qint64 agentRemoteId = 0;
    QString name;
    int conversations = 0;
    int resolved = 0;
    double firstResponseAverageSecs = 0;
    double resolutionAverageSecs = 0;
    double csatAverage = 0;
    int csatResponses = 0;
    double reviewScore = -1; ///< 0-100 from workspace scorecards; -1: never reviewed
    int reviews = 0;
};

/** One table of the dashboard: what a chart shows, what CSV export writes. */
struct MetricTable
{
    QString key; ///< file-name friendly: "first_response", "agents", ...
    QString title;
    QStringList columns;
    QList<QVariantList> rows;
};

/** Everything the dashboard shows for one filter, with how long each part took. */
struct MetricsReport
{
    DurationStats firstResponse;
    double firstResponseWithinTarget = 0; ///< share of first replies within the channel's target
    int awaitingFirstReply = 0;           ///< open or pending, customer never answered
    qint64 longestWaitSecs = 0;           ///< the longest first wait, answered or still running

    DurationStats replyTime;
    DurationStats resolutionTime;

    int opened = 0;
    int resolved = 0;
    int reopened = 0;

    double csatAverage = 0;
    int csatResponses = 0;
    std::array<int, 5> csatDistribution{}; ///< ratings 1..5
    QList<LowRating> lowRatings;           ///< 1 and 2, newest first

    double slaHitRate = 0;
    int slaDecided = 0; ///< replied, or already past the target without a reply
    int slaHits = 0;

    std::array<std::array<int, 24>, 7> traffic{}; ///< new conversations, [weekday Mon=0][hour]
    QList<QPair<QString, int>> channelMix;       ///< channel key, conversations; largest first
    QList<LabelTrend> labels;                    ///< most used first

    int customers = 0;        ///< distinct contacts who opened a conversation
    int repeatCustomers = 0;  ///< of those, with two or more
    double contactsPerCustomer = 0;

    QList<AgentRow> agents;

    QList<QPair<QString, double>> timingsMs; ///< metric key, milliseconds
    double refreshMs = 0;

    /** Every metric as a table (the data behind each chart), in a stable order. */
    QList<MetricTable> tables() const;
};

} // namespace Counterpart::Metrics
