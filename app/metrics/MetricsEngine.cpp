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

void localSlotFunction(sqlite3_context *context, int, sqlite3_value **argv)
{
    const auto *hours = static_cast<const BusinessHours *>(sqlite3_user_data(context));
    int weekday = 0, hour = 0;
    hours->weekdayAndHour(sqlite3_value_int64(argv[0]), &weekday, &hour);
    sqlite3_result_int(context, weekday * 24 + hour);
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
 * The filter turned into SQL: a `scope` CTE with one row per conversation that passes the
 * dimension filters (facts joined in), and range() for the date condition of each metric.
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
            where += QStringLiteral(" AND c.assignee_id IN (") + sqlList(filter.agentIds) + QLatin1Char(')');
        if (!filter.teamIds.isEmpty())
            where += QStringLiteral(" AND c.team_id IN (") + sqlList(filter.teamIds) + QLatin1Char(')');
        if (!filter.inboxIds.isEmpty())
            where += QStringLiteral(" AND c.inbox_id IN (") + sqlList(filter.inboxIds) + QLatin1Char(')');
        if (!filter.channels.isEmpty())
            where += QStringLiteral(" AND i.channel IN (") + sqlList(filter.channels) + QLatin1Char(')');
        if (!filter.labels.isEmpty())
            where += QStringLiteral(" AND c.id IN (SELECT conversation_id FROM conversation_labels WHERE label IN (")
                + sqlList(filter.labels) + QStringLiteral("))");
        // Conversations whose messages were never synced fall back to the server's columns.
        m_scope = QStringLiteral(
            "WITH scope AS (SELECT c.id, c.created_at, c.status, c.assignee_id, c.contact_id,"
            " c.csat_rating, c.csat_comment, c.last_activity_at, i.channel,"
            " coalesce(f.first_incoming_at, c.created_at) AS asked_at,"
            " coalesce(f.first_reply_at, c.first_reply_at) AS replied_at,"
            " coalesce(f.resolved_at, CASE WHEN c.status='resolved' THEN c.last_activity_at END) AS resolved_at,"
            " coalesce(f.reopened, 0) AS reopened"
            " FROM conversations c JOIN inboxes i ON i.id=c.inbox_id"
            " LEFT JOIN conversation_facts f ON f.conversation_id=c.id WHERE 1")
            + where + QStringLiteral(") ");
    }

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
        if (!query.exec(m_scope + sql) && m_error.isEmpty())
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
    QString m_scope;
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
        sqlite3_create_function_v2(handle, "local_slot", 1, SQLITE_UTF8, nullptr, nullptr, nullptr, nullptr, nullptr);
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
                                      businessSecondsFunction, nullptr, nullptr, nullptr) == SQLITE_OK
        && sqlite3_create_function_v2(handle, "local_slot", 1, flags, &m_hours, localSlotFunction,
                                      nullptr, nullptr, nullptr) == SQLITE_OK;
}

QString MetricsEngine::targetExpression() const
{
    QString cases = QStringLiteral("(CASE channel");
    for (const QString &key : Sla::channelKeys())
        cases += QStringLiteral(" WHEN '") + key + QStringLiteral("' THEN ") + QString::number(m_sla.targetSecs(key));
    return cases + QStringLiteral(" ELSE ") + QString::number(Sla::defaultTargetSecs(QString())) + QStringLiteral(" END)");
}

MetricsReport MetricsEngine::compute(const MetricsFilter &filter, const QDateTime &now)
{
    m_error.clear();
    MetricsReport report;
    QElapsedTimer total;
    total.start();
    QElapsedTimer step;
    step.start();
    const ConversationFacts::RefreshReport facts = ConversationFacts(m_db).refresh();
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
        {QStringLiteral("sla"), &MetricsEngine::sla},
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
    const QString frt = QStringLiteral("business_seconds(asked_at, replied_at)");
    const QString target = targetExpression();
    const QString fromWhere = QStringLiteral("FROM scope WHERE replied_at IS NOT NULL AND replied_at >= asked_at")
        + q.range(QStringLiteral("created_at"));
    QSqlQuery query = q.run(QStringLiteral("SELECT count(*), avg(v), max(v), sum(v <= t) FROM (SELECT ") + frt
                            + QStringLiteral(" AS v, ") + target + QStringLiteral(" AS t ") + fromWhere + QLatin1Char(')'));
    if (query.next()) {
        report.firstResponse.count = query.value(0).toInt();
        report.firstResponse.averageSecs = query.value(1).toDouble();
        report.firstResponse.longestSecs = query.value(2).toLongLong();
        if (report.firstResponse.count)
            report.firstResponseWithinTarget = query.value(3).toDouble() / report.firstResponse.count;
    }
    report.firstResponse.medianSecs = q.median(frt, fromWhere, report.firstResponse.count);

    QSqlQuery waiting = q.run(QStringLiteral("SELECT count(*), max(business_seconds(asked_at, ")
                              + QString::number(q.now()) + QStringLiteral(")) FROM scope WHERE replied_at IS NULL"
                              " AND status IN ('open','pending')") + q.range(QStringLiteral("created_at")));
    if (waiting.next()) {
        report.awaitingFirstReply = waiting.value(0).toInt();
        report.longestWaitSecs = std::max(report.firstResponse.longestSecs, waiting.value(1).toLongLong());
    }
}

void MetricsEngine::replyTime(Query &q, MetricsReport &report)
{
    const QString value = QStringLiteral("business_seconds(r.customer_at, r.reply_at)");
    const QString fromWhere = QStringLiteral("FROM reply_facts r JOIN scope s ON s.id=r.conversation_id WHERE 1")
        + q.range(QStringLiteral("r.reply_at"));
    QSqlQuery query = q.run(QStringLiteral("SELECT count(*), avg(v), max(v) FROM (SELECT ") + value
                            + QStringLiteral(" AS v ") + fromWhere + QLatin1Char(')'));
    if (query.next()) {
        report.replyTime.count = query.value(0).toInt();
        report.replyTime.averageSecs = query.value(1).toDouble();
        report.replyTime.longestSecs = query.value(2).toLongLong();
    }
    report.replyTime.medianSecs = q.median(value, fromWhere, report.replyTime.count);
}

void MetricsEngine::resolution(Query &q, MetricsReport &report)
{
    const QString value = QStringLiteral("business_seconds(created_at, resolved_at)");
    const QString fromWhere = QStringLiteral("FROM scope WHERE resolved_at IS NOT NULL") + q.range(QStringLiteral("resolved_at"));
    QSqlQuery query = q.run(QStringLiteral("SELECT count(*), avg(v), max(v) FROM (SELECT ") + value
                            + QStringLiteral(" AS v ") + fromWhere + QLatin1Char(')'));
    if (query.next()) {
        report.resolutionTime.count = query.value(0).toInt();
        report.resolutionTime.averageSecs = query.value(1).toDouble();
        report.resolutionTime.longestSecs = query.value(2).toLongLong();
    }
    report.resolutionTime.medianSecs = q.median(value, fromWhere, report.resolutionTime.count);
    report.resolved = report.resolutionTime.count;

    QSqlQuery opened = q.run(QStringLiteral("SELECT count(*), sum(reopened > 0) FROM scope WHERE 1")
                             + q.range(QStringLiteral("created_at")));
    if (opened.next()) {
        report.opened = opened.value(0).toInt();
        report.reopened = opened.value(1).toInt();
    }
}

void MetricsEngine::csat(Query &q, MetricsReport &report)
{
    const QString rated = QStringLiteral(" FROM scope WHERE csat_rating BETWEEN 1 AND 5")
        + q.range(QStringLiteral("coalesce(resolved_at, last_activity_at)"));
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

    QSqlQuery low = q.run(QStringLiteral(
        "SELECT s.id, coalesce(ct.name, ''), coalesce(a.name, ''), s.csat_rating, s.csat_comment,"
        " coalesce(s.resolved_at, s.last_activity_at) AS at FROM scope s"
        " LEFT JOIN contacts ct ON ct.id=s.contact_id LEFT JOIN agents a ON a.id=s.assignee_id"
        " WHERE s.csat_rating BETWEEN 1 AND 2")
        + q.range(QStringLiteral("coalesce(s.resolved_at, s.last_activity_at)"))
        + QStringLiteral(" ORDER BY at DESC, s.id DESC LIMIT 200"));
    while (low.next()) {
        report.lowRatings.append({low.value(0).toLongLong(), low.value(1).toString(), low.value(2).toString(),
                                  low.value(3).toInt(), low.value(4).toString(),
                                  QDateTime::fromSecsSinceEpoch(low.value(5).toLongLong(), Qt::UTC)});
    }
}

void MetricsEngine::sla(Query &q, MetricsReport &report)
{
    // Decided: answered, or unanswered and already past the target. Still inside the target
    // without an answer is neither a hit nor a miss yet.
    const QString now = QString::number(q.now());
    QSqlQuery query = q.run(QStringLiteral(
        "SELECT sum(decided), sum(hit) FROM (SELECT CASE WHEN replied_at IS NOT NULL THEN 1"
        " WHEN status IN ('open','pending') AND business_seconds(asked_at, ") + now
        + QStringLiteral(") > t THEN 1 ELSE 0 END AS decided, replied_at IS NOT NULL AND"
        " business_seconds(asked_at, replied_at) <= t AS hit FROM (SELECT *, ") + targetExpression()
        + QStringLiteral(" AS t FROM scope WHERE 1") + q.range(QStringLiteral("created_at")) + QStringLiteral("))"));
    if (query.next()) {
        report.slaDecided = query.value(0).toInt();
        report.slaHits = query.value(1).toInt();
        report.slaHitRate = report.slaDecided ? double(report.slaHits) / report.slaDecided : 0;
    }
}

void MetricsEngine::traffic(Query &q, MetricsReport &report)
{
    QSqlQuery query = q.run(QStringLiteral("SELECT local_slot(created_at) AS slot, count(*) FROM scope WHERE 1")
                            + q.range(QStringLiteral("created_at")) + QStringLiteral(" GROUP BY slot"));
    while (query.next()) {
        const int slot = query.value(0).toInt();
        if (slot >= 0 && slot < 7 * 24)
            report.traffic[slot / 24][slot % 24] = query.value(1).toInt();
    }
}

void MetricsEngine::channels(Query &q, MetricsReport &report)
{
    QSqlQuery query = q.run(QStringLiteral("SELECT channel, count(*) AS n FROM scope WHERE 1")
                            + q.range(QStringLiteral("created_at")) + QStringLiteral(" GROUP BY channel ORDER BY n DESC, channel"));
    while (query.next())
        report.channelMix.append({query.value(0).toString(), query.value(1).toInt()});
}

void MetricsEngine::labels(Query &q, MetricsReport &report)
{
    // The trend compares with the period of the same length just before; an open range has none.
    QString previous = QStringLiteral("0");
    const bool bounded = q.from() != std::numeric_limits<qint64>::min() && q.to() != std::numeric_limits<qint64>::max();
    if (bounded) {
        const qint64 length = q.to() - q.from();
        previous = QStringLiteral("sum(s.created_at >= ") + QString::number(q.from() - length)
            + QStringLiteral(" AND s.created_at < ") + QString::number(q.from()) + QLatin1Char(')');
    }
    QString current = QStringLiteral("sum(1") + q.range(QStringLiteral("s.created_at")) + QLatin1Char(')');
    QString scan = QStringLiteral(" FROM conversation_labels l JOIN scope s ON s.id=l.conversation_id");
    if (bounded)
        scan += QStringLiteral(" WHERE s.created_at >= ") + QString::number(q.from() - (q.to() - q.from()))
            + QStringLiteral(" AND s.created_at < ") + QString::number(q.to());
    QSqlQuery query = q.run(QStringLiteral("SELECT label, n, p FROM (SELECT l.label, ") + current
                            + QStringLiteral(" AS n, ") + previous + QStringLiteral(" AS p") + scan
                            + QStringLiteral(" GROUP BY l.label) WHERE n > 0 ORDER BY n DESC, label"));
    while (query.next())
        report.labels.append({query.value(0).toString(), query.value(1).toInt(), query.value(2).toInt()});
}

void MetricsEngine::customers(Query &q, MetricsReport &report)
{
    QSqlQuery query = q.run(QStringLiteral(
        "SELECT count(*), sum(n >= 2), sum(n) FROM (SELECT contact_id, count(*) AS n FROM scope"
        " WHERE contact_id IS NOT NULL") + q.range(QStringLiteral("created_at")) + QStringLiteral(" GROUP BY contact_id)"));
    if (query.next()) {
        report.customers = query.value(0).toInt();
        report.repeatCustomers = query.value(1).toInt();
        report.contactsPerCustomer = report.customers ? query.value(2).toDouble() / report.customers : 0;
    }
}

void MetricsEngine::agents(Query &q, MetricsReport &report)
{
    const QString range = q.range(QStringLiteral("s.created_at"));
    QSqlQuery query = q.run(QStringLiteral(
        "SELECT a.id, src.uid, a.remote_id, a.name, count(*),"
        " sum(s.resolved_at IS NOT NULL),"
        " avg(CASE WHEN s.replied_at >= s.asked_at THEN business_seconds(s.asked_at, s.replied_at) END),"
        " avg(business_seconds(s.created_at, s.resolved_at)),"
        " avg(CASE WHEN s.csat_rating BETWEEN 1 AND 5 THEN s.csat_rating END),"
        " sum(s.csat_rating BETWEEN 1 AND 5)"
        " FROM scope s JOIN agents a ON a.id=s.assignee_id JOIN sources src ON src.id=a.source_id WHERE 1")
        + range + QStringLiteral(" GROUP BY a.id ORDER BY a.name"));
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
