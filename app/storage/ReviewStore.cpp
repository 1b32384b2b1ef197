#include "ReviewStore.h"

#include "WorkspaceStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

#include <map>

namespace Counterpart::Storage {

using Review::Annotation;
using Review::ReplyScore;
using Review::Scorecard;

namespace {

QString repliesToJson(const QList<ReplyScore> &replies)
{
    QJsonArray list;
    for (const ReplyScore &reply : replies) {
        QJsonArray detected, overridden;
        for (int i = 0; i < 5; ++i) {
            detected.append(reply.detected[i]);
            overridden.append(reply.overridden[i] ? QJsonValue(*reply.overridden[i]) : QJsonValue());
        }
        list.append(QJsonObject{{QStringLiteral("message"), reply.messageRemoteId},
                                {QStringLiteral("detected"), detected},
                                {QStringLiteral("override"), overridden},
                                {QStringLiteral("tone"), QJsonArray::fromStringList(reply.toneRules)},
                                {QStringLiteral("severe"), reply.severeToneFindings}});
    }
    return QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Compact));
}

QList<ReplyScore> repliesFromJson(const QString &json)
{
    QList<ReplyScore> replies;
    for (const QJsonValue &value : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const QJsonObject object = value.toObject();
        ReplyScore reply;
        reply.messageRemoteId = object.value(QStringLiteral("message")).toInteger();
        const QJsonArray detected = object.value(QStringLiteral("detected")).toArray();
        const QJsonArray overridden = object.value(QStringLiteral("override")).toArray();
        for (int i = 0; i < 5; ++i) {
            reply.detected[i] = detected.at(i).toBool();
            if (overridden.at(i).isBool())
                reply.overridden[i] = overridden.at(i).toBool();
        }
        for (const QJsonValue &rule : object.value(QStringLiteral("tone")).toArray())
            reply.toneRules.append(rule.toString());
        reply.severeToneFindings = object.value(QStringLiteral("severe")).toInt();
        replies.append(reply);
    }
    return replies;
}

QString rubricToJson(const QHash<QString, Review::RubricAnswer> &rubric)
{
    QJsonObject object;
    for (auto it = rubric.cbegin(); it != rubric.cend(); ++it)
        object.insert(it.key(), Review::rubricAnswerKey(it.value()));
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QHash<QString, Review::RubricAnswer> rubricFromJson(const QString &json)
{
    QHash<QString, Review::RubricAnswer> rubric;
    const QJsonObject object = QJsonDocument::fromJson(json.toUtf8()).object();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        rubric.insert(it.key(), Review::rubricAnswerFromKey(it.value().toString()));
    return rubric;
}

QDateTime fromSecs(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QVariant toSecs(const QDateTime &value)
{
    return value.isValid() ? QVariant(value.toSecsSinceEpoch()) : QVariant(QMetaType(QMetaType::LongLong));
}

const QString scorecardColumns = QStringLiteral(
    "id, source_uid, conversation_remote_id, agent_remote_id, agent_name, reviewer, total, replies,"
    " rubric, comment, conversation_at, created_at, updated_at, shared_at");

Scorecard scorecardFrom(const QSqlQuery &query)
{
    Scorecard card;
    card.id = query.value(0).toLongLong();
    card.sourceUid = query.value(1).toString();
    card.conversationRemoteId = query.value(2).toLongLong();
    card.agentRemoteId = query.value(3).toLongLong();
    card.agentName = query.value(4).toString();
    card.reviewer = query.value(5).toString();
    card.total = query.value(6).toDouble();
    card.replies = repliesFromJson(query.value(7).toString());
    card.rubric = rubricFromJson(query.value(8).toString());
    card.comment = query.value(9).toString();
    card.conversationAt = fromSecs(query.value(10));
    card.createdAt = fromSecs(query.value(11));
    card.updatedAt = fromSecs(query.value(12));
    card.sharedAt = fromSecs(query.value(13));
    return card;
}

/** QtSql binds a null QString as NULL; the text columns are NOT NULL with '' for "none". */
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QDate mondayOf(const QDate &date)
{
    return date.addDays(1 - date.dayOfWeek());
}

} // namespace

ReviewStore::ReviewStore(WorkspaceStore *workspace, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
{
}

QString ReviewStore::conversationKey(const QString &sourceUid, qint64 conversationRemoteId)
{
    return sourceUid + QLatin1Char('/') + QString::number(conversationRemoteId);
}

qint64 ReviewStore::saveScorecard(const Scorecard &scorecard)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QSqlQuery query(m_workspace->connection());
    query.prepare(QStringLiteral(
        "INSERT INTO scorecards(source_uid, conversation_remote_id, agent_remote_id, agent_name,"
        " reviewer, total, replies, rubric, comment, conversation_at, created_at, updated_at,"
        " shared_at) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(source_uid, conversation_remote_id)"
        " DO UPDATE SET agent_remote_id=excluded.agent_remote_id, agent_name=excluded.agent_name,"
        " reviewer=excluded.reviewer, total=excluded.total, replies=excluded.replies,"
        " rubric=excluded.rubric, comment=excluded.comment, conversation_at=excluded.conversation_at,"
        " updated_at=excluded.updated_at, shared_at=excluded.shared_at RETURNING id"));
    query.addBindValue(scorecard.sourceUid);
    query.addBindValue(scorecard.conversationRemoteId);
    query.addBindValue(scorecard.agentRemoteId);
    query.addBindValue(text(scorecard.agentName));
    query.addBindValue(text(scorecard.reviewer));
    query.addBindValue(scorecard.total);
    query.addBindValue(repliesToJson(scorecard.replies));
    query.addBindValue(rubricToJson(scorecard.rubric));
    query.addBindValue(text(scorecard.comment));
    query.addBindValue(scorecard.conversationAt.isValid() ? scorecard.conversationAt.toSecsSinceEpoch() : 0);
    query.addBindValue(scorecard.createdAt.isValid() ? scorecard.createdAt.toSecsSinceEpoch() : now);
    query.addBindValue(now);
    query.addBindValue(toSecs(scorecard.sharedAt));
    if (!query.exec() || !query.next()) {
        m_error = query.lastError().isValid() ? query.lastError().text() : QStringLiteral("no row returned");
        return 0;
    }
    const qint64 id = query.value(0).toLongLong();
    query.finish();
    emit changed();
    return id;
}

std::optional<Scorecard> ReviewStore::scorecard(const QString &sourceUid, qint64 conversationRemoteId) const
{
    QSqlQuery query(m_workspace->connection());
    query.prepare(QStringLiteral("SELECT ") + scorecardColumns
                  + QStringLiteral(" FROM scorecards WHERE source_uid=? AND conversation_remote_id=?"));
    query.addBindValue(sourceUid);
    query.addBindValue(conversationRemoteId);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return scorecardFrom(query);
}

QList<Scorecard> ReviewStore::scorecards(const QString &sourceUid, qint64 agentRemoteId, const QDateTime &from,
                                         const QDateTime &to) const
{
    QString sql = QStringLiteral("SELECT ") + scorecardColumns + QStringLiteral(" FROM scorecards WHERE 1");
    QVariantList values;
    if (!sourceUid.isEmpty()) {
        sql += QStringLiteral(" AND source_uid=?");
        values.append(sourceUid);
    }
    if (agentRemoteId) {
        sql += QStringLiteral(" AND agent_remote_id=?");
        values.append(agentRemoteId);
    }
    if (from.isValid()) {
        sql += QStringLiteral(" AND conversation_at>=?");
        values.append(from.toSecsSinceEpoch());
    }
    if (to.isValid()) {
        sql += QStringLiteral(" AND conversation_at<?");
        values.append(to.toSecsSinceEpoch());
    }
    sql += QStringLiteral(" ORDER BY conversation_at DESC, id DESC");
    QSqlQuery query(m_workspace->connection());
    query.prepare(sql);
    for (const QVariant &value : std::as_const(values))
        query.addBindValue(value);
    QList<Scorecard> result;
    if (!query.exec()) {
        m_error = query.lastError().text();
        return result;
    }
    while (query.next())
        result.append(scorecardFrom(query));
    return result;
}

bool ReviewStore::markShared(qint64 scorecardId, const QDateTime &at)
{
    QSqlQuery query(m_workspace->connection());
    query.prepare(QStringLiteral("UPDATE scorecards SET shared_at=? WHERE id=?"));
    query.addBindValue(at.toSecsSinceEpoch());
    query.addBindValue(scorecardId);
    if (!query.exec() || query.numRowsAffected() != 1) {
        m_error = query.lastError().text();
        return false;
    }
    emit changed();
    return true;
}

bool ReviewStore::deleteScorecard(qint64 scorecardId)
{
    QSqlQuery query(m_workspace->connection());
    query.prepare(QStringLiteral("DELETE FROM scorecards WHERE id=?"));
    query.addBindValue(scorecardId);
    if (!query.exec()) {
        m_error = query.lastError().text();
        return false;
    }
    emit changed();
    return true;
}

QSet<QString> ReviewStore::reviewedConversations() const
{
    QSet<QString> keys;
    QSqlQuery query(m_workspace->connection());
    query.exec(QStringLiteral("SELECT source_uid, conversation_remote_id FROM scorecards"));
    while (query.next())
        keys.insert(conversationKey(query.value(0).toString(), query.value(1).toLongLong()));
    return keys;
}

QList<ReviewStore::AgentSummary> ReviewStore::agentSummaries(const QDateTime &now, int weeks) const
{
    // Weekly buckets are made here rather than in SQL: SQLite has no ISO-week start for a
    // timestamp, and a lead has hundreds of scorecards, not millions.
    const QDate firstWeek = mondayOf(now.toUTC().date()).addDays(-7 * (weeks - 1));
    std::map<std::pair<QString, qint64>, AgentSummary> byAgent;
    std::map<std::pair<QString, qint64>, std::map<QDate, std::pair<double, int>>> weekly;
    QSqlQuery query(m_workspace->connection());
    query.exec(QStringLiteral("SELECT source_uid, agent_remote_id, agent_name, total, conversation_at"
                              " FROM scorecards ORDER BY conversation_at"));
    while (query.next()) {
        const std::pair<QString, qint64> key{query.value(0).toString(), query.value(1).toLongLong()};
        AgentSummary &summary = byAgent[key];
        summary.sourceUid = key.first;
        summary.agentRemoteId = key.second;
        summary.agentName = query.value(2).toString();
        const double total = query.value(3).toDouble();
        summary.average += total;
        ++summary.reviews;
        const QDate week = mondayOf(QDateTime::fromSecsSinceEpoch(query.value(4).toLongLong(), Qt::UTC).date());
        if (week >= firstWeek) {
            auto &bucket = weekly[key][week];
            bucket.first += total;
            ++bucket.second;
        }
    }
    QList<AgentSummary> result;
    for (auto &[key, summary] : byAgent) {
        summary.average /= summary.reviews;
        for (const auto &[week, bucket] : weekly[key])
            summary.weeks.append({week, bucket.first / bucket.second, bucket.second});
        result.append(summary);
    }
    std::sort(result.begin(), result.end(), [](const AgentSummary &a, const AgentSummary &b) {
        return a.agentName.localeAwareCompare(b.agentName) < 0;
    });
    return result;
}

QHash<QString, QPair<double, int>> ReviewStore::scoresByAgent(const QDateTime &from, const QDateTime &to) const
{
    QHash<QString, QPair<double, int>> scores;
    for (const Scorecard &card : scorecards(QString(), 0, from, to)) {
        auto &entry = scores[card.sourceUid + QLatin1Char('/') + QString::number(card.agentRemoteId)];
        entry.first = (entry.first * entry.second + card.total) / (entry.second + 1);
        ++entry.second;
    }
    return scores;
}

qint64 ReviewStore::addAnnotation(const Annotation &annotation)
{
    QSqlQuery query(m_workspace->connection());
    query.prepare(QStringLiteral(
        "INSERT INTO annotations(source_uid, conversation_remote_id, message_remote_id, kind, text,"
        " created_at) VALUES(?,?,?,?,?,?)"));
    query.addBindValue(annotation.sourceUid);
    query.addBindValue(annotation.conversationRemoteId);
    query.addBindValue(annotation.messageRemoteId);
    query.addBindValue(Annotation::kindKey(annotation.kind));
    query.addBindValue(text(annotation.text));
    query.addBindValue(annotation.createdAt.isValid() ? annotation.createdAt.toSecsSinceEpoch()
                                                      : QDateTime::currentSecsSinceEpoch());
    if (!query.exec()) {
        m_error = query.lastError().text();
        return 0;
    }
    emit changed();
    return query.lastInsertId().toLongLong();
}

bool ReviewStore::updateAnnotation(qint64 id, Annotation::Kind kind, const QString &text)
{
    QSqlQuery query(m_workspace->connection());
    query.prepare(QStringLiteral("UPDATE annotations SET kind=?, text=? WHERE id=?"));
    query.addBindValue(Annotation::kindKey(kind));
    query.addBindValue(text.isNull() ? QStringLiteral("") : text);
    query.addBindValue(id);
    if (!query.exec() || query.numRowsAffected() != 1) {
        m_error = query.lastError().text();
        return false;
    }
    emit changed();
    return true;
}

bool ReviewStore::removeAnnotation(qint64 id)
{
    QSqlQuery query(m_workspace->connection());
    query.prepare(QStringLiteral("DELETE FROM annotations WHERE id=?"));
    query.addBindValue(id);
    if (!query.exec()) {
        m_error = query.lastError().text();
        return false;
    }
    emit changed();
    return true;
}

QList<Annotation> ReviewStore::annotations(const QString &sourceUid, qint64 conversationRemoteId) const
{
    QSqlQuery query(m_workspace->connection());
    query.prepare(QStringLiteral(
        "SELECT id, message_remote_id, kind, text, created_at FROM annotations WHERE source_uid=?"
        " AND conversation_remote_id=? ORDER BY message_remote_id, id"));
    query.addBindValue(sourceUid);
    query.addBindValue(conversationRemoteId);
    QList<Annotation> result;
    if (!query.exec())
        return result;
    while (query.next()) {
        Annotation annotation;
        annotation.id = query.value(0).toLongLong();
        annotation.sourceUid = sourceUid;
        annotation.conversationRemoteId = conversationRemoteId;
        annotation.messageRemoteId = query.value(1).toLongLong();
        annotation.kind = Annotation::kindFromKey(query.value(2).toString());
        annotation.text = query.value(3).toString();
        annotation.createdAt = fromSecs(query.value(4));
        result.append(annotation);
    }
    return result;
}

} // namespace Counterpart::Storage
