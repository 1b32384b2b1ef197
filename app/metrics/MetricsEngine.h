#pragma once

#include "BusinessHours.h"
#include "MetricsFilter.h"
#include "MetricsReport.h"
#include "Sla.h"

#include <QDateTime>
#include <QHash>
#include <QSqlDatabase>

namespace Counterpart::Metrics {

/**
 * Computes the team lead's dashboard in SQL over cache.sqlite's conversation_facts and reply_facts
 * (see ConversationFacts: durations there are already in business seconds). The SQL function
 * business_seconds(from, to) is registered on the connection for the engine's lifetime, for the
 * waits still running at `now`.
 *
 * Use one engine per connection and thread. Refreshing first brings ConversationFacts up to date
 * (cheap when nothing changed), then runs a few queries per metric and records their time.
 */
class MetricsEngine
{
public:
    MetricsEngine(QSqlDatabase cache, BusinessHours hours, Sla sla);
    ~MetricsEngine();
    MetricsEngine(const MetricsEngine &) = delete;
    MetricsEngine &operator=(const MetricsEngine &) = delete;

    /** Review scores per agent, keyed by agentKey(sourceUid, agentRemoteId): (average, count). */
    void setReviewScores(QHash<QString, QPair<double, int>> scores) { m_reviewScores = std::move(scores); }
    static QString agentKey(const QString &sourceUid, qint64 agentRemoteId);

    /** `now` decides how long unanswered customers have waited so far. */
    MetricsReport compute(const MetricsFilter &filter, const QDateTime &now);
    QString errorString() const { return m_error; }

    const BusinessHours &businessHours() const { return m_hours; }

private:
    class Query;

    void firstResponse(Query &q, MetricsReport &report);
    void replyTime(Query &q, MetricsReport &report);
    void resolution(Query &q, MetricsReport &report);
    void csat(Query &q, MetricsReport &report);
    void traffic(Query &q, MetricsReport &report);
    void channels(Query &q, MetricsReport &report);
    void labels(Query &q, MetricsReport &report);
    void customers(Query &q, MetricsReport &report);
    void agents(Query &q, MetricsReport &report);

    bool registerFunctions();

    QSqlDatabase m_db;
    BusinessHours m_hours;
    Sla m_sla;
    QHash<QString, QPair<double, int>> m_reviewScores;
    QString m_error;
};

} // namespace Counterpart::Metrics
