#include "ConversationFacts.h"

#include "storage/SqlTransaction.h"
#include "storage/SqliteStatement.h"

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

/** What the message walk of one conversation has found so far. */
struct Walk
{
    qint64 conversationId = 0;
    qint64 activityAt = 0;
    qint64 messageCount = 0;
    std::optional<qint64> firstIncomingAt;
    std::optional<qint64> firstReplyAt;
    std::optional<qint64> firstReplyAgentId;
    std::optional<qint64> lastResolutionAt;
    bool resolved = false;
    int reopened = 0;
    int agentReplies = 0;
    std::optional<qint64> turnStartedAt; ///< the customer's first unanswered message

    void reopenIfResolved()
    {
        if (resolved) {
            resolved = false;
            ++reopened;
        }
    }
};

void bindOptional(SqliteStatement &statement, int column, const std::optional<qint64> &value)
{
    if (value)
        statement.bind(column, *value);
    else
        statement.bindNull(column);
}

} // namespace

ConversationFacts::ConversationFacts(QSqlDatabase cache)
    : m_db(std::move(cache))
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

ConversationFacts::RefreshReport ConversationFacts::refresh()
{
    RefreshReport report;
    Storage::SqlTransaction transaction(m_db);
    QSqlQuery query(m_db);
    const auto exec = [&](const QString &sql) {
        if (query.exec(sql))
            return true;
        report.error = query.lastError().text();
        return false;
    };
    if (!exec(QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS stale_facts(id INTEGER PRIMARY KEY)"))
        || !exec(QStringLiteral("DELETE FROM temp.stale_facts"))
        || !exec(QStringLiteral("INSERT INTO temp.stale_facts SELECT c.id FROM conversations c"
                                " LEFT JOIN conversation_facts f ON f.conversation_id=c.id"
                                " WHERE f.conversation_id IS NULL OR f.activity_at<>c.last_activity_at"))
        || !exec(QStringLiteral("DELETE FROM conversation_facts WHERE conversation_id IN"
                                " (SELECT id FROM temp.stale_facts)"))
        || !exec(QStringLiteral("DELETE FROM reply_facts WHERE conversation_id IN"
                                " (SELECT id FROM temp.stale_facts)"))) {
        return report;
    }

    sqlite3 *handle = SqliteStatement::handleOf(m_db);
    SqliteStatement messages, insertFacts, insertReply;
    if (!messages.prepare(handle, QStringLiteral(
            "SELECT s.id, c.last_activity_at, m.kind, m.sender_kind, m.sender_id, m.created_at,"
            " CASE WHEN m.kind='activity' THEN m.text END FROM temp.stale_facts s"
            " JOIN conversations c ON c.id=s.id"
            " LEFT JOIN messages m ON m.conversation_id=s.id ORDER BY s.id, m.id"))
        || !insertFacts.prepare(handle, QStringLiteral(
            "INSERT INTO conversation_facts(conversation_id, activity_at, message_count,"
            " first_incoming_at, first_reply_at, first_reply_agent_id, resolved_at, reopened,"
            " agent_replies) VALUES(?,?,?,?,?,?,?,?,?)"))
        || !insertReply.prepare(handle, QStringLiteral(
            "INSERT INTO reply_facts(conversation_id, customer_at, reply_at, agent_id) VALUES(?,?,?,?)"))) {
        report.error = messages.errorString() + insertFacts.errorString() + insertReply.errorString();
        return report;
    }

    const auto finish = [&](const Walk &walk) {
        insertFacts.bind(0, walk.conversationId);
        insertFacts.bind(1, walk.activityAt);
        insertFacts.bind(2, walk.messageCount);
        bindOptional(insertFacts, 3, walk.firstIncomingAt);
        bindOptional(insertFacts, 4, walk.firstReplyAt);
        bindOptional(insertFacts, 5, walk.firstReplyAgentId);
        bindOptional(insertFacts, 6, walk.resolved ? walk.lastResolutionAt : std::nullopt);
        insertFacts.bind(7, walk.reopened);
        insertFacts.bind(8, walk.agentReplies);
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
        if (!messages.step()) {
            report.error = messages.errorString();
            return report;
        }
        if (!messages.rowReady())
            break;
        const qint64 conversationId = messages.columnInt64(0);
        if (!walking || conversationId != walk.conversationId) {
            if (walking && !finish(walk))
                return report;
            walk = Walk();
            walk.conversationId = conversationId;
            walk.activityAt = messages.columnInt64(1);
            walking = true;
        }
        if (messages.columnIsNull(2))
            continue; // a conversation without messages
        ++walk.messageCount;
        ++report.messages;
        const QString kind = messages.columnText(2);
        const qint64 at = messages.columnInt64(5);
        if (kind == QLatin1String("incoming")) {
            walk.reopenIfResolved();
            if (!walk.firstIncomingAt)
                walk.firstIncomingAt = at;
            if (!walk.turnStartedAt)
                walk.turnStartedAt = at;
        } else if (kind == QLatin1String("outgoing") && messages.columnText(3) == QLatin1String("agent")) {
            ++walk.agentReplies;
            const std::optional<qint64> agent = messages.columnIsNull(4)
                ? std::nullopt : std::optional<qint64>(messages.columnInt64(4));
            if (walk.firstIncomingAt && !walk.firstReplyAt) {
                walk.firstReplyAt = at;
                walk.firstReplyAgentId = agent;
            }
            if (walk.turnStartedAt) {
                insertReply.bind(0, walk.conversationId);
                insertReply.bind(1, *walk.turnStartedAt);
                insertReply.bind(2, at);
                bindOptional(insertReply, 3, agent);
                const bool ok = insertReply.step();
                insertReply.reset();
                if (!ok) {
                    report.error = insertReply.errorString();
                    return report;
                }
                walk.turnStartedAt.reset();
            }
        } else if (kind == QLatin1String("activity")) {
            const QString text = messages.columnText(6);
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
        return report;
    messages.finalize();
    insertFacts.finalize();
    insertReply.finalize();
    report.ok = transaction.commit();
    if (!report.ok)
        report.error = m_db.lastError().text();
    return report;
}

} // namespace Counterpart::Metrics
