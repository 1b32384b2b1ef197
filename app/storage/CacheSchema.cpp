#include "CacheSchema.h"

#include "search/SearchText.h"

#include <QSqlQuery>
#include <QSqlError>

namespace Counterpart::Storage {

namespace {

// Version 2 adds the search index and fills it from rows written by version 1, which is the same
// code path a fresh file takes (it simply has no rows yet).
bool fillSearchIndex(QSqlDatabase &db, QString *error)
{
    QSqlQuery read(db);
    read.setForwardOnly(true);
    QSqlQuery write(db);
    write.prepare(QStringLiteral("INSERT INTO messages_fts(rowid, body) VALUES (?, ?)"));
    if (!read.exec(QStringLiteral("SELECT id, text FROM messages"))) {
        *error = read.lastError().text();
        return false;
    }
    while (read.next()) {
        write.addBindValue(read.value(0));
        write.addBindValue(Search::SearchText::forIndex(read.value(1).toString()));
        if (!write.exec()) {
            *error = write.lastError().text();
            return false;
        }
    }
    QSqlQuery contacts(db);
    contacts.setForwardOnly(true);
    if (!contacts.exec(QStringLiteral("SELECT id, name, email, phone, company FROM contacts"))) {
        *error = contacts.lastError().text();
        return false;
    }
    write.prepare(QStringLiteral("INSERT INTO contacts_fts(rowid, body) VALUES (?, ?)"));
    while (contacts.next()) {
        const QString text = QStringList{contacts.value(1).toString(), contacts.value(2).toString(),
                                         contacts.value(3).toString(), contacts.value(4).toString()}
                                 .join(QLatin1Char(' '));
        write.addBindValue(contacts.value(0));
        write.addBindValue(Search::SearchText::forIndex(text));
        if (!write.exec()) {
            *error = write.lastError().text();
            return false;
        }
    }
    return true;
}

} // namespace

QList<Migration> cacheMigrations()
{
    Migration core;
    core.version = 1;
    core.description = QStringLiteral("server mirror: sources, people, conversations, messages");
    core.statements = {
        QStringLiteral("CREATE TABLE sources (id INTEGER PRIMARY KEY, uid TEXT NOT NULL UNIQUE,"
                       " kind TEXT NOT NULL, name TEXT NOT NULL DEFAULT '', base_url TEXT NOT NULL"
                       " DEFAULT '', account_id INTEGER NOT NULL DEFAULT 0, me_agent_id INTEGER)"),
        QStringLiteral("CREATE TABLE inboxes (id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL"
                       " REFERENCES sources(id) ON DELETE CASCADE, remote_id INTEGER NOT NULL,"
                       " name TEXT NOT NULL, channel TEXT NOT NULL, timezone TEXT NOT NULL DEFAULT"
                       " '', address TEXT NOT NULL DEFAULT '', UNIQUE(source_id, remote_id))"),
        QStringLiteral("CREATE TABLE agents (id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL"
                       " REFERENCES sources(id) ON DELETE CASCADE, remote_id INTEGER NOT NULL,"
                       " name TEXT NOT NULL, email TEXT NOT NULL DEFAULT '', role TEXT NOT NULL"
                       " DEFAULT 'agent', availability TEXT NOT NULL DEFAULT 'offline',"
                       " UNIQUE(source_id, remote_id))"),
        QStringLiteral("CREATE TABLE teams (id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL"
                       " REFERENCES sources(id) ON DELETE CASCADE, remote_id INTEGER NOT NULL,"
                       " name TEXT NOT NULL, UNIQUE(source_id, remote_id))"),
        QStringLiteral("CREATE TABLE labels (id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL"
                       " REFERENCES sources(id) ON DELETE CASCADE, remote_id INTEGER NOT NULL,"
                       " title TEXT NOT NULL, description TEXT NOT NULL DEFAULT '', color TEXT NOT"
                       " NULL DEFAULT '', UNIQUE(source_id, remote_id), UNIQUE(source_id, title))"),
        QStringLiteral("CREATE TABLE contacts (id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL"
                       " REFERENCES sources(id) ON DELETE CASCADE, remote_id INTEGER NOT NULL,"
                       " name TEXT NOT NULL DEFAULT '', email TEXT NOT NULL DEFAULT '', phone TEXT"
                       " NOT NULL DEFAULT '', language TEXT NOT NULL DEFAULT '', timezone TEXT NOT"
                       " NULL DEFAULT '', location TEXT NOT NULL DEFAULT '', company TEXT NOT NULL"
                       " DEFAULT '', custom_attributes TEXT NOT NULL DEFAULT '{}', created_at"
                       " INTEGER NOT NULL DEFAULT 0, last_activity_at INTEGER NOT NULL DEFAULT 0,"
                       " UNIQUE(source_id, remote_id))"),
        QStringLiteral("CREATE TABLE conversations (id INTEGER PRIMARY KEY, source_id INTEGER NOT"
                       " NULL REFERENCES sources(id) ON DELETE CASCADE, remote_id INTEGER NOT NULL,"
                       " inbox_id INTEGER NOT NULL REFERENCES inboxes(id), contact_id INTEGER"
                       " REFERENCES contacts(id), assignee_id INTEGER REFERENCES agents(id),"
                       " team_id INTEGER REFERENCES teams(id), status TEXT NOT NULL DEFAULT 'open',"
                       " priority INTEGER NOT NULL DEFAULT 0, subject TEXT NOT NULL DEFAULT '',"
                       " preview TEXT NOT NULL DEFAULT '', unread_count INTEGER NOT NULL DEFAULT 0,"
                       " created_at INTEGER NOT NULL DEFAULT 0, last_activity_at INTEGER NOT NULL"
                       " DEFAULT 0, waiting_since INTEGER, first_reply_at INTEGER, snoozed_until"
                       " INTEGER, csat_rating INTEGER NOT NULL DEFAULT 0, csat_comment TEXT NOT NULL"
                       " DEFAULT '', custom_attributes TEXT NOT NULL DEFAULT '{}',"
                       " UNIQUE(source_id, remote_id))"),
        QStringLiteral("CREATE INDEX conversations_by_activity ON conversations(last_activity_at"
                       " DESC, id DESC)"),
        QStringLiteral("CREATE INDEX conversations_by_status ON conversations(status,"
                       " last_activity_at DESC)"),
        QStringLiteral("CREATE INDEX conversations_by_contact ON conversations(contact_id,"
                       " last_activity_at DESC)"),
        QStringLiteral("CREATE INDEX conversations_by_inbox ON conversations(inbox_id, status)"),
        QStringLiteral("CREATE INDEX conversations_by_assignee ON conversations(assignee_id,"
                       " status)"),
        QStringLiteral("CREATE TABLE conversation_labels (conversation_id INTEGER NOT NULL"
                       " REFERENCES conversations(id) ON DELETE CASCADE, label TEXT NOT NULL,"
                       " PRIMARY KEY(conversation_id, label)) WITHOUT ROWID"),
        QStringLiteral("CREATE INDEX conversation_labels_by_label ON conversation_labels(label)"),
        // Message ids are local and time-ordered (see CacheStore::messageKey), so ORDER BY id is
        // chronological and the search index can return newest hits first without sorting.
        QStringLiteral("CREATE TABLE messages (id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL,"
                       " remote_id INTEGER NOT NULL, conversation_id INTEGER NOT NULL REFERENCES"
                       " conversations(id) ON DELETE CASCADE, kind TEXT NOT NULL, sender_kind TEXT"
                       " NOT NULL, sender_id INTEGER, sender_name TEXT NOT NULL DEFAULT '', text"
                       " TEXT NOT NULL DEFAULT '', html TEXT NOT NULL DEFAULT '', attachments TEXT"
                       " NOT NULL DEFAULT '', created_at INTEGER NOT NULL, delivery TEXT NOT NULL"
                       " DEFAULT 'sent', echo_id TEXT NOT NULL DEFAULT '',"
                       " UNIQUE(source_id, remote_id))"),
        QStringLiteral("CREATE INDEX messages_by_conversation ON messages(conversation_id, id)"),
        QStringLiteral("CREATE TABLE sync_state (source_id INTEGER NOT NULL REFERENCES sources(id)"
                       " ON DELETE CASCADE, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY"
                       " KEY(source_id, key)) WITHOUT ROWID"),
        QStringLiteral("CREATE TABLE canned_responses (id INTEGER PRIMARY KEY, source_id INTEGER"
                       " NOT NULL REFERENCES sources(id) ON DELETE CASCADE, remote_id INTEGER NOT"
                       " NULL, short_code TEXT NOT NULL, content TEXT NOT NULL,"
                       " UNIQUE(source_id, remote_id))"),
    };

    Migration search;
    search.version = 2;
    search.description = QStringLiteral("full-text search over messages and contacts");
    search.statements = {
        // The indexed text is SearchText::forIndex(): accents folded, Han text split into one-
        // and two-character words. Snippets are cut from the original text, never from this.
        QStringLiteral("CREATE VIRTUAL TABLE messages_fts USING fts5(body, tokenize='unicode61"
                       " remove_diacritics 2', detail=column)"),
        QStringLiteral("CREATE VIRTUAL TABLE contacts_fts USING fts5(body, tokenize='unicode61"
                       " remove_diacritics 2')"),
    };
    search.afterStatements = fillSearchIndex;

    // Derived by Metrics::ConversationFacts for the dashboard: one narrow row per conversation
    // with its dimensions and its durations already in business seconds, and one row per
    // customer turn answered. Every write to a conversation (ingest, local change) lists it in
    // facts_dirty; a refresh rebuilds only those. metrics_state remembers the business hours and
    // SLA targets the durations were computed with: when they change, every row is rebuilt.
    Migration facts;
    facts.version = 3;
    facts.description = QStringLiteral("metrics facts derived from conversations and messages");
    facts.statements = {
        QStringLiteral("CREATE TABLE conversation_facts (conversation_id INTEGER PRIMARY KEY"
                       " REFERENCES conversations(id) ON DELETE CASCADE, created_at INTEGER NOT NULL,"
                       " activity_at INTEGER NOT NULL, waiting INTEGER NOT NULL, assignee_id INTEGER,"
                       " team_id INTEGER, inbox_id INTEGER NOT NULL, channel TEXT NOT NULL,"
                       " contact_id INTEGER, csat_rating INTEGER NOT NULL, asked_at INTEGER,"
                       " replied_at INTEGER, resolved_at INTEGER, reopened INTEGER NOT NULL,"
                       " frt_secs INTEGER, resolution_secs INTEGER, target_secs INTEGER NOT NULL,"
                       " slot INTEGER NOT NULL)"),
        QStringLiteral("CREATE INDEX conversation_facts_by_created ON conversation_facts(created_at)"),
        // Ordered by duration: a median is a walk to the middle of an index instead of a sort.
        QStringLiteral("CREATE INDEX conversation_facts_by_frt ON conversation_facts(frt_secs, created_at)"),
        QStringLiteral("CREATE INDEX conversation_facts_by_resolution ON conversation_facts(resolution_secs,"
                       " resolved_at)"),
        // Covering indexes for the grouped metrics: each GROUP BY walks its index in order, with
        // no sort and no table access, whatever the date range.
        QStringLiteral("CREATE INDEX conversation_facts_by_slot ON conversation_facts(slot, created_at)"),
        QStringLiteral("CREATE INDEX conversation_facts_by_channel ON conversation_facts(channel, created_at)"),
        QStringLiteral("CREATE INDEX conversation_facts_by_contact ON conversation_facts(contact_id, created_at)"),
        QStringLiteral("CREATE INDEX conversation_facts_by_csat ON conversation_facts(csat_rating, resolved_at,"
                       " activity_at)"),
        QStringLiteral("CREATE INDEX conversation_facts_by_assignee ON conversation_facts(assignee_id, created_at,"
                       " resolved_at, frt_secs, resolution_secs, csat_rating)"),
        QStringLiteral("CREATE TABLE reply_facts (conversation_id INTEGER NOT NULL REFERENCES"
                       " conversations(id) ON DELETE CASCADE, reply_at INTEGER NOT NULL,"
                       " reply_secs INTEGER NOT NULL)"),
        QStringLiteral("CREATE INDEX reply_facts_by_conversation ON reply_facts(conversation_id)"),
        QStringLiteral("CREATE INDEX reply_facts_by_duration ON reply_facts(reply_secs, reply_at)"),
        QStringLiteral("CREATE TABLE facts_dirty (conversation_id INTEGER PRIMARY KEY)"),
        QStringLiteral("CREATE TABLE metrics_state (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID"),
    };

    // Contact notes (the sidebar's "Notes"): one row per server note, newest first per contact.
    // The author is a local agent when the cache knows them; the name is kept as the server
    // sent it so a note by an agent who left still says who wrote it.
    Migration notes;
    notes.version = 4;
    notes.description = QStringLiteral("contact notes");
    notes.statements = {
        QStringLiteral("CREATE TABLE contact_notes (id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL"
                       " REFERENCES sources(id) ON DELETE CASCADE, remote_id INTEGER NOT NULL,"
                       " contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,"
                       " author_id INTEGER REFERENCES agents(id) ON DELETE SET NULL, author_name TEXT"
                       " NOT NULL DEFAULT '', content TEXT NOT NULL DEFAULT '', created_at INTEGER NOT"
                       " NULL DEFAULT 0, updated_at INTEGER NOT NULL DEFAULT 0,"
                       " UNIQUE(source_id, remote_id))"),
        QStringLiteral("CREATE INDEX contact_notes_by_contact ON contact_notes(contact_id, created_at"
                       " DESC, id DESC)"),
    };

    return {core, search, facts, notes};
}

} // namespace Counterpart::Storage
