#pragma once

#include "BusinessHours.h"
#include "Sla.h"

#include <QSqlDatabase>
#include <QString>

namespace Counterpart::Metrics {

/**
 * Keeps cache.sqlite's conversation_facts and reply_facts in step with the conversations, so the
 * dashboard aggregates one narrow row per conversation instead of walking a million messages.
 * Only the conversations listed in facts_dirty (every write lists them) are rebuilt, or all of
 * them when the business hours or SLA targets changed since the last refresh.
 *
 * Read off each conversation's messages in order:
 *  - asked_at: the first customer message (else the conversation's creation);
 *  - replied_at: the first public reply by an agent after it (private notes, activity events and
 *    bot messages are not replies; else the server's first_reply_at when no messages are cached);
 *  - one reply_facts row per customer turn answered: from the turn's first customer message to the
 *    agent reply that ended it (average reply time);
 *  - resolved_at: when the conversation is resolved, its last resolution event (else its last
 *    activity); `reopened`: how often it came back after a resolution (a customer message after
 *    it, or a "reopened" event). Events are recognised by their text, which Chatwoot writes in
 *    the account's language: see isResolutionEvent().
 * Durations are stored in business seconds (BusinessHours), slot is the weekday*24+hour of the
 * creation in the business time zone, target_secs the channel's first-response target.
 */
class ConversationFacts
{
public:
    struct RefreshReport
    {
        bool ok = false;
        int conversations = 0; ///< facts rows rebuilt
        qint64 messages = 0;   ///< messages read to rebuild them
        QString error;
    };

    ConversationFacts(QSqlDatabase cache, const BusinessHours &hours, const Sla &sla);

    /** Rebuilds the rows that are missing or stale, a batch of conversations per transaction. */
    RefreshReport refresh();

    static bool isResolutionEvent(const QString &activityText);
    static bool isReopenEvent(const QString &activityText);

private:
    bool markAllIfConfigChanged(QString *error);
    /** Rebuilds the next few thousand dirty conversations in one transaction; *done when none are left. */
    bool refreshBatch(RefreshReport &report, bool *done);

    QSqlDatabase m_db;
    const BusinessHours &m_hours;
    const Sla &m_sla;
};

} // namespace Counterpart::Metrics
