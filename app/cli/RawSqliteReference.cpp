#include "RawSqliteReference.h"

#include "search/SearchText.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <sqlite3.h>

namespace Counterpart::Cli {

namespace {

constexpr qint64 kSourceId = 1;

RawSqliteReference::Value text(const QString &value) { return value.toUtf8(); }

RawSqliteReference::Value json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

RawSqliteReference::Value secs(const QDateTime &time)
{
    return time.isValid() ? RawSqliteReference::Value(time.toSecsSinceEpoch()) : RawSqliteReference::Value();
}

RawSqliteReference::Value idOrNull(qint64 id) { return id ? RawSqliteReference::Value(id) : RawSqliteReference::Value(); }

} // namespace

RawSqliteReference::RawSqliteReference(const QString &path)
{
    if (sqlite3_open(path.toUtf8().constData(), &m_db) != SQLITE_OK) {
        m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
        sqlite3_close(m_db);
        m_db = nullptr;
        return;
    }
    // The same columns as the cache (CacheSchema), without its keys, indexes and constraints.
    const char *setup[] = {
        "PRAGMA journal_mode=WAL",
        "PRAGMA synchronous=NORMAL",
        "PRAGMA cache_size=-32768",
        "CREATE TABLE contacts (id INTEGER PRIMARY KEY, source_id INTEGER, remote_id INTEGER, name TEXT,"
        " email TEXT, phone TEXT, language TEXT, timezone TEXT, location TEXT, company TEXT,"
        " custom_attributes TEXT, created_at INTEGER, last_activity_at INTEGER)",
        "CREATE TABLE conversations (id INTEGER PRIMARY KEY, source_id INTEGER, remote_id INTEGER,"
        " inbox_id INTEGER, contact_id INTEGER, assignee_id INTEGER, team_id INTEGER, status TEXT,"
        " priority INTEGER, subject TEXT, preview TEXT, unread_count INTEGER, created_at INTEGER,"
        " last_activity_at INTEGER, waiting_since INTEGER, first_reply_at INTEGER, snoozed_until INTEGER,"
        " csat_rating INTEGER, csat_comment TEXT, custom_attributes TEXT)",
        "CREATE TABLE conversation_labels (conversation_id INTEGER, label TEXT)",
        "CREATE TABLE messages (id INTEGER PRIMARY KEY, source_id INTEGER, remote_id INTEGER,"
        " conversation_id INTEGER, kind TEXT, sender_kind TEXT, sender_id INTEGER, sender_name TEXT,"
        " text TEXT, html TEXT, attachments TEXT, created_at INTEGER, delivery TEXT, echo_id TEXT)",
        "CREATE TABLE contact_notes (id INTEGER PRIMARY KEY, source_id INTEGER, remote_id INTEGER,"
        " contact_id INTEGER, author_id INTEGER, author_name TEXT, content TEXT, created_at INTEGER,"
        " updated_at INTEGER)",
        "CREATE VIRTUAL TABLE messages_fts USING fts5(body, tokenize='unicode61 remove_diacritics"
        " 2', detail=column)",
        "CREATE VIRTUAL TABLE contacts_fts USING fts5(body, tokenize='unicode61 remove_diacritics 2')",
    };
    for (const char *sql : setup) {
        if (!exec(sql))
            return;
    }
    const std::pair<const char *, sqlite3_stmt **> statements[] = {
        {"INSERT INTO contacts VALUES(NULL,?,?,?,?,?,?,?,?,?,?,?,?)", &m_contact},
        {"INSERT INTO contacts_fts(rowid, body) VALUES(?,?)", &m_contactFts},
        {"INSERT INTO conversations VALUES(NULL,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", &m_conversation},
        {"INSERT INTO conversation_labels VALUES(?,?)", &m_label},
        {"INSERT INTO messages VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)", &m_message},
        {"INSERT INTO messages_fts(rowid, body) VALUES(?,?)", &m_messageFts},
        {"INSERT INTO contact_notes VALUES(NULL,?,?,?,?,?,?,?,?)", &m_note},
    };
    for (const auto &[sql, statement] : statements) {
        if (!prepareStatement(sql, statement))
            return;
    }
}

RawSqliteReference::~RawSqliteReference()
{
    for (auto *statement : {m_contact, m_contactFts, m_conversation, m_label, m_message, m_messageFts, m_note})
        sqlite3_finalize(statement);
    sqlite3_close(m_db);
}

bool RawSqliteReference::exec(const char *sql)
{
    char *message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) == SQLITE_OK)
        return true;
    m_error = QString::fromUtf8(message);
    sqlite3_free(message);
    return false;
}

bool RawSqliteReference::prepareStatement(const char *sql, sqlite3_stmt **statement)
{
    if (sqlite3_prepare_v2(m_db, sql, -1, statement, nullptr) == SQLITE_OK)
        return true;
    m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
    sqlite3_close(m_db);
    m_db = nullptr;
    return false;
}

bool RawSqliteReference::insert(sqlite3_stmt *statement, const Row &row, qsizetype count, int firstParameter)
{
    for (qsizetype i = 0; i < count; ++i) {
        const Value &value = row.at(i);
        const int parameter = int(i) + firstParameter;
        if (const auto *number = std::get_if<qint64>(&value)) {
            sqlite3_bind_int64(statement, parameter, *number);
        } else if (const auto *bytes = std::get_if<QByteArray>(&value)) {
            // SQLITE_STATIC: the page outlives the step, so SQLite need not copy.
            sqlite3_bind_text(statement, parameter, bytes->constData(), int(bytes->size()), SQLITE_STATIC);
        } else {
            sqlite3_bind_null(statement, parameter);
        }
    }
    const int rc = sqlite3_step(statement);
    sqlite3_reset(statement);
    if (rc == SQLITE_DONE)
        return true;
    m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
    return false;
}

bool RawSqliteReference::insertIndexed(sqlite3_stmt *statement, qint64 rowid, const Value &text)
{
    return insert(statement, Row{rowid, text}, 2);
}

RawSqliteReference::Page RawSqliteReference::prepare(const Storage::IngestBatch &batch)
{
    Page page;
    for (const auto &contact : batch.contacts) {
        const QString indexed = QStringList{contact.name, contact.email, contact.phone, contact.company}.join(QLatin1Char(' '));
        page.contacts.append({kSourceId, contact.remoteId, text(contact.name), text(contact.email),
                              text(contact.phone), text(contact.language), text(contact.timezone),
                              text(contact.location), text(contact.company), json(contact.customAttributes),
                              secs(contact.createdAt), secs(contact.lastActivityAt),
                              text(Search::SearchText::forIndex(indexed))});
    }
    // The cache derives each conversation's preview from its last customer or agent message.
    QHash<qint64, QString> previews;
    for (const auto &message : batch.messages) {
        if (message.kind == Domain::MessageKind::Incoming || message.kind == Domain::MessageKind::Outgoing)
            previews.insert(message.conversationId, message.text);
    }
    for (const auto &conversation : batch.conversations) {
        Conversation encoded;
        encoded.row = {kSourceId, conversation.remoteId, conversation.inboxId, idOrNull(conversation.contactId),
                       idOrNull(conversation.assigneeId), idOrNull(conversation.teamId),
                       text(Domain::statusKey(conversation.status)), qint64(conversation.priority),
                       text(conversation.subject), text(previews.value(conversation.remoteId)),
                       qint64(conversation.unreadCount), secs(conversation.createdAt),
                       secs(conversation.lastActivityAt), secs(conversation.waitingSince),
                       secs(conversation.firstReplyAt), secs(conversation.snoozedUntil),
                       qint64(conversation.csatRating), text(conversation.csatComment),
                       json(conversation.customAttributes)};
        for (const QString &label : conversation.labels)
            encoded.labels.append(label.toUtf8());
        page.conversations.append(encoded);
    }
    for (const auto &message : batch.messages) {
        const QByteArray attachments = message.attachments.isEmpty()
            ? QByteArray()
            : QJsonDocument(Domain::attachmentsToJson(message.attachments)).toJson(QJsonDocument::Compact);
        page.messages.append({kSourceId, message.remoteId, message.conversationId,
                              text(Domain::messageKindKey(message.kind)), text(Domain::senderKindKey(message.senderKind)),
                              idOrNull(message.senderId), text(message.senderName), text(message.text),
                              text(message.html), attachments, secs(message.createdAt),
                              text(Domain::deliveryKey(message.delivery)), text(message.echoId),
                              text(Search::SearchText::forIndex(message.text))});
    }
    for (const auto &note : batch.contactNotes) {
        page.notes.append({kSourceId, note.remoteId, note.contactId, idOrNull(note.authorId), text(note.authorName),
                           text(note.content), secs(note.createdAt),
                           secs(note.updatedAt.isValid() ? note.updatedAt : note.createdAt)});
    }
    return page;
}

bool RawSqliteReference::write(const Page &page)
{
    if (!exec("BEGIN"))
        return false;
    for (const Row &contact : page.contacts) {
        if (!insert(m_contact, contact, contact.size() - 1))
            return false;
        if (!insertIndexed(m_contactFts, sqlite3_last_insert_rowid(m_db), contact.constLast()))
            return false;
    }
    for (const Conversation &conversation : page.conversations) {
        if (!insert(m_conversation, conversation.row, conversation.row.size()))
            return false;
        const qint64 id = sqlite3_last_insert_rowid(m_db);
        for (const QByteArray &label : conversation.labels) {
            if (!insert(m_label, Row{id, label}, 2))
                return false;
        }
    }
    for (const Row &message : page.messages) {
        sqlite3_bind_int64(m_message, 1, m_nextMessageId++);
        if (!insert(m_message, message, message.size() - 1, 2))
            return false;
    }
    // Like the cache, the search index is written after the rows of the page.
    qint64 id = m_nextMessageId - page.messages.size();
    for (const Row &message : page.messages) {
        if (!insertIndexed(m_messageFts, id++, message.constLast()))
            return false;
    }
    for (const Row &note : page.notes) {
        if (!insert(m_note, note, note.size()))
            return false;
    }
    return exec("COMMIT");
}

} // namespace Counterpart::Cli
