#include "ConversationFilter.h"

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
    return parts.isEmpty() ? QStringLiteral("1") : parts.join(QStringLiteral(" AND "));
}

} // namespace Counterpart::Models
