#pragma once

#include <QDateTime>
#include <QHash>
#include <QString>

namespace Counterpart::Storage {
class WorkspaceStore;
}

namespace Counterpart::Metrics {

/**
 * First-response targets per channel and what they mean for one conversation, computed offline
 * from the cache's columns. Business rules:
 *  - the clock runs from waiting_since (the customer's first unanswered message) until the
 *    first agent reply (first_reply_at); once replied, the first-response target no longer applies;
 *  - only open and pending conversations count: snoozed and resolved ones show no badge;
 *  - "due soon" is less than 25% of the target left; "breached" is past the due time.
 * Targets are per channel key ("email", "whatsapp", ...) in seconds, kept in workspace.sqlite.
 */
class Sla
{
public:
    enum class State { None, Ok, DueSoon, Breached };

    struct Result
    {
        State state = State::None;
        QDateTime dueAt; ///< invalid when state is None
    };

    /** Default targets: email 4 h, chat and messaging 15 min - 1 h, phone 1 h. */
    Sla();

    static qint64 defaultTargetSecs(const QString &channelKey);
    qint64 targetSecs(const QString &channelKey) const;
    void setTargetSecs(const QString &channelKey, qint64 secs);

    /** Targets from settings ("sla.first_response.<channel>" = seconds), defaults for the rest. */
    static Sla fromSettings(const Storage::WorkspaceStore &workspace);
    bool saveTo(Storage::WorkspaceStore &workspace) const;

    Result evaluate(const QString &channelKey, const QString &statusKey, const QDateTime &waitingSince,
                    const QDateTime &firstReplyAt, const QDateTime &now) const;

    /** "12 min", "3 h 05 min", "2 d 4 h": how long the customer has been waiting. */
    static QString waitingText(const QDateTime &since, const QDateTime &now);

    /**
     * SQL over `conversations c JOIN inboxes i`: epoch seconds when the first response is due,
     * 9223372036854775807 when no target applies, so ORDER BY it ASC puts the most urgent first.
     */
    QString dueSortExpression() const;

    static QStringList channelKeys();

private:
    QHash<QString, qint64> m_targets;
};

} // namespace Counterpart::Metrics
