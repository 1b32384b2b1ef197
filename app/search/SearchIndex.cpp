#include "SearchIndex.h"

#include "SearchText.h"
#include "Snippet.h"

#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QtDebug>

namespace Counterpart::Search {

using namespace Domain;

namespace {

constexpr int kMaxLimit = 1000;
// Grouping by conversation or checking Han phrases reads index rows that are then skipped; this
// bounds that work when one busy conversation holds most of the hits.
constexpr int kMaxScannedRows = 20000;

bool isHanCodepoint(char32_t c)
{
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF)
        || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FA1F);
}

// Han runs of three or more characters are searched as their overlapping two-character words,
// all required but anywhere in the text; these runs are then checked verbatim so that "申请退款"
// does not find "申请" and "请退" and "退款" scattered over a long message.
QStringList longHanRuns(const QString &query)
{
    QStringList runs;
    QList<char32_t> run;
    auto flush = [&] {
        if (run.size() >= 3)
            runs.append(QString::fromUcs4(run.constData(), run.size()));
        run.clear();
    };
    for (const char32_t c : SearchText::fold(query).toUcs4()) {
        if (isHanCodepoint(c))
            run.append(c);
        else
            flush();
    }
    flush();
    return runs;
}

bool containsAll(const QString &text, const QStringList &foldedPhrases)
{
    for (const QString &phrase : foldedPhrases) {
        if (!Snippet::containsFolded(text, phrase))
            return false;
    }
    return true;
}

QDateTime fromSecs(qint64 secs)
{
    return secs > 0 ? QDateTime::fromSecsSinceEpoch(secs, Qt::UTC) : QDateTime();
}

Snippet::Options snippetOptions(const SearchOptions &options)
{
    Snippet::Options result;
    result.windowChars = options.snippetChars;
    result.openMark = options.openMark;
    result.closeMark = options.closeMark;
    result.escapeHtml = options.escapeHtml;
    return result;
}

} // namespace

struct SearchIndex::Parsed
{
    explicit Parsed(const QString &query)
        : terms(SearchText::queryTerms(query)),
          match(SearchText::matchExpression(query)),
          hanRuns(longHanRuns(query))
    {
    }
    QStringList terms;
    QString match;
    QStringList hanRuns;
};

SearchIndex::SearchIndex(QSqlDatabase cacheConnection)
    : m_db(std::move(cacheConnection))
{
}

bool SearchIndex::fail(const QString &what) const
{
    m_error = what;
    qWarning() << "search failed:" << what;
    return false;
}

QList<qint64> SearchIndex::matchingMessageIds(const Parsed &parsed, const SearchOptions &options,
                                              bool onePerConversation) const
{
    const int limit = std::min(options.limit, kMaxLimit);
    const bool verify = !parsed.hanRuns.isEmpty();
    const bool filtered = options.channel || options.status;
    // Without filters, grouping or phrase checks this is exactly "the first `limit` rowids of the
    // index, descending", which FTS5 answers without sorting. Otherwise rows are stepped through
    // lazily in the same order and skipped in C++ until `limit` are kept.
    QString sql = QStringLiteral("SELECT f.rowid");
    sql += onePerConversation || filtered ? QStringLiteral(", m.conversation_id")
                                          : QStringLiteral(", 0");
    sql += verify ? QStringLiteral(", m.text") : QStringLiteral(", ''");
    sql += QStringLiteral(" FROM messages_fts f");
    if (onePerConversation || filtered || verify)
        sql += QStringLiteral(" JOIN messages m ON m.id = f.rowid");
    if (filtered)
        sql += QStringLiteral(" JOIN conversations c ON c.id = m.conversation_id"
                              " JOIN inboxes i ON i.id = c.inbox_id");
    sql += QStringLiteral(" WHERE f.messages_fts MATCH :match");
    if (options.channel)
        sql += QStringLiteral(" AND i.channel = :channel");
    if (options.status)
        sql += QStringLiteral(" AND c.status = :status");
    sql += QStringLiteral(" ORDER BY f.rowid DESC");
    const bool stepping = onePerConversation || verify;
    if (!stepping)
        sql += QStringLiteral(" LIMIT :limit");

    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.prepare(sql)) {
        fail(query.lastError().text());
        return {};
    }
    query.bindValue(QStringLiteral(":match"), parsed.match);
    if (options.channel)
        query.bindValue(QStringLiteral(":channel"), channelKey(*options.channel));
    if (options.status)
        query.bindValue(QStringLiteral(":status"), statusKey(*options.status));
    if (!stepping)
        query.bindValue(QStringLiteral(":limit"), limit);
    if (!query.exec()) {
        fail(query.lastError().text());
        return {};
    }
    QList<qint64> ids;
    QSet<qint64> conversations;
    for (int scanned = 0; ids.size() < limit && query.next(); ++scanned) {
        if (stepping && scanned >= kMaxScannedRows)
            break;
        if (verify && !containsAll(query.value(2).toString(), parsed.hanRuns))
            continue;
        if (onePerConversation) {
            const qint64 conversation = query.value(1).toLongLong();
            if (conversations.contains(conversation))
                continue;
            conversations.insert(conversation);
        }
        ids.append(query.value(0).toLongLong());
    }
    return ids;
}

QList<SearchHit> SearchIndex::messageHits(const QList<qint64> &ids, const Parsed &parsed,
                                          const SearchOptions &options) const
{
    if (ids.isEmpty())
        return {};
    QStringList placeholders;
    placeholders.reserve(ids.size());
    for (qsizetype i = 0; i < ids.size(); ++i)
        placeholders.append(QStringLiteral("?"));
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    const QString sql = QStringLiteral(
        "SELECT m.id, m.conversation_id, m.created_at, m.text, m.sender_name,"
        " coalesce(c.contact_id, 0), coalesce(ct.name, ''), coalesce(ct.email, ''), c.subject,"
        " c.status, i.channel FROM messages m JOIN conversations c ON c.id = m.conversation_id"
        " JOIN inboxes i ON i.id = c.inbox_id LEFT JOIN contacts ct ON ct.id = c.contact_id"
        " WHERE m.id IN (") + placeholders.join(QLatin1Char(',')) + QStringLiteral(")");
    if (!query.prepare(sql)) {
        fail(query.lastError().text());
        return {};
    }
    for (const qint64 id : ids)
        query.addBindValue(id);
    if (!query.exec()) {
        fail(query.lastError().text());
        return {};
    }
    const Snippet::Options snippetOpts = snippetOptions(options);
    QHash<qint64, SearchHit> byId;
    while (query.next()) {
        SearchHit hit;
        hit.kind = SearchHit::Kind::Message;
        hit.messageId = query.value(0).toLongLong();
        hit.conversationId = query.value(1).toLongLong();
        hit.createdAt = fromSecs(query.value(2).toLongLong());
        hit.contactId = query.value(5).toLongLong();
        for (int column : {6, 7, 8, 4}) {
            hit.title = query.value(column).toString();
            if (!hit.title.isEmpty())
                break;
        }
        hit.status = statusFromKey(query.value(9).toString());
        hit.channel = channelFromKey(query.value(10).toString());
        const Snippet snippet = Snippet::make(query.value(3).toString(), parsed.terms, snippetOpts);
        hit.snippet = snippet.text;
        hit.highlights = snippet.highlights;
        byId.insert(hit.messageId, hit);
    }
    QList<SearchHit> hits;
    hits.reserve(ids.size());
    // Rows of the IN() query come in any order; the ids are already newest first.
    for (const qint64 id : ids) {
        const auto found = byId.constFind(id);
        if (found != byId.constEnd())
            hits.append(found.value());
    }
    return hits;
}

QList<SearchHit> SearchIndex::searchMessages(const QString &query,
                                             const SearchOptions &options) const
{
    m_error.clear();
    const Parsed parsed(query);
    if (parsed.match.isEmpty() || options.limit <= 0)
        return {};
    return messageHits(matchingMessageIds(parsed, options, false), parsed, options);
}

QList<SearchHit> SearchIndex::searchConversations(const QString &query,
                                                  const SearchOptions &options) const
{
    m_error.clear();
    const Parsed parsed(query);
    if (parsed.match.isEmpty() || options.limit <= 0)
        return {};
    QList<SearchHit> hits = messageHits(matchingMessageIds(parsed, options, true), parsed, options);
    if (!m_error.isEmpty())
        return hits;
    hits += searchContacts(query, options);
    return hits;
}

QList<SearchHit> SearchIndex::searchContacts(const QString &query,
                                             const SearchOptions &options) const
{
    m_error.clear();
    const Parsed parsed(query);
    if (parsed.match.isEmpty() || options.limit <= 0)
        return {};
    const int limit = std::min(options.limit, kMaxLimit);
    QSqlQuery sql(m_db);
    sql.setForwardOnly(true);
    // Contacts are few next to messages, so sorting every match by activity is cheap.
    if (!sql.prepare(QStringLiteral(
            "SELECT ct.id, ct.name, ct.email, ct.phone, ct.company, ct.last_activity_at"
            " FROM contacts_fts f JOIN contacts ct ON ct.id = f.rowid WHERE f.contacts_fts MATCH ?"
            " ORDER BY ct.last_activity_at DESC, ct.id DESC"))) {
        fail(sql.lastError().text());
        return {};
    }
    sql.addBindValue(parsed.match);
    if (!sql.exec()) {
        fail(sql.lastError().text());
        return {};
    }
    const Snippet::Options snippetOpts = snippetOptions(options);
    QList<SearchHit> hits;
    while (hits.size() < limit && sql.next()) {
        QStringList fields;
        for (int column = 1; column <= 4; ++column) {
            const QString field = sql.value(column).toString().simplified();
            if (!field.isEmpty())
                fields.append(field);
        }
        const QString text = fields.join(QStringLiteral(" \u00B7 "));
        if (!containsAll(text, parsed.hanRuns))
            continue;
        SearchHit hit;
        hit.kind = SearchHit::Kind::Contact;
        hit.contactId = sql.value(0).toLongLong();
        hit.title = fields.value(0);
        hit.createdAt = fromSecs(sql.value(5).toLongLong());
        const Snippet snippet = Snippet::make(text, parsed.terms, snippetOpts);
        hit.snippet = snippet.text;
        hit.highlights = snippet.highlights;
        hits.append(hit);
    }
    return hits;
}

} // namespace Counterpart::Search
