#include "ConversationFacts.h"

#include "storage/SqlTransaction.h"
#include "storage/SqliteStatement.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

#include <optional>

namespace Counterpart::Metrics {

using Storage::SqliteStatement;

namespace {

// Chatwoot's activity texts in the languages our users run their accounts in, plus our demo's.
const QStringList resolutionMarkers = {QStringLiteral("resolved"), QStringLiteral("已解决"),
                                       QStringLiteral("已解決"), QStringLiteral("επιλύθηκε")};
const QStringList reopenMarkers = {QStringLiteral("reopened"), QStringLiteral("重新打开"),
                                   QStringLiteral("重新開啟"), QStringLiteral("άνοιξε ξανά")};

bool containsAny(const QString &text, const QStringList &markers)
{
    const QString folded = text.toCaseFolded();
    for (const QString &marker : markers) {
        if (folded.contains(marker))
            return true;
    }
    return false;
}

constexpr int kBatchConversations = 2000; // ~20,000 messages, ~0.1 s of write lock

std::optional<qint64> optionalColumn(const SqliteStatement &statement, int column)
{
    return statement.columnIsNull(column) ? std::nullopt : std::optional<qint64>(statement.columnInt64(column));
}

void bindOptional(SqliteStatement &statement, int column, const std::optional<qint64> &value)
{
    if (value)
        statement.bind(column, *value);
    else
        statement.bindNull(column);
}

/** One conversation's columns and what the walk over its messages has found so far. */
struct Walk
{
    qint64 conversationId = 0;
    qint64 createdAt = 0;
    qint64 activityAt = 0;
    QString status;
    std::optional<qint64> assigneeId, teamId, contactId, serverFirstReplyAt;
    qint64 inboxId = 0;
    QString channel;
    qint64 csatRating = 0;

    std::optional<qint64> firstIncomingAt;
    std::optional<qint64> firstReplyAt;
    std::optional<qint64> lastResolutionAt;
    bool resolved = false;
    int reopened = 0;
    std::optional<qint64> turnStartedAt; ///< the customer's first unanswered message

    void reopenIfResolved()
    {
        if (resolved) {
            resolved = false;
            ++reopened;
        }
    }
};

// Columns 0-10: the conversation; 11-14: one message (NULL when it has none). CROSS JOIN keeps the
// batch as the outer loop: left to itself the planner scans every conversation for each batch.
const QString walkSql = QStringLiteral(
    "SELECT c.id, c.created_at, c.last_activity_at, c.status, c.assignee_id, c.team_id, c.inbox_id,"
    " i.channel, c.contact_id, c.csat_rating, c.first_reply_at,"
    " m.kind, m.sender_kind, m.created_at, CASE WHEN m.kind='activity' THEN m.text END"
    " FROM temp.facts_batch d CROSS JOIN conversations c ON c.id=d.id JOIN inboxes i ON i.id=c.inbox_id"
    " LEFT JOIN messages m ON m.conversation_id=c.id ORDER BY c.id, m.id");

const QString insertFactsSql = QStringLiteral(
    "INSERT OR REPLACE INTO conversation_facts(conversation_id, created_at, activity_at, waiting,"
    " assignee_id, team_id, inbox_id, channel, contact_id, csat_rating, asked_at, replied_at,"
    " resolved_at, reopened, frt_secs, resolution_secs, target_secs, slot)"
    " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");

} // namespace

ConversationFacts::ConversationFacts(QSqlDatabase cache, const BusinessHours &hours, const Sla &sla)
    : m_db(std::move(cache))
    , m_hours(hours)
    , m_sla(sla)
{
}

bool ConversationFacts::isResolutionEvent(const QString &activityText)
{
    return containsAny(activityText, resolutionMarkers);
}

bool ConversationFacts::isReopenEvent(const QString &activityText)
{
    return containsAny(activityText, reopenMarkers);
}

bool ConversationFacts::markAllIfConfigChanged(QString *error)
{
    QJsonObject targets;
    for (const QString &key : Sla::channelKeys())
        targets.insert(key, m_sla.targetSecs(key));
    const QString config = QString::fromUtf8(m_hours.toJson()) + QLatin1Char('|')
        + QString::fromUtf8(QJsonDocument(targets).toJson(QJsonDocument::Compact));
    QSqlQuery query(m_db);
    query.exec(QStringLiteral("SELECT value FROM metrics_state WHERE key='config'"));
    if (query.next() && query.value(0).toString() == config)
        return true;
    query.finish();
    if (!query.exec(QStringLiteral("INSERT OR IGNORE INTO facts_dirty(conversation_id) SELECT id FROM conversations"))) {
        *error = query.lastError().text();
        return false;
    }
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO metrics_state(key, value) VALUES('config', ?)"));
    query.addBindValue(config);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    return true;
}

ConversationFacts::RefreshReport ConversationFacts::refresh()
{
    RefreshReport report;
    {
        Storage::SqlTransaction transaction(m_db);
        if (!markAllIfConfigChanged(&report.error) || !transaction.commit())
            return report;
    }
    // Batches of a few thousand conversations, each in its own short transaction: a first build
    // over a million messages takes seconds, and sync must not wait that long for the write lock.
    bool done = false;
    while (!done) {
        if (!refreshBatch(report, &done))
            return report;
    }
    report.ok = true;
    return report;
}

bool ConversationFacts::refreshBatch(RefreshReport &report, bool *done)
{
    Storage::SqlTransaction transaction(m_db);
    QSqlQuery query(m_db);
    const auto exec = [&](const QString &sql) {
        if (query.exec(sql))
            return true;
        report.error = query.lastError().text();
        return false;
    };
    if (!exec(QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS facts_batch(id INTEGER PRIMARY KEY)"))
        || !exec(QStringLiteral("DELETE FROM temp.facts_batch"))
        || !exec(QStringLiteral("INSERT INTO temp.facts_batch SELECT conversation_id FROM facts_dirty"
                                " ORDER BY conversation_id LIMIT %1").arg(kBatchConversations))) {
        return false;
    }
    if (query.numRowsAffected() == 0) {
        *done = true;
        return transaction.commit();
    }
    if (!exec(QStringLiteral("DELETE FROM reply_facts WHERE conversation_id IN (SELECT id FROM temp.facts_batch)")))
        return false;

    sqlite3 *handle = SqliteStatement::handleOf(m_db);
    SqliteStatement walkStatement, insertFacts, insertReply, clearDirty;
    if (!walkStatement.prepare(handle, walkSql) || !insertFacts.prepare(handle, insertFactsSql)
        || !insertReply.prepare(handle, QStringLiteral("INSERT INTO reply_facts(conversation_id, reply_at, reply_secs) VALUES(?,?,?)"))
        || !clearDirty.prepare(handle, QStringLiteral("DELETE FROM facts_dirty WHERE conversation_id IN"
                                                      " (SELECT id FROM temp.facts_batch)"))) {
        report.error = walkStatement.errorString();
        return false;
    }

    const auto finish = [&](const Walk &w) {
        const qint64 asked = w.firstIncomingAt.value_or(w.createdAt);
        std::optional<qint64> replied = w.firstReplyAt;
        if (!replied && !w.firstIncomingAt)
            replied = w.serverFirstReplyAt; // no messages cached: trust the server's column
        std::optional<qint64> resolvedAt;
        if (w.status == QLatin1String("resolved"))
            resolvedAt = w.lastResolutionAt.value_or(w.activityAt);
        int weekday = 0, hour = 0;
        m_hours.weekdayAndHour(w.createdAt, &weekday, &hour);

        insertFacts.bind(0, w.conversationId);
        insertFacts.bind(1, w.createdAt);
        insertFacts.bind(2, w.activityAt);
        insertFacts.bind(3, w.status == QLatin1String("open") || w.status == QLatin1String("pending") ? 1 : 0);
        bindOptional(insertFacts, 4, w.assigneeId);
        bindOptional(insertFacts, 5, w.teamId);
        insertFacts.bind(6, w.inboxId);
        insertFacts.bind(7, w.channel);
        bindOptional(insertFacts, 8, w.contactId);
        insertFacts.bind(9, w.csatRating);
        insertFacts.bind(10, asked);
        bindOptional(insertFacts, 11, replied);
        bindOptional(insertFacts, 12, resolvedAt);
        insertFacts.bind(13, w.reopened);
        bindOptional(insertFacts, 14, replied && *replied >= asked ? std::optional<qint64>(m_hours.seconds(asked, *replied)) : std::nullopt);
        bindOptional(insertFacts, 15, resolvedAt ? std::optional<qint64>(m_hours.seconds(w.createdAt, *resolvedAt)) : std::nullopt);
        insertFacts.bind(16, m_sla.targetSecs(w.channel));
        insertFacts.bind(17, weekday * 24 + hour);
        const bool ok = insertFacts.step();
        if (!ok)
            report.error = insertFacts.errorString();
        insertFacts.reset();
        ++report.conversations;
        return ok;
    };

    Walk walk;
    bool walking = false;
    while (true) {
        if (!walkStatement.step()) {
            report.error = walkStatement.errorString();
            return false;
        }
        if (!walkStatement.rowReady())
            break;
        const qint64 conversationId = walkStatement.columnInt64(0);
        if (!walking || conversationId != walk.conversationId) {
            if (walking && !finish(walk))
                return false;
            walk = Walk();
            walk.conversationId = conversationId;
            walk.createdAt = walkStatement.columnInt64(1);
            walk.activityAt = walkStatement.columnInt64(2);
            walk.status = walkStatement.columnText(3);
            walk.assigneeId = optionalColumn(walkStatement, 4);
            walk.teamId = optionalColumn(walkStatement, 5);
            walk.inboxId = walkStatement.columnInt64(6);
            walk.channel = walkStatement.columnText(7);
            walk.contactId = optionalColumn(walkStatement, 8);
            walk.csatRating = walkStatement.columnInt64(9);
            walk.serverFirstReplyAt = optionalColumn(walkStatement, 10);
            walking = true;
        }
        if (walkStatement.columnIsNull(11))
            continue; // a conversation without cached messages
        ++report.messages;
        const QString kind = walkStatement.columnText(11);
        const qint64 at = walkStatement.columnInt64(13);
        if (kind == QLatin1String("incoming")) {
            walk.reopenIfResolved();
            if (!walk.firstIncomingAt)
                walk.firstIncomingAt = at;
            if (!walk.turnStartedAt)
                walk.turnStartedAt = at;
        } else if (kind == QLatin1String("outgoing") && walkStatement.columnText(12) == QLatin1String("agent")) {
            if (walk.firstIncomingAt && !walk.firstReplyAt)
                walk.firstReplyAt = at;
            if (walk.turnStartedAt) {
                insertReply.bind(0, walk.conversationId);
                insertReply.bind(1, at);
                insertReply.bind(2, m_hours.seconds(*walk.turnStartedAt, at));
                const bool ok = insertReply.step();
                insertReply.reset();
                if (!ok) {
                    report.error = insertReply.errorString();
                    return false;
                }
                walk.turnStartedAt.reset();
            }
        } else if (kind == QLatin1String("activity")) {
            const QString text = walkStatement.columnText(14);
            if (isResolutionEvent(text)) {
                walk.resolved = true;
                walk.lastResolutionAt = at;
                walk.turnStartedAt.reset(); // a resolution closes the turn: nobody owes a reply
            } else if (isReopenEvent(text)) {
                walk.reopenIfResolved();
            }
        }
    }
    if (walking && !finish(walk))
        return false;
    walkStatement.finalize();
    if (!clearDirty.step()) {
        report.error = clearDirty.errorString();
        return false;
    }
    clearDirty.finalize();
    insertFacts.finalize();
    insertReply.finalize();
    if (!transaction.commit()) {
        report.error = m_db.lastError().text();
        return false;
    }
    return true;
}

} // namespace Counterpart::Metrics
