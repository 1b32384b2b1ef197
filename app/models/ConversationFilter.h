#pragma once

#include <QString>
#include <QStringList>
#include <QVariantList>

namespace Counterpart::Models {

/**
 * What a view of the inbox shows, as data: the navigation column, saved views and tests build
 * these, and ConversationListModel turns one into SQL.
 */
struct ConversationFilter
{
    enum class Assignee { Anyone, Me, Unassigned };

    QStringList statuses = {QStringLiteral("open"), QStringLiteral("pending")}; ///< empty: all
    Assignee assignee = Assignee::Anyone;
    QString channelKey; ///< empty: every channel
    QString label;      ///< empty: any label
    qint64 inboxId = 0;

    /** The standard views of the navigation column, by key ("mine", "channel:sms", ...). */
    static ConversationFilter fromViewKey(const QString &key);

    /**
     * A WHERE clause over `conversations c JOIN inboxes i` (never empty: "1" when unfiltered),
     * appending its bound values in order. `meAgentIds` are the local ids of the signed-in agents.
     */
    QString whereClause(const QList<qint64> &meAgentIds, QVariantList *binds) const;

    bool operator==(const ConversationFilter &other) const = default;
};

} // namespace Counterpart::Models
