#pragma once

#include <QJsonObject>
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
    qint64 assigneeAgentId = 0;   ///< local agent id; 0: whoever (see `assignee`)
    int minPriority = 0;          ///< Domain::Priority as int: this priority or higher; 0: any
    QString language;             ///< contact language; "zh" also matches "zh-Hans", "zh-Hant"
    qint64 waitingLongerThanSecs = 0; ///< customer waiting at least this long; 0: any
    qint64 nowSecs = 0;           ///< "now" for waitingLongerThanSecs (tests); 0: the real time
    /** Mentions/participating: conversations where a signed-in agent wrote a note or is
     *  @mentioned in one (notes are where colleagues pull each other in). */
    bool participating = false;

    /** The standard views of the navigation column, by key ("mine", "channel:sms", ...). */
    static ConversationFilter fromViewKey(const QString &key);

    /**
     * A WHERE clause over `conversations c JOIN inboxes i` (never empty: "1" when unfiltered),
     * appending its bound values in order. `meAgentIds` are the local ids of the signed-in agents.
     */
    QString whereClause(const QList<qint64> &meAgentIds, QVariantList *binds) const;
    /** The condition on a message `m` that makes its conversation "participating": a private
     *  note by one of `meAgentIds` or mentioning one of them by @name. `meAgentIds` not empty. */
    static QString participationCondition(const QList<qint64> &meAgentIds, QVariantList *binds);

    /** For saved views (workspace settings); unknown fields are ignored, missing ones default. */
    QJsonObject toJson() const;
    static ConversationFilter fromJson(const QJsonObject &json);

    bool operator==(const ConversationFilter &other) const = default;
};

} // namespace Counterpart::Models
