#pragma once

#include <QSqlDatabase>
#include <QString>

namespace Counterpart::Metrics {

/**
 * Keeps cache.sqlite's conversation_facts and reply_facts tables in step with the messages, so the
 * dashboard aggregates 100,000 conversations instead of walking a million messages.
 *
 * Read off each conversation's messages in order:
 *  - first_incoming_at: the first customer message;
 *  - first_reply_at / first_reply_agent_id: the first public reply by an agent after it (private
 *    notes, activity events and bot messages are not replies);
 *  - one reply_facts row per customer turn answered: from the turn's first customer message to the
 *    agent reply that ended it (average reply time);
 *  - resolved_at: the last resolution event if the conversation is still resolved after it, and
 *    `reopened`: how often a resolved conversation came back (a customer message after the
 *    resolution, or a "reopened" event). Events are recognised by their text, which Chatwoot
 *    writes in the account's language: see isResolutionEvent().
 * Conversations whose messages were never synced get a row with message_count 0; the metrics then
 * fall back to the conversation's own created_at and first_reply_at columns.
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

    explicit ConversationFacts(QSqlDatabase cache);

    /** Rebuilds the rows that are missing or stale, in one transaction. */
    RefreshReport refresh();

    static bool isResolutionEvent(const QString &activityText);
    static bool isReopenEvent(const QString &activityText);

private:
    QSqlDatabase m_db;
};

} // namespace Counterpart::Metrics
