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

    return {drafts, outbox};
}

} // namespace Counterpart::Storage
