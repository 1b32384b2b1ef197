#include "WorkspaceSchema.h"

namespace Counterpart::Storage {

QList<Migration> workspaceMigrations()
{
    Migration drafts;
    drafts.version = 1;
    drafts.description = QStringLiteral("drafts and settings");
    drafts.statements = {
        QStringLiteral("CREATE TABLE drafts (source_uid TEXT NOT NULL, conversation_remote_id"
                       " INTEGER NOT NULL, mode TEXT NOT NULL, body TEXT NOT NULL DEFAULT '',"
                       " subject TEXT NOT NULL DEFAULT '', cc TEXT NOT NULL DEFAULT '', bcc TEXT"
                       " NOT NULL DEFAULT '', updated_at INTEGER NOT NULL, PRIMARY KEY(source_uid,"
                       " conversation_remote_id, mode)) WITHOUT ROWID"),
        QStringLiteral("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
                       " WITHOUT ROWID"),
    };

    Migration outbox;
    outbox.version = 2;
    outbox.description = QStringLiteral("outbox of every write the agent makes");
    outbox.statements = {
        QStringLiteral("CREATE TABLE outbox (id INTEGER PRIMARY KEY, source_uid TEXT NOT NULL,"
                       " conversation_remote_id INTEGER NOT NULL, kind TEXT NOT NULL, payload TEXT"
                       " NOT NULL, state TEXT NOT NULL DEFAULT 'queued', attempts INTEGER NOT NULL"
                       " DEFAULT 0, last_error TEXT NOT NULL DEFAULT '', echo_id TEXT NOT NULL"
                       " DEFAULT '', created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,"
                       " next_attempt_at INTEGER NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE INDEX outbox_by_conversation ON outbox(source_uid,"
                       " conversation_remote_id, id)"),
        QStringLiteral("CREATE INDEX outbox_by_state ON outbox(state, next_attempt_at)"),
    };

    // Accounts hold no secret: the token lives in the system keychain (or, session-only, in
    // memory). The outbox columns let a restart tell "never sent" from "maybe sent": an operation
    // with check_first set is looked up on the server (echo id, messages after the recorded id)
    // before it may be sent again.
    Migration accounts;
    accounts.version = 3;
    accounts.description = QStringLiteral("helpdesk accounts; outbox re-check after a crash");
    accounts.statements = {
        QStringLiteral("CREATE TABLE accounts (id INTEGER PRIMARY KEY, kind TEXT NOT NULL,"
                       " base_url TEXT NOT NULL, remote_account_id INTEGER NOT NULL,"
                       " display_name TEXT NOT NULL DEFAULT '', source_uid TEXT NOT NULL UNIQUE,"
                       " session_only INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL)"),
        QStringLiteral("ALTER TABLE outbox ADD COLUMN check_first INTEGER NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE outbox ADD COLUMN after_remote_message_id INTEGER NOT NULL"
                       " DEFAULT 0"),
        QStringLiteral("ALTER TABLE outbox ADD COLUMN server_message_id INTEGER NOT NULL"
                       " DEFAULT 0"),
    };

    Migration templates;
    templates.version = 4;
    templates.description = QStringLiteral("templates");
    templates.statements = {
        QStringLiteral("CREATE TABLE templates (id INTEGER PRIMARY KEY, uid TEXT NOT NULL UNIQUE,"
                       " name TEXT NOT NULL, shortcut TEXT NOT NULL DEFAULT '', folder TEXT NOT"
                       " NULL DEFAULT '', scope TEXT NOT NULL DEFAULT 'mine', tone TEXT NOT NULL"
                       " DEFAULT '', guidance TEXT NOT NULL DEFAULT '', latte_steps TEXT NOT NULL"
                       " DEFAULT '', created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)"),
        QStringLiteral("CREATE INDEX templates_by_shortcut ON templates(shortcut)"),
        QStringLiteral("CREATE INDEX templates_by_folder ON templates(folder, name)"),
        QStringLiteral("CREATE TABLE template_variants (template_id INTEGER NOT NULL REFERENCES"
                       " templates(id) ON DELETE CASCADE, language TEXT NOT NULL, form TEXT NOT"
                       " NULL, subject TEXT NOT NULL DEFAULT '', body TEXT NOT NULL, PRIMARY"
                       " KEY(template_id, language, form)) WITHOUT ROWID"),
    };

    // A lead's reviews: one scorecard per conversation (replies and rubric answers as JSON, the
    // total and the agent in columns because they are listed and averaged) and annotations
    // pinned to messages.
    Migration reviews;
    reviews.version = 5;
    reviews.description = QStringLiteral("review scorecards and annotations");
    reviews.statements = {
        QStringLiteral("CREATE TABLE scorecards (id INTEGER PRIMARY KEY, source_uid TEXT NOT NULL,"
                       " conversation_remote_id INTEGER NOT NULL, agent_remote_id INTEGER NOT NULL"
                       " DEFAULT 0, agent_name TEXT NOT NULL DEFAULT '', reviewer TEXT NOT NULL"
                       " DEFAULT '', total REAL NOT NULL, replies TEXT NOT NULL DEFAULT '[]',"
                       " rubric TEXT NOT NULL DEFAULT '{}', comment TEXT NOT NULL DEFAULT '',"
                       " conversation_at INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL,"
                       " updated_at INTEGER NOT NULL, shared_at INTEGER,"
                       " UNIQUE(source_uid, conversation_remote_id))"),
        QStringLiteral("CREATE INDEX scorecards_by_agent ON scorecards(source_uid, agent_remote_id,"
                       " conversation_at)"),
        QStringLiteral("CREATE TABLE annotations (id INTEGER PRIMARY KEY, source_uid TEXT NOT NULL,"
                       " conversation_remote_id INTEGER NOT NULL, message_remote_id INTEGER NOT"
                       " NULL, kind TEXT NOT NULL, text TEXT NOT NULL, created_at INTEGER NOT NULL)"),
        QStringLiteral("CREATE INDEX annotations_by_conversation ON annotations(source_uid,"
                       " conversation_remote_id, message_remote_id)"),
    };

    return {drafts, outbox, accounts, templates, reviews};
}

} // namespace Counterpart::Storage
