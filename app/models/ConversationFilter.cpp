#include "ConversationFilter.h"

#include <QDateTime>
#include <QJsonArray>

namespace Counterpart::Models {

ConversationFilter ConversationFilter::fromViewKey(const QString &key)
{
    ConversationFilter filter;
    if (key == QLatin1String("mine"))
        filter.assignee = Assignee::Me;
    else if (key == QLatin1String("unassigned"))
        filter.assignee = Assignee::Unassigned;
    else if (key.startsWith(QLatin1String("channel:")))
        filter.channelKey = key.mid(8);
    else if (key.startsWith(QLatin1String("label:")))
        filter.label = key.mid(6);
    else if (key == QLatin1String("snoozed"))
        filter.statuses = {QStringLiteral("snoozed")};
    else if (key == QLatin1String("resolved"))
        filter.statuses = {QStringLiteral("resolved")};
    else if (key == QLatin1String("participating"))
        filter.participating = true;
    return filter;
}

QString ConversationFilter::whereClause(const QList<qint64> &meAgentIds, QVariantList *binds) const
{
    QStringList parts;
    if (!statuses.isEmpty()) {
        QStringList marks;
        for (const auto &status : statuses) {
            marks.append(QStringLiteral("?"));
            binds->append(status);
        }
        parts.append(QStringLiteral("c.status IN (") + marks.join(QLatin1Char(',')) + QLatin1Char(')'));
    }
    switch (assignee) {
    case Assignee::Anyone:
        break;
    case Assignee::Unassigned:
        parts.append(QStringLiteral("c.assignee_id IS NULL"));
        break;
    case Assignee::Me: {
        if (meAgentIds.isEmpty()) {
            parts.append(QStringLiteral("0"));
            break;
        }
        QStringList marks;
        for (const qint64 id : meAgentIds) {
            marks.append(QStringLiteral("?"));
            binds->append(id);
        }
        parts.append(QStringLiteral("c.assignee_id IN (") + marks.join(QLatin1Char(',')) + QLatin1Char(')'));
        break;
    }
    }
    if (!channelKey.isEmpty()) {
        parts.append(QStringLiteral("i.channel = ?"));
        binds->append(channelKey);
    }
    if (inboxId != 0) {
        parts.append(QStringLiteral("c.inbox_id = ?"));
        binds->append(inboxId);
    }
    if (!label.isEmpty()) {
        parts.append(QStringLiteral(
            "EXISTS (SELECT 1 FROM conversation_labels l WHERE l.conversation_id = c.id AND l.label = ?)"));
        binds->append(label);
    }
    if (assigneeAgentId != 0) {
        parts.append(QStringLiteral("c.assignee_id = ?"));
        binds->append(assigneeAgentId);
    }
    if (minPriority > 0) {
        parts.append(QStringLiteral("c.priority >= ?"));
        binds->append(minPriority);
    }
    if (!language.isEmpty()) {
        parts.append(QStringLiteral("EXISTS (SELECT 1 FROM contacts lc WHERE lc.id = c.contact_id"
                                    " AND (lc.language = ? OR lc.language LIKE ?))"));
        binds->append(language);
        binds->append(QString(language + QStringLiteral("-%")));
    }
    if (waitingLongerThanSecs > 0) {
        const qint64 now = nowSecs ? nowSecs : QDateTime::currentSecsSinceEpoch();
        parts.append(QStringLiteral("c.waiting_since <= ?"));
        binds->append(now - waitingLongerThanSecs);
    }
    if (participating) {
        if (meAgentIds.isEmpty())
            parts.append(QStringLiteral("0"));
        else
            parts.append(QStringLiteral("EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND ")
                         + participationCondition(meAgentIds, binds) + QLatin1Char(')'));
    }
    return parts.isEmpty() ? QStringLiteral("1") : parts.join(QStringLiteral(" AND "));
}

QString ConversationFilter::participationCondition(const QList<qint64> &meAgentIds, QVariantList *binds)
{
    QStringList marks;
    for (qsizetype i = 0; i < meAgentIds.size(); ++i)
        marks.append(QStringLiteral("?"));
    const QString in = marks.join(QLatin1Char(','));
    for (int pass = 0; pass < 2; ++pass) {
        for (const qint64 id : meAgentIds)
            binds->append(id);
    }
    return QStringLiteral("m.kind = 'note' AND (m.sender_id IN (") + in
        + QStringLiteral(") OR EXISTS (SELECT 1 FROM agents ma WHERE ma.id IN (") + in
        + QStringLiteral(") AND instr(m.text, '@' || ma.name) > 0))");
}

QJsonObject ConversationFilter::toJson() const
{
    QJsonObject json;
    json.insert(QStringLiteral("statuses"), QJsonArray::fromStringList(statuses));
    json.insert(QStringLiteral("assignee"), assignee == Assignee::Me           ? QStringLiteral("me")
                                            : assignee == Assignee::Unassigned ? QStringLiteral("unassigned")
                                                                               : QStringLiteral("anyone"));
    json.insert(QStringLiteral("channel"), channelKey);
    json.insert(QStringLiteral("label"), label);
    json.insert(QStringLiteral("inbox_id"), inboxId);
    json.insert(QStringLiteral("assignee_agent_id"), assigneeAgentId);
    json.insert(QStringLiteral("min_priority"), minPriority);
    json.insert(QStringLiteral("language"), language);
    json.insert(QStringLiteral("waiting_longer_than"), waitingLongerThanSecs);
    json.insert(QStringLiteral("participating"), participating);
    return json;
}

ConversationFilter ConversationFilter::fromJson(const QJsonObject &json)
{
    ConversationFilter filter;
    if (json.contains(QLatin1String("statuses"))) {
        filter.statuses.clear();
        const QJsonArray statuses = json.value(QLatin1String("statuses")).toArray();
        for (const auto &status : statuses)
            filter.statuses.append(status.toString());
    }
    const QString assignee = json.value(QLatin1String("assignee")).toString();
    filter.assignee = assignee == QLatin1String("me")           ? Assignee::Me
                      : assignee == QLatin1String("unassigned") ? Assignee::Unassigned
                                                                : Assignee::Anyone;
    filter.channelKey = json.value(QLatin1String("channel")).toString();
    filter.label = json.value(QLatin1String("label")).toString();
    filter.inboxId = json.value(QLatin1String("inbox_id")).toInteger();
    filter.assigneeAgentId = json.value(QLatin1String("assignee_agent_id")).toInteger();
    filter.minPriority = json.value(QLatin1String("min_priority")).toInt();
    filter.language = json.value(QLatin1String("language")).toString();
    filter.waitingLongerThanSecs = json.value(QLatin1String("waiting_longer_than")).toInteger();
    filter.participating = json.value(QLatin1String("participating")).toBool();
    return filter;
}

} // namespace Counterpart::Models
