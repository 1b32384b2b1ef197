#include "NotificationRules.h"

namespace Counterpart::Notify {

namespace {

bool isRecent(const QDateTime &time, const NotificationRules::Context &context)
{
    return time.isValid() && time.secsTo(context.now) <= context.maxAgeSecs;
}

QString nameOf(const ConversationSnapshot &conversation)
{
    return conversation.contactName.isEmpty() ? conversation.subject : conversation.contactName;
}

// A balloon shows two or three lines: the start of the message is enough to decide whether to look.
QString shortened(const QString &text)
{
    QString line = text.simplified();
    constexpr int limit = 140;
    if (line.size() > limit)
        line = line.left(limit - 1) + QChar(0x2026);
    return line;
}

} // namespace

QList<Notification> NotificationRules::decide(const QHash<qint64, ConversationSnapshot> &before,
                                              const QList<ConversationSnapshot> &after,
                                              const Context &context)
{
    QList<Notification> result;
    for (const ConversationSnapshot &now : after) {
        if (!context.me.contains(now.assigneeId) || now.conversationId == context.focusedConversationId)
            continue;
        const auto earlier = before.constFind(now.conversationId);
        const bool known = earlier != before.constEnd();
        const bool wasMine = known && context.me.contains(earlier->assigneeId);
        if (!wasMine) {
            // Chatwoot assigns an unassigned conversation to whoever replies first: that is the
            // agent's own doing as much as choosing "assign to me".
            const bool byMyReply = context.me.contains(now.newestAgentSenderId)
                && isRecent(now.newestAgentMessageAt, context);
            const bool mine = context.assignedByMe.contains(now.conversationId) || byMyReply;
            if (!mine && isRecent(now.lastActivityAt, context)) {
                result.append(assigned(now));
                continue;
            }
        }
        const qint64 seenIncoming = known ? earlier->newestIncomingId : 0;
        if (now.newestIncomingId > seenIncoming && isRecent(now.newestIncomingAt, context))
            result.append(replied(now));
    }
    if (result.size() > context.maxSeparate)
        return {summary(result)};
    return result;
}

Notification NotificationRules::assigned(const ConversationSnapshot &conversation)
{
    Notification n;
    n.kind = Notification::Kind::AssignedToMe;
    n.conversationId = conversation.conversationId;
    n.conversationIds = {conversation.conversationId};
    n.title = tr("Assigned to you: %1").arg(nameOf(conversation));
    n.body = shortened(conversation.newestIncomingText.isEmpty() ? conversation.subject
                                                                 : conversation.newestIncomingText);
    return n;
}

Notification NotificationRules::replied(const ConversationSnapshot &conversation)
{
    Notification n;
    n.kind = Notification::Kind::CustomerReplied;
    n.conversationId = conversation.conversationId;
    n.conversationIds = {conversation.conversationId};
    n.title = tr("%1 replied").arg(nameOf(conversation));
    n.body = shortened(conversation.newestIncomingText);
    return n;
}

Notification NotificationRules::summary(const QList<Notification> &notifications)
{
    int assignedCount = 0;
    int repliedCount = 0;
    Notification n;
    n.kind = Notification::Kind::Summary;
    for (const Notification &one : notifications) {
        n.conversationIds.append(one.conversationId);
        if (one.kind == Notification::Kind::AssignedToMe)
            ++assignedCount;
        else
            ++repliedCount;
    }
    // No English translation file is loaded, so "(s)" would show: both forms are written out.
    const int total = int(notifications.size());
    n.title = total == 1 ? tr("%n conversation needs you", nullptr, total)
                         : tr("%n conversations need you", nullptr, total);
    QStringList parts;
    if (assignedCount > 0)
        parts.append(tr("%n newly assigned to you", nullptr, assignedCount));
    if (repliedCount > 0)
        parts.append(repliedCount == 1 ? tr("%n with a new customer reply", nullptr, repliedCount)
                                       : tr("%n with new customer replies", nullptr, repliedCount));
    n.body = parts.join(QStringLiteral(", "));
    return n;
}

} // namespace Counterpart::Notify
