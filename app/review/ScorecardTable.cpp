#include "ScorecardTable.h"

#include <cmath>

namespace Counterpart::Review {

Metrics::MetricTable ScorecardTable::build(const QList<Review::Scorecard> &scorecards, const Review::Rubric &rubric)
{
    Metrics::MetricTable table;
    table.key = QStringLiteral("scorecards");
    table.title = QStringLiteral("Scorecards");
    table.columns = {QStringLiteral("source"), QStringLiteral("conversation_id"), QStringLiteral("agent_id"),
                     QStringLiteral("agent"), QStringLiteral("reviewer"), QStringLiteral("total"),
                     QStringLiteral("replies"), QStringLiteral("latte_ticked"), QStringLiteral("latte_possible"),
                     QStringLiteral("severe_tone_findings")};
    for (const Review::RubricItem &item : rubric.items)
        table.columns.append(QStringLiteral("rubric_") + item.key);
    table.columns << QStringLiteral("comment") << QStringLiteral("conversation_at") << QStringLiteral("reviewed_at")
                  << QStringLiteral("shared_at");

    for (const Review::Scorecard &card : scorecards) {
        int ticked = 0;
        int severe = 0;
        for (const Review::ReplyScore &reply : card.replies) {
            ticked += reply.tickedCount();
            severe += reply.severeToneFindings;
        }
        QVariantList row{card.sourceUid, card.conversationRemoteId, card.agentRemoteId, card.agentName,
                         card.reviewer, std::round(card.total * 10.0) / 10.0, int(card.replies.size()), ticked,
                         int(card.replies.size()) * 5, severe};
        for (const Review::RubricItem &item : rubric.items)
            row.append(Review::rubricAnswerKey(card.rubric.value(item.key, Review::RubricAnswer::NotApplicable)));
        const auto iso = [](const QDateTime &at) { return at.isValid() ? at.toUTC().toString(Qt::ISODate) : QString(); };
        row << card.comment << iso(card.conversationAt) << iso(card.updatedAt.isValid() ? card.updatedAt : card.createdAt)
            << iso(card.sharedAt);
        table.rows.append(row);
    }
    return table;
}

} // namespace Counterpart::Review
