#pragma once

#include "domain/Entities.h"

#include <QDateTime>
#include <QList>
#include <QPair>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace Counterpart::Search {

/** One row of search results: a message (with its conversation) or a contact. */
struct SearchHit
{
    enum class Kind { Message, Contact };
    Kind kind = Kind::Message;
    qint64 messageId = 0;      ///< 0 for contacts
    qint64 conversationId = 0; ///< 0 for contacts
    qint64 contactId = 0;      ///< the conversation's customer, or the contact found
    QDateTime createdAt;       ///< the message's time, or the contact's last activity
    QString title;             ///< customer name (falls back to e-mail, subject, sender)
    /** Original text around the first match; matches wrapped in SearchOptions' marks. */
    QString snippet;
    /** [start, length) of each highlighted stretch in `snippet`, marks excluded. */
    QList<QPair<int, int>> highlights;
    Domain::ChannelKind channel = Domain::ChannelKind::Api;              ///< messages only
    Domain::ConversationStatus status = Domain::ConversationStatus::Open; ///< messages only
};

struct SearchOptions
{
    int limit = 50;
    QString openMark = QStringLiteral("[");
    QString closeMark = QStringLiteral("]");
    int snippetChars = 90;
    /** Escape the original text for rich-text rendering (marks are inserted as given). */
    bool escapeHtml = false;
    std::optional<Domain::ChannelKind> channel;
    std::optional<Domain::ConversationStatus> status;
};

/**
 * Full-text search over cache.sqlite's messages_fts and contacts_fts (see CacheSchema). Queries
 * are built by SearchText, so user input never reaches FTS5 syntax: quotes, AND/OR/NEAR, `*`,
 * `-` and `:` are plain text. Results come newest first straight from the index order (message
 * ids are time-ordered), which keeps a common word at a million messages as fast as a rare one.
 * Use it on the thread that owns the connection.
 */
class SearchIndex
{
public:
    explicit SearchIndex(QSqlDatabase cacheConnection);

    /** Messages matching every word of `query`, newest first. */
    QList<SearchHit> searchMessages(const QString &query, const SearchOptions &options = {}) const;
    /** Contacts whose name, e-mail, phone or company match, most recently active first. */
    QList<SearchHit> searchContacts(const QString &query, const SearchOptions &options = {}) const;
    /**
     * The newest matching message of each conversation, newest first (up to `limit`), followed by
     * the matching contacts (up to `limit` more).
     */
    QList<SearchHit> searchConversations(const QString &query,
                                         const SearchOptions &options = {}) const;

    /** The SQL error of the last search that failed, for logs; empty when it succeeded. */
    QString errorString() const { return m_error; }

private:
    struct Parsed;
    QList<qint64> matchingMessageIds(const Parsed &parsed, const SearchOptions &options,
                                     bool onePerConversation) const;
    QList<SearchHit> messageHits(const QList<qint64> &ids, const Parsed &parsed,
                                 const SearchOptions &options) const;
    bool fail(const QString &what) const;

    QSqlDatabase m_db;
    mutable QString m_error;
};

} // namespace Counterpart::Search
