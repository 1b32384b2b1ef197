#include "MetricsEngine.h"

#include "ConversationFacts.h"
#include "storage/SqliteStatement.h"

#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

#include <limits>

namespace Counterpart::Metrics {

namespace {

void businessSecondsFunction(sqlite3_context *context, int, sqlite3_value **argv)
{
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL || sqlite3_value_type(argv[1]) == SQLITE_NULL) {
        sqlite3_result_null(context);
        return;
    }
    const auto *hours = static_cast<const BusinessHours *>(sqlite3_user_data(context));
    sqlite3_result_int64(context, hours->seconds(sqlite3_value_int64(argv[0]), sqlite3_value_int64(argv[1])));
}

QString sqlList(const QList<qint64> &ids)
{
    QStringList parts;
    for (const qint64 id : ids)
        parts.append(QString::number(id));
    return parts.join(QLatin1Char(','));
}

QString sqlList(const QStringList &texts)
{
    QStringList parts;
    for (const QString &text : texts)
        parts.append(QLatin1Char('\'') + QString(text).replace(QLatin1Char('\''), QLatin1String("''")) + QLatin1Char('\''));
    return parts.join(QLatin1Char(','));
}

} // namespace

/**
 * The filter turned into SQL over conversation_facts f: dimensions() for the agent, team, inbox,
 * channel and label filters, range() for the date condition of each metric.
 */
class MetricsEngine::Query
{
public:
    Query(QSqlDatabase db, const MetricsFilter &filter, const QDateTime &now)
        : m_db(std::move(db))
        , m_now(now.toSecsSinceEpoch())
    {
        m_from = filter.from.isValid() ? filter.from.toSecsSinceEpoch() : std::numeric_limits<qint64>::min();
        m_to = filter.to.isValid() ? filter.to.toSecsSinceEpoch() : std::numeric_limits<qint64>::max();
        QString where;
        if (!filter.agentIds.isEmpty())
            where += QStringLiteral(" AND f.assignee_id IN (") + sqlList(filter.agentIds) + QLatin1Char(')');
        if (!filter.teamIds.isEmpty())
            where += QStringLiteral(" AND f.team_id IN (") + sqlList(filter.teamIds) + QLatin1Char(')');
        if (!filter.inboxIds.isEmpty())
            where += QStringLiteral(" AND f.inbox_id IN (") + sqlList(filter.inboxIds) + QLatin1Char(')');
        if (!filter.channels.isEmpty())
            where += QStringLiteral(" AND f.channel IN (") + sqlList(filter.channels) + QLatin1Char(')');
        if (!filter.labels.isEmpty())
            where += QStringLiteral(" AND f.conversation_id IN (SELECT conversation_id FROM conversation_labels WHERE label IN (")
                + sqlList(filter.labels) + QStringLiteral("))");
        m_dimensions = where;
    }

    /** " AND ..." on conversation_facts f for the agent, team, inbox, channel and label filters. */
    const QString &dimensions() const { return m_dimensions; }
    bool hasDimensions() const { return !m_dimensions.isEmpty(); }
    qint64 from() const { return m_from; }
    qint64 to() const { return m_to; }
    qint64 now() const { return m_now; }

    /** " AND <column> in the filter's date range", for any epoch-seconds expression. */
    QString range(const QString &column) const
    {
        QString sql;
        if (m_from != std::numeric_limits<qint64>::min())
            sql += QStringLiteral(" AND ") + column + QStringLiteral(" >= ") + QString::number(m_from);
        if (m_to != std::numeric_limits<qint64>::max())
            sql += QStringLiteral(" AND ") + column + QStringLiteral(" < ") + QString::number(m_to);
        return sql;
    }

    QSqlQuery run(const QString &sql)
    {
        QSqlQuery query(m_db);
        query.setForwardOnly(true);
        if (!query.exec(sql) && m_error.isEmpty())
            m_error = query.lastError().text() + QStringLiteral(" in: ") + sql.left(120);
        return query;
    }

    /** The median of `value` over the rows of `fromWhere` (both halves averaged for even counts). */
    double median(const QString &value, const QString &fromWhere, int count)
    {
        if (count <= 0)
            return 0;
        QSqlQuery query = run(QStringLiteral("SELECT v FROM (SELECT ") + value + QStringLiteral(" AS v ")
                              + fromWhere + QStringLiteral(") ORDER BY v LIMIT ")
                              + QString::number(count % 2 ? 1 : 2) + QStringLiteral(" OFFSET ")
                              + QString::number((count - 1) / 2));
        double sum = 0;
        int n = 0;
        while (query.next()) {
            sum += query.value(0).toDouble();
            ++n;
        }
        return n ? sum / n : 0;
    }

    QString error() const { return m_error; }

private:
    QSqlDatabase m_db;
    QString m_dimensions;
    QString m_error;
    qint64 m_from = 0;
    qint64 m_to = 0;
    qint64 m_now = 0;
};

MetricsEngine::MetricsEngine(QSqlDatabase cache, BusinessHours hours, Sla sla)
    : m_db(std::move(cache))
    , m_hours(std::move(hours))
    , m_sla(std::move(sla))
{
    registerFunctions();
}

MetricsEngine::~MetricsEngine()
{
    // The functions point at m_hours: take them off the connection, which outlives us.
    if (sqlite3 *handle = Storage::SqliteStatement::handleOf(m_db)) {
        sqlite3_create_function_v2(handle, "business_seconds", 2, SQLITE_UTF8, nullptr, nullptr, nullptr, nullptr, nullptr);
    }
}

QString MetricsEngine::agentKey(const QString &sourceUid, qint64 agentRemoteId)
{
    return sourceUid + QLatin1Char('/') + QString::number(agentRemoteId);
}

bool MetricsEngine::registerFunctions()
{
    sqlite3 *handle = Storage::SqliteStatement::handleOf(m_db);
    if (!handle) {
        m_error = QStringLiteral("The cache is not an SQLite connection.");
        return false;
    }
    const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC;
    return sqlite3_create_function_v2(handle, "business_seconds", 2, flags, &m_hours,
                                      businessSecondsFunction, nullptr, nullptr, nullptr) == SQLITE_OK;
}

MetricsReport MetricsEngine::compute(const MetricsFilter &filter, const QDateTime &now)
{
    m_error.clear();
    MetricsReport report;
    QElapsedTimer total;
    total.start();
    QElapsedTimer step;
    step.start();
    const ConversationFacts::RefreshReport facts = ConversationFacts(m_db, m_hours, m_sla).refresh();
    if (!facts.ok) {
        m_error = QStringLiteral("Could not update the metrics facts: ") + facts.error;
        return report;
    }
    report.timingsMs.append({QStringLiteral("facts"), step.nsecsElapsed() / 1e6});

    Query q(m_db, filter, now);
    using Part = void (MetricsEngine::*)(Query &, MetricsReport &);
    const QList<QPair<QString, Part>> parts = {
        {QStringLiteral("first_response"), &MetricsEngine::firstResponse},
        {QStringLiteral("reply_time"), &MetricsEngine::replyTime},
        {QStringLiteral("resolution"), &MetricsEngine::resolution},
        {QStringLiteral("csat"), &MetricsEngine::csat},
        {QStringLiteral("traffic"), &MetricsEngine::traffic},
        {QStringLiteral("channels"), &MetricsEngine::channels},
        {QStringLiteral("labels"), &MetricsEngine::labels},
        {QStringLiteral("customers"), &MetricsEngine::customers},
        {QStringLiteral("agents"), &MetricsEngine::agents},
    };
    for (const auto &[key, part] : parts) {
        step.restart();
        (this->*part)(q, report);
        report.timingsMs.append({key, step.nsecsElapsed() / 1e6});
    }
    m_error = q.error();
    report.refreshMs = total.nsecsElapsed() / 1e6;
    return report;
}

void MetricsEngine::firstResponse(Query &q, MetricsReport &report)
{
    // One pass over the conversations opened in the range: first replies, their targets, the
    // customers still waiting, and the SLA verdicts. Decided: answered, or unanswered and
    // already past the target; still inside the target without an answer is neither yet.
    const QString now = QString::number(q.now());
    const QString opened = QStringLiteral(" FROM conversation_facts f WHERE 1") + q.dimensions()
        + q.range(QStringLiteral("f.created_at"));
    QSqlQuery query = q.run(QStringLiteral(
        "SELECT count(*), sum(reopened > 0), count(frt_secs), avg(frt_secs), max(frt_secs),"
        " sum(frt_secs <= target_secs), sum(waiting AND replied_at IS NULL),"
        " max(CASE WHEN waiting AND replied_at IS NULL THEN business_seconds(asked_at, ") + now + QStringLiteral(") END),"
        " sum(CASE WHEN frt_secs IS NOT NULL THEN 1 WHEN waiting AND replied_at IS NULL AND business_seconds(asked_at, ")
        + now + QStringLiteral(") > target_secs THEN 1 ELSE 0 END)") + opened);
    if (query.next()) {
        report.opened = query.value(0).toInt();
        report.reopened = query.value(1).toInt();
        report.firstResponse.count = query.value(2).toInt();
        report.firstResponse.averageSecs = query.value(3).toDouble();
        report.firstResponse.longestSecs = query.value(4).toLongLong();
        report.slaHits = query.value(5).toInt();
        report.firstResponseWithinTarget = report.firstResponse.count ? double(report.slaHits) / report.firstResponse.count : 0;
        report.awaitingFirstReply = query.value(6).toInt();
        report.longestWaitSecs = std::max(report.firstResponse.longestSecs, query.value(7).toLongLong());
        report.slaDecided = query.value(8).toInt();
        report.slaHitRate = report.slaDecided ? double(report.slaHits) / report.slaDecided : 0;
    }
    report.firstResponse.medianSecs = q.median(QStringLiteral("frt_secs"), opened + QStringLiteral(" AND frt_secs IS NOT NULL"),
                                               report.firstResponse.count);
}

void MetricsEngine::replyTime(Query &q, MetricsReport &report)
{
    // The join to the conversation is only needed to apply the dimension filters.
    QString fromWhere = QStringLiteral(" FROM reply_facts r");
    if (q.hasDimensions())
        fromWhere += QStringLiteral(" JOIN conversation_facts f ON f.conversation_id=r.conversation_id");
    fromWhere += QStringLiteral(" WHERE 1") + q.dimensions() + q.range(QStringLiteral("r.reply_at"));
    QSqlQuery query = q.run(QStringLiteral("SELECT count(*), avg(r.reply_secs), max(r.reply_secs)") + fromWhere);
    if (query.next()) {
        report.replyTime.count = query.value(0).toInt();
        report.replyTime.averageSecs = query.value(1).toDouble();
        report.replyTime.longestSecs = query.value(2).toLongLong();
    }
    report.replyTime.medianSecs = q.median(QStringLiteral("r.reply_secs"), fromWhere, report.replyTime.count);
}

void MetricsEngine::resolution(Query &q, MetricsReport &report)
{
    const QString fromWhere = QStringLiteral(" FROM conversation_facts f WHERE resolution_secs IS NOT NULL")
        + q.dimensions() + q.range(QStringLiteral("f.resolved_at"));
    QSqlQuery query = q.run(QStringLiteral("SELECT count(*), avg(resolution_secs), max(resolution_secs)") + fromWhere);
    if (query.next()) {
        report.resolutionTime.count = query.value(0).toInt();
        report.resolutionTime.averageSecs = query.value(1).toDouble();
        report.resolutionTime.longestSecs = query.value(2).toLongLong();
    }
    report.resolutionTime.medianSecs = q.median(QStringLiteral("resolution_secs"), fromWhere, report.resolutionTime.count);
    report.resolved = report.resolutionTime.count;
}

void MetricsEngine::csat(Query &q, MetricsReport &report)
{
    // A rating belongs to the period in which the conversation was resolved (or last active).
    const QString rated = QStringLiteral(" FROM conversation_facts f WHERE f.csat_rating BETWEEN 1 AND 5")
        + q.dimensions() + q.range(QStringLiteral("coalesce(f.resolved_at, f.activity_at)"));
    QSqlQuery distribution = q.run(QStringLiteral("SELECT csat_rating, count(*)") + rated + QStringLiteral(" GROUP BY csat_rating"));
    qint64 sum = 0;
    while (distribution.next()) {
        const int rating = distribution.value(0).toInt();
        const int count = distribution.value(1).toInt();
        report.csatDistribution[rating - 1] = count;
        report.csatResponses += count;
        sum += qint64(rating) * count;
    }
    report.csatAverage = report.csatResponses ? double(sum) / report.csatResponses : 0;

    // The 200 newest low ratings are picked from the narrow facts first; only they are joined
    // with the wide conversation rows for their comments.
    QSqlQuery low = q.run(QStringLiteral(
        "SELECT s.conversation_id, coalesce(ct.name, ''), coalesce(a.name, ''), s.csat_rating, c.csat_comment, s.at"
        " FROM (SELECT f.conversation_id, f.contact_id, f.assignee_id, f.csat_rating,"
        " coalesce(f.resolved_at, f.activity_at) AS at FROM conversation_facts f WHERE f.csat_rating BETWEEN 1 AND 2")
        + q.dimensions() + q.range(QStringLiteral("coalesce(f.resolved_at, f.activity_at)"))
        + QStringLiteral(" ORDER BY at DESC, f.conversation_id DESC LIMIT 200) s"
                         " JOIN conversations c ON c.id=s.conversation_id LEFT JOIN contacts ct ON ct.id=s.contact_id"
                         " LEFT JOIN agents a ON a.id=s.assignee_id ORDER BY s.at DESC, s.conversation_id DESC"));
    while (low.next()) {
        report.lowRatings.append({low.value(0).toLongLong(), low.value(1).toString(), low.value(2).toString(),
                                  low.value(3).toInt(), low.value(4).toString(),
                                  QDateTime::fromSecsSinceEpoch(low.value(5).toLongLong(), Qt::UTC)});
    }
}

void MetricsEngine::traffic(Query &q, MetricsReport &report)
{
    QSqlQuery query = q.run(QStringLiteral("SELECT slot, count(*) FROM conversation_facts f WHERE 1") + q.dimensions()
                            + q.range(QStringLiteral("f.created_at")) + QStringLiteral(" GROUP BY slot"));
    while (query.next()) {
        const int slot = query.value(0).toInt();
        if (slot >= 0 && slot < 7 * 24)
            report.traffic[slot / 24][slot % 24] = query.value(1).toInt();
    }
}

void MetricsEngine::channels(Query &q, MetricsReport &report)
{
    QSqlQuery query = q.run(QStringLiteral("SELECT channel, count(*) AS n FROM conversation_facts f WHERE 1") + q.dimensions()
                            + q.range(QStringLiteral("f.created_at")) + QStringLiteral(" GROUP BY channel ORDER BY n DESC, channel"));
    while (query.next())
        report.channelMix.append({query.value(0).toString(), query.value(1).toInt()});
}

void MetricsEngine::labels(Query &q, MetricsReport &report)
{
    const bool unbounded = q.from() == std::numeric_limits<qint64>::min() && q.to() == std::numeric_limits<qint64>::max();
    QString sql;
    if (unbounded && !q.hasDimensions()) {
        // All time, no filter: the label index alone answers, without visiting a conversation.
        sql = QStringLiteral("SELECT label, count(*) AS n, 0 FROM conversation_labels GROUP BY label ORDER BY n DESC, label");
    } else {
        // The trend compares with the period of the same length just before; an open range has none.
        const bool bounded = q.from() != std::numeric_limits<qint64>::min() && q.to() != std::numeric_limits<qint64>::max();
        QString previous = QStringLiteral("0");
        QString window = q.range(QStringLiteral("f.created_at"));
        if (bounded) {
            const QString before = QString::number(q.from() - (q.to() - q.from()));
            previous = QStringLiteral("sum(f.created_at < ") + QString::number(q.from()) + QLatin1Char(')');
            window = QStringLiteral(" AND f.created_at >= ") + before + QStringLiteral(" AND f.created_at < ") + QString::number(q.to());
        }
        const QString current = QStringLiteral("sum(1") + q.range(QStringLiteral("f.created_at")) + QLatin1Char(')');
        sql = QStringLiteral("SELECT label, n, p FROM (SELECT l.label, ") + current + QStringLiteral(" AS n, ") + previous
            + QStringLiteral(" AS p FROM conversation_facts f JOIN conversation_labels l ON l.conversation_id=f.conversation_id"
                             " WHERE 1") + q.dimensions() + window + QStringLiteral(" GROUP BY l.label) WHERE n > 0 ORDER BY n DESC, label");
    }
    QSqlQuery query = q.run(sql);
    while (query.next())
        report.labels.append({query.value(0).toString(), query.value(1).toInt(), query.value(2).toInt()});
}

void MetricsEngine::customers(Query &q, MetricsReport &report)
{
    QSqlQuery query = q.run(QStringLiteral(
        "SELECT count(*), sum(n >= 2), sum(n) FROM (SELECT count(*) AS n FROM conversation_facts f"
        " WHERE contact_id IS NOT NULL") + q.dimensions() + q.range(QStringLiteral("f.created_at"))
        + QStringLiteral(" GROUP BY contact_id)"));
    if (query.next()) {
        report.customers = query.value(0).toInt();
        report.repeatCustomers = query.value(1).toInt();
        report.contactsPerCustomer = report.customers ? query.value(2).toDouble() / report.customers : 0;
    }
}

void MetricsEngine::agents(Query &q, MetricsReport &report)
{
    QSqlQuery query = q.run(QStringLiteral(
        "SELECT a.id, src.uid, a.remote_id, a.name, g.n, g.resolved, g.frt, g.resolution, g.csat, g.rated FROM"
        " (SELECT assignee_id, count(*) AS n, count(resolved_at) AS resolved, avg(frt_secs) AS frt,"
        " avg(resolution_secs) AS resolution,"
        " avg(CASE WHEN csat_rating BETWEEN 1 AND 5 THEN csat_rating END) AS csat,"
        " sum(csat_rating BETWEEN 1 AND 5) AS rated FROM conversation_facts f WHERE assignee_id IS NOT NULL")
        + q.dimensions() + q.range(QStringLiteral("f.created_at"))
        + QStringLiteral(" GROUP BY assignee_id) g JOIN agents a ON a.id=g.assignee_id"
                         " JOIN sources src ON src.id=a.source_id ORDER BY a.name"));
    while (query.next()) {
        AgentRow row;
        row.agentId = query.value(0).toLongLong();
        row.sourceUid = query.value(1).toString();
        row.agentRemoteId = query.value(2).toLongLong();
        row.name = query.value(3).toString();
        row.conversations = query.value(4).toInt();
        row.resolved = query.value(5).toInt();
        row.firstResponseAverageSecs = query.value(6).toDouble();
        row.resolutionAverageSecs = query.value(7).toDouble();
        row.csatAverage = query.value(8).toDouble();
        row.csatResponses = query.value(9).toInt();
        const auto review = m_reviewScores.constFind(agentKey(row.sourceUid, row.agentRemoteId));
        if (review != m_reviewScores.cend()) {
            row.reviewScore = review->first;
            row.reviews = review->second;
        }
        report.agents.append(row);
    }
}

} // namespace Counterpart::Metrics
