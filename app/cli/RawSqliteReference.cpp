#include "RawSqliteReference.h"

#include "search/SearchText.h"

#include <sqlite3.h>

namespace Counterpart::Cli {

namespace {
void bindText(sqlite3_stmt *statement, int column, const QByteArray &text)
{
    // SQLITE_STATIC: the page outlives the statement step, so SQLite need not copy.
    sqlite3_bind_text(statement, column, text.constData(), int(text.size()), SQLITE_STATIC);
}
} // namespace

RawSqliteReference::RawSqliteReference(const QString &path)
{
    if (sqlite3_open(path.toUtf8().constData(), &m_db) != SQLITE_OK) {
        m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
        sqlite3_close(m_db);
        m_db = nullptr;
        return;
    }
    const char *setup[] = {
        "PRAGMA journal_mode=WAL",
        "PRAGMA synchronous=NORMAL",
        "PRAGMA cache_size=-32768",
        "CREATE TABLE contacts (id INTEGER PRIMARY KEY, remote_id INTEGER, name TEXT, email TEXT,"
        " phone TEXT, language TEXT, timezone TEXT, custom_attributes TEXT)",
        "CREATE TABLE conversations (id INTEGER PRIMARY KEY, remote_id INTEGER, inbox_id INTEGER,"
        " contact_id INTEGER, status TEXT, subject TEXT, created_at INTEGER, last_activity_at"
        " INTEGER)",
        "CREATE TABLE messages (id INTEGER PRIMARY KEY, remote_id INTEGER, conversation_id"
        " INTEGER, kind TEXT, sender_name TEXT, text TEXT, html TEXT, created_at INTEGER)",
        "CREATE VIRTUAL TABLE messages_fts USING fts5(body, tokenize='unicode61 remove_diacritics"
        " 2', detail=column)",
    };
    for (const char *sql : setup) {
        if (!exec(sql))
            return;
    }
    sqlite3_prepare_v2(m_db, "INSERT INTO contacts VALUES(NULL,?,?,?,?,?,?,?)", -1, &m_contact, nullptr);
    sqlite3_prepare_v2(m_db, "INSERT INTO conversations VALUES(NULL,?,?,?,?,?,?,?)", -1, &m_conversation, nullptr);
    sqlite3_prepare_v2(m_db, "INSERT INTO messages VALUES(?,?,?,?,?,?,?,?)", -1, &m_message, nullptr);
    sqlite3_prepare_v2(m_db, "INSERT INTO messages_fts(rowid, body) VALUES(?,?)", -1, &m_fts, nullptr);
}

RawSqliteReference::~RawSqliteReference()
{
    for (auto *statement : {m_contact, m_conversation, m_message, m_fts})
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

bool RawSqliteReference::step(sqlite3_stmt *statement)
{
    const int rc = sqlite3_step(statement);
    sqlite3_reset(statement);
    if (rc == SQLITE_DONE)
        return true;
    m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
    return false;
}

RawSqliteReference::Page RawSqliteReference::prepare(const Storage::IngestBatch &batch)
{
    Page page;
    for (const auto &contact : batch.contacts) {
        page.contacts.append({contact.remoteId, 0, 0, 0, contact.name.toUtf8(), contact.email.toUtf8(),
                              contact.phone.toUtf8(), contact.language.toUtf8(), contact.timezone.toUtf8()});
    }
    for (const auto &conversation : batch.conversations) {
        page.conversations.append({conversation.remoteId, conversation.inboxId, conversation.contactId,
                                   conversation.lastActivityAt.toSecsSinceEpoch(),
                                   Domain::statusKey(conversation.status).toUtf8(),
                                   conversation.subject.toUtf8(), {}, {}, {}});
    }
    for (const auto &message : batch.messages) {
        page.messages.append({message.remoteId, message.conversationId, message.createdAt.toSecsSinceEpoch(), 0,
                              Domain::messageKindKey(message.kind).toUtf8(), message.senderName.toUtf8(),
                              message.text.toUtf8(), Search::SearchText::forIndex(message.text).toUtf8(),
                              message.html.toUtf8()});
    }
    return page;
}

bool RawSqliteReference::write(const Page &page)
{
    if (!exec("BEGIN"))
        return false;
    for (const auto &row : page.contacts) {
        sqlite3_bind_int64(m_contact, 1, row.remoteId);
        bindText(m_contact, 2, row.t1);
        bindText(m_contact, 3, row.t2);
        bindText(m_contact, 4, row.t3);
        bindText(m_contact, 5, row.t4);
        bindText(m_contact, 6, row.t5);
        bindText(m_contact, 7, QByteArray("{}"));
        if (!step(m_contact))
            return false;
    }
    for (const auto &row : page.conversations) {
        sqlite3_bind_int64(m_conversation, 1, row.remoteId);
        sqlite3_bind_int64(m_conversation, 2, row.a);
        sqlite3_bind_int64(m_conversation, 3, row.b);
        bindText(m_conversation, 4, row.t1);
        bindText(m_conversation, 5, row.t2);
        sqlite3_bind_int64(m_conversation, 6, row.c);
        sqlite3_bind_int64(m_conversation, 7, row.c);
        if (!step(m_conversation))
            return false;
    }
    for (const auto &row : page.messages) {
        const qint64 id = m_nextMessageId++;
        sqlite3_bind_int64(m_message, 1, id);
        sqlite3_bind_int64(m_message, 2, row.remoteId);
        sqlite3_bind_int64(m_message, 3, row.a);
        bindText(m_message, 4, row.t1);
        bindText(m_message, 5, row.t2);
        bindText(m_message, 6, row.t3);
        bindText(m_message, 7, row.t5);
        sqlite3_bind_int64(m_message, 8, row.b);
        if (!step(m_message))
            return false;
        sqlite3_bind_int64(m_fts, 1, id);
        bindText(m_fts, 2, row.t4);
        if (!step(m_fts))
            return false;
    }
    return exec("COMMIT");
}

} // namespace Counterpart::Cli
