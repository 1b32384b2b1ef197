#include "IngestWriter.h"

#include "CacheStore.h"
#include "search/SearchText.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlError>

#include <algorithm>
#include <future>

namespace Counterpart::Storage {

using namespace Domain;

namespace {

// QtSql binds a null QString as SQL NULL, and the text columns are NOT NULL: a connector that
// leaves a field unset (no timezone, no address) must store '' instead of failing the page.
QString notNull(const QString &text) { return text.isNull() ? QStringLiteral("") : text; }

qint64 toSecs(const QDateTime &time) { return time.isValid() ? time.toSecsSinceEpoch() : 0; }

QByteArray jsonBytes(const QJsonObject &object) { return QJsonDocument(object).toJson(QJsonDocument::Compact); }

qint64 nextFreeMessageKey(const QSqlDatabase &db, qint64 createdAtSecs)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT max(id) FROM messages WHERE id BETWEEN ? AND ?"));
    query.addBindValue(CacheStore::messageKey(createdAtSecs, 0));
    query.addBindValue(CacheStore::messageKey(createdAtSecs, 0x3FFFFF));
    if (!query.exec() || !query.next() || query.value(0).isNull())
        return CacheStore::messageKey(createdAtSecs, 0);
    return query.value(0).toLongLong() + 1;
}

/** Steps once, keeps the error, resets: for statements that return nothing. */
bool stepDone(SqliteStatement &statement, QString *error)
{
    const bool stepped = statement.step();
    if (!stepped)
        *error = statement.errorString();
    statement.reset();
    return stepped;
}

} // namespace

struct IngestWriter::Statements
{
    explicit Statements(const QSqlDatabase &db)
        : db(db), inbox(db), agent(db), team(db), label(db)
    {
    }
    QSqlDatabase db;
    // A handful of rows per sync: QtSql is fine.
    QSqlQuery inbox, agent, team, label;
    SqliteStatement contact, contactUpdate, contactIndexed, contactFts, conversation, conversationUpdate,
        clearLabels, addLabel, preview, staleFacts, message, messageUpdate, messageFtsInsert, messageFtsDelete,
        note, noteUpdate;
};

IngestWriter::IngestWriter(RemoteIdMap &ids)
    : m_ids(ids)
{
}

IngestWriter::~IngestWriter() = default;

bool IngestWriter::prepare(const QSqlDatabase &db, QString *error)
{
    m_statements = std::make_unique<Statements>(db);
    auto &s = *m_statements;
    const std::pair<QSqlQuery *, QString> directory[] = {
        {&s.inbox, QStringLiteral(
             "INSERT INTO inboxes(source_id, remote_id, name, channel, timezone, address)"
             " VALUES(?,?,?,?,?,?) ON CONFLICT(source_id, remote_id) DO UPDATE SET"
             " name=excluded.name, channel=excluded.channel, timezone=excluded.timezone,"
             " address=excluded.address RETURNING id")},
        {&s.agent, QStringLiteral(
             "INSERT INTO agents(source_id, remote_id, name, email, role, availability)"
             " VALUES(?,?,?,?,?,?) ON CONFLICT(source_id, remote_id) DO UPDATE SET"
             " name=excluded.name, email=excluded.email, role=excluded.role,"
             " availability=excluded.availability RETURNING id")},
        {&s.team, QStringLiteral(
             "INSERT INTO teams(source_id, remote_id, name) VALUES(?,?,?)"
             " ON CONFLICT(source_id, remote_id) DO UPDATE SET name=excluded.name RETURNING id")},
        {&s.label, QStringLiteral(
             "INSERT INTO labels(source_id, remote_id, title, description, color)"
             " VALUES(?,?,?,?,?) ON CONFLICT(source_id, remote_id) DO UPDATE SET"
             " title=excluded.title, description=excluded.description, color=excluded.color")},
    };
    for (const auto &[query, sql] : directory) {
        if (!query->prepare(sql)) {
            *error = query->lastError().text() + QStringLiteral(" in: ") + sql.left(80);
            return false;
        }
    }
    sqlite3 *handle = SqliteStatement::handleOf(db);
    const std::pair<SqliteStatement *, QString> perRow[] = {
        // Update and insert with numbered parameters, so one binding serves both (see upsert()).
        // Neither needs a statement journal; an ON CONFLICT DO UPDATE upsert does, per row.
        {&s.contactUpdate, QStringLiteral(
             "UPDATE contacts SET name=?3, email=?4, phone=?5, language=?6, timezone=?7,"
             " location=?8, company=?9, custom_attributes=?10, created_at=?11, last_activity_at=?12"
             " WHERE source_id=?1 AND remote_id=?2 RETURNING id")},
        {&s.contact, QStringLiteral(
             "INSERT INTO contacts(source_id, remote_id, name, email, phone, language, timezone,"
             " location, company, custom_attributes, created_at, last_activity_at)"
             " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)"
             " ON CONFLICT(source_id, remote_id) DO NOTHING RETURNING id")},
        {&s.contactIndexed, QStringLiteral("SELECT body FROM contacts_fts WHERE rowid=?")},
        {&s.contactFts, QStringLiteral("INSERT OR REPLACE INTO contacts_fts(rowid, body) VALUES(?,?)")},
        {&s.conversationUpdate, QStringLiteral(
             "UPDATE conversations SET inbox_id=?3, contact_id=?4, assignee_id=?5, team_id=?6,"
             " status=?7, priority=?8, subject=?9, unread_count=?10, created_at=?11,"
             " last_activity_at=?12, waiting_since=?13, first_reply_at=?14, snoozed_until=?15,"
             " csat_rating=?16, csat_comment=?17, custom_attributes=?18"
             " WHERE source_id=?1 AND remote_id=?2 RETURNING id")},
        {&s.conversation, QStringLiteral(
             "INSERT INTO conversations(source_id, remote_id, inbox_id, contact_id, assignee_id,"
             " team_id, status, priority, subject, unread_count, created_at, last_activity_at,"
             " waiting_since, first_reply_at, snoozed_until, csat_rating, csat_comment,"
             " custom_attributes) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,"
             "?17,?18) ON CONFLICT(source_id, remote_id) DO NOTHING RETURNING id")},
        {&s.clearLabels, QStringLiteral("DELETE FROM conversation_labels WHERE conversation_id=?")},
        {&s.addLabel, QStringLiteral(
             "INSERT OR IGNORE INTO conversation_labels(conversation_id, label) VALUES(?,?)")},
        {&s.preview, QStringLiteral(
             "UPDATE conversations SET preview=coalesce((SELECT text FROM messages WHERE"
             " conversation_id=conversations.id AND kind IN ('incoming','outgoing') ORDER BY id"
             " DESC LIMIT 1), '') WHERE id=?")},
        // Any write makes the conversation's metrics facts stale (see Metrics::ConversationFacts).
        {&s.staleFacts, QStringLiteral("INSERT OR IGNORE INTO facts_dirty(conversation_id) VALUES(?)")},
        // Insert-or-ignore, then update only when the row existed.
        {&s.message, QStringLiteral(
             "INSERT OR IGNORE INTO messages(id, source_id, remote_id, conversation_id, kind,"
             " sender_kind, sender_id, sender_name, text, html, attachments, created_at, delivery,"
             " echo_id) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)")},
        {&s.messageUpdate, QStringLiteral(
             "UPDATE messages SET text=?, html=?, attachments=?, delivery=?, sender_name=?"
             " WHERE source_id=? AND remote_id=? RETURNING id")},
        {&s.messageFtsInsert, QStringLiteral("INSERT INTO messages_fts(rowid, body) VALUES(?,?)")},
        {&s.messageFtsDelete, QStringLiteral("DELETE FROM messages_fts WHERE rowid=?")},
        {&s.note, QStringLiteral(
             "INSERT INTO contact_notes(source_id, remote_id, contact_id, author_id, author_name, content,"
             " created_at, updated_at) VALUES(?1,?2,?3,?4,?5,?6,?7,?8)"
             " ON CONFLICT(source_id, remote_id) DO NOTHING")},
        {&s.noteUpdate, QStringLiteral(
             "UPDATE contact_notes SET contact_id=?3, author_id=?4, author_name=?5, content=?6,"
             " created_at=?7, updated_at=?8 WHERE source_id=?1 AND remote_id=?2")},
    };
    for (const auto &[statement, sql] : perRow) {
        if (!statement->prepare(handle, sql)) {
            *error = statement->errorString() + QStringLiteral(" in: ") + sql.left(80);
            return false;
        }
    }
    return true;
}

bool IngestWriter::write(qint64 sourceId, const IngestBatch &batch, Touched *touched, QString *error)
{
    if (!m_statements) {
        *error = QStringLiteral("the cache is not open");
        return false;
    }
    m_contactIndex.clear();
    m_contactText.clear();
    m_messageIndex.clear();
    m_messageIndex.reserve(batch.messages.size());
    // Folding the messages' search text is pure CPU work that SQLite does not need until the
    // index is written at the end: it runs on another core meanwhile. (The future's destructor
    // waits for it on every early return, so `batch` outlives the task.)
    std::future<QList<QString>> foldedMessages = std::async(std::launch::async, [&batch] {
        QList<QString> folded;
        folded.reserve(batch.messages.size());
        for (const auto &message : batch.messages)
            folded.append(Search::SearchText::forIndex(message.text));
        return folded;
    });
    return writeDirectory(sourceId, batch, error) && writeContacts(sourceId, batch, error)
        && writeConversations(sourceId, batch, touched, error) && writeMessages(sourceId, batch, touched, error)
        && writeContactNotes(sourceId, batch, touched, error) && writeSearchIndex(foldedMessages.get(), error);
}

qint64 IngestWriter::upsert(SqliteStatement &update, SqliteStatement &insert, bool likelyExists,
                            const std::function<void(SqliteStatement &)> &bindAll, bool *inserted, QString *error)
{
    // Either statement returns the id when it wrote the row and nothing (not an error) when the
    // other one is needed: a row to update that is not there, a row to insert that already is.
    SqliteStatement *order[] = {likelyExists ? &update : &insert, likelyExists ? &insert : &update};
    for (SqliteStatement *statement : order) {
        bindAll(*statement);
        const bool stepped = statement->step();
        const qint64 id = stepped && statement->rowReady() ? statement->columnInt64(0) : 0;
        if (!stepped)
            *error = statement->errorString();
        statement->reset();
        *inserted = statement == &insert;
        if (!stepped || id != 0)
            return id;
    }
    *error = QStringLiteral("a row was neither inserted nor updated");
    return 0;
}

bool IngestWriter::writeDirectory(qint64 sourceId, const IngestBatch &batch, QString *error)
{
    auto &s = *m_statements;
    auto runReturningId = [error](QSqlQuery &query) -> qint64 {
        if (!query.exec()) {
            *error = query.lastError().text();
            return 0;
        }
        const qint64 id = query.next() ? query.value(0).toLongLong() : 0;
        query.finish();
        return id;
    };
    for (const auto &inbox : batch.inboxes) {
        s.inbox.bindValue(0, sourceId);
        s.inbox.bindValue(1, inbox.remoteId);
        s.inbox.bindValue(2, notNull(inbox.name));
        s.inbox.bindValue(3, channelKey(inbox.channel));
        s.inbox.bindValue(4, notNull(inbox.timezone));
        s.inbox.bindValue(5, notNull(inbox.address));
        const qint64 id = runReturningId(s.inbox);
        if (id == 0)
            return false;
        m_ids.remember(RemoteTable::Inboxes, sourceId, inbox.remoteId, id);
    }
    for (const auto &agent : batch.agents) {
        s.agent.bindValue(0, sourceId);
        s.agent.bindValue(1, agent.remoteId);
        s.agent.bindValue(2, notNull(agent.name));
        s.agent.bindValue(3, notNull(agent.email));
        s.agent.bindValue(4, agent.role.isEmpty() ? QStringLiteral("agent") : agent.role);
        s.agent.bindValue(5, agent.availability.isEmpty() ? QStringLiteral("offline") : agent.availability);
        const qint64 id = runReturningId(s.agent);
        if (id == 0)
            return false;
        m_ids.remember(RemoteTable::Agents, sourceId, agent.remoteId, id);
    }
    for (const auto &team : batch.teams) {
        s.team.bindValue(0, sourceId);
        s.team.bindValue(1, team.remoteId);
        s.team.bindValue(2, notNull(team.name));
        const qint64 id = runReturningId(s.team);
        if (id == 0)
            return false;
        m_ids.remember(RemoteTable::Teams, sourceId, team.remoteId, id);
    }
    for (const auto &label : batch.labels) {
        s.label.bindValue(0, sourceId);
        s.label.bindValue(1, label.remoteId);
        s.label.bindValue(2, notNull(label.title));
        s.label.bindValue(3, notNull(label.description));
        s.label.bindValue(4, notNull(label.color));
        if (!s.label.exec()) {
            *error = s.label.lastError().text();
            return false;
        }
    }
    return true;
}

bool IngestWriter::writeContacts(qint64 sourceId, const IngestBatch &batch, QString *error)
{
    auto &s = *m_statements;
    for (const auto &contact : batch.contacts) {
        const QByteArray attributes = jsonBytes(contact.customAttributes);
        const bool known = m_ids.isRemembered(RemoteTable::Contacts, sourceId, contact.remoteId);
        bool inserted = false;
        const qint64 id = upsert(s.contactUpdate, s.contact, known, [&](SqliteStatement &statement) {
            statement.bind(0, sourceId);
            statement.bind(1, contact.remoteId);
            statement.bind(2, contact.name);
            statement.bind(3, contact.email);
            statement.bind(4, contact.phone);
            statement.bind(5, contact.language);
            statement.bind(6, contact.timezone);
            statement.bind(7, contact.location);
            statement.bind(8, contact.company);
            statement.bindUtf8(9, attributes);
            statement.bind(10, toSecs(contact.createdAt));
            statement.bind(11, toSecs(contact.lastActivityAt));
        }, &inserted, error);
        if (id == 0)
            return false;
        m_ids.remember(RemoteTable::Contacts, sourceId, contact.remoteId, id);
        const QString text = Search::SearchText::forIndex(
            QStringList{contact.name, contact.email, contact.phone, contact.company}.join(QLatin1Char(' ')));
        // A contact sent again with every conversation of theirs usually has the same name and
        // address: rewriting its index row would cost a delete and an insert in the FTS tables.
        // Read now, before this transaction writes any search row (see writeSearchIndex).
        bool indexed = false;
        bool unchanged = false;
        if (!inserted) {
            s.contactIndexed.bind(0, id);
            indexed = s.contactIndexed.step() && s.contactIndexed.rowReady();
            unchanged = indexed && s.contactIndexed.columnText(0) == text;
            s.contactIndexed.reset();
        }
        if (unchanged)
            continue;
        m_contactIndex.append({id, indexed, m_contactText.size()});
        m_contactText.append(text);
    }
    return true;
}

bool IngestWriter::writeConversations(qint64 sourceId, const IngestBatch &batch, Touched *touched, QString *error)
{
    auto &s = *m_statements;
    for (const auto &conversation : batch.conversations) {
        const qint64 inboxId = m_ids.find(RemoteTable::Inboxes, sourceId, conversation.inboxId);
        if (inboxId == 0) {
            *error = CacheStore::tr("Conversation %1 refers to unknown inbox %2")
                         .arg(conversation.remoteId)
                         .arg(conversation.inboxId);
            return false;
        }
        const QString status = statusKey(conversation.status);
        const QByteArray attributes = jsonBytes(conversation.customAttributes);
        const qint64 contactId = m_ids.find(RemoteTable::Contacts, sourceId, conversation.contactId);
        const qint64 assigneeId = m_ids.find(RemoteTable::Agents, sourceId, conversation.assigneeId);
        const qint64 teamId = m_ids.find(RemoteTable::Teams, sourceId, conversation.teamId);
        auto bindAll = [&](SqliteStatement &statement) {
            auto bindIdOrNull = [&](int column, qint64 id) {
                if (id)
                    statement.bind(column, id);
                else
                    statement.bindNull(column);
            };
            auto bindTimeOrNull = [&](int column, const QDateTime &time) {
                if (time.isValid())
                    statement.bind(column, time.toSecsSinceEpoch());
                else
                    statement.bindNull(column);
            };
            statement.bind(0, sourceId);
            statement.bind(1, conversation.remoteId);
            statement.bind(2, inboxId);
            bindIdOrNull(3, contactId);
            bindIdOrNull(4, assigneeId);
            bindIdOrNull(5, teamId);
            statement.bind(6, status);
            statement.bind(7, qint64(conversation.priority));
            statement.bind(8, conversation.subject);
            statement.bind(9, qint64(conversation.unreadCount));
            statement.bind(10, toSecs(conversation.createdAt));
            statement.bind(11, toSecs(conversation.lastActivityAt));
            bindTimeOrNull(12, conversation.waitingSince);
            bindTimeOrNull(13, conversation.firstReplyAt);
            bindTimeOrNull(14, conversation.snoozedUntil);
            statement.bind(15, qint64(conversation.csatRating));
            statement.bind(16, conversation.csatComment);
            statement.bindUtf8(17, attributes);
        };
        const bool known = m_ids.isRemembered(RemoteTable::Conversations, sourceId, conversation.remoteId);
        bool inserted = false;
        const qint64 id = upsert(s.conversationUpdate, s.conversation, known, bindAll, &inserted, error);
        if (id == 0)
            return false;
        m_ids.remember(RemoteTable::Conversations, sourceId, conversation.remoteId, id);
        s.staleFacts.bind(0, id);
        if (!stepDone(s.staleFacts, error))
            return false;
        touched->conversations.insert(id);
        if (!inserted) { // a new row has no labels to replace
            s.clearLabels.bind(0, id);
            if (!stepDone(s.clearLabels, error))
                return false;
        }
        for (const auto &label : conversation.labels) {
            s.addLabel.bind(0, id);
            s.addLabel.bind(1, label);
            if (!stepDone(s.addLabel, error))
                return false;
        }
    }
    return true;
}

bool IngestWriter::writeMessages(qint64 sourceId, const IngestBatch &batch, Touched *touched, QString *error)
{
    auto &s = *m_statements;
    QSet<qint64> touchedConversations;
    qsizetype position = -1;
    for (const auto &message : batch.messages) {
        ++position;
        const qint64 conversationId = m_ids.find(RemoteTable::Conversations, sourceId, message.conversationId);
        if (conversationId == 0) {
            *error = CacheStore::tr("Message %1 refers to unknown conversation %2")
                         .arg(message.remoteId)
                         .arg(message.conversationId);
            return false;
        }
        const RemoteTable senderTable = message.senderKind == SenderKind::Contact ? RemoteTable::Contacts
                                                                                  : RemoteTable::Agents;
        const qint64 senderId = m_ids.find(senderTable, sourceId, message.senderId);
        const qint64 created = toSecs(message.createdAt);
        const QString kindText = messageKindKey(message.kind);
        const QString senderKindText = senderKindKey(message.senderKind);
        const QString deliveryText = deliveryKey(message.delivery);
        const QByteArray attachments = message.attachments.isEmpty()
            ? QByteArray("")
            : QJsonDocument(attachmentsToJson(message.attachments)).toJson(QJsonDocument::Compact);
        qint64 id = 0;
        bool inserted = false; // a new row: nothing indexed yet (an existing id may equal the proposal)
        // The sequence restarts with every session, so a second that already holds messages
        // from an earlier one (imports often share one timestamp) collides; then continue after
        // the highest key of that second, which also keeps arrival order.
        for (int attempt = 0; attempt < 8 && id == 0; ++attempt) {
            const qint64 proposed = attempt == 0 ? CacheStore::messageKey(created, ++m_messageSequence)
                                                 : nextFreeMessageKey(s.db, created);
            s.message.bind(0, proposed);
            s.message.bind(1, sourceId);
            s.message.bind(2, message.remoteId);
            s.message.bind(3, conversationId);
            s.message.bind(4, kindText);
            s.message.bind(5, senderKindText);
            if (senderId)
                s.message.bind(6, senderId);
            else
                s.message.bindNull(6);
            s.message.bind(7, message.senderName);
            s.message.bind(8, message.text);
            s.message.bind(9, message.html);
            s.message.bindUtf8(10, attachments);
            s.message.bind(11, created);
            s.message.bind(12, deliveryText);
            s.message.bind(13, message.echoId);
            const bool stepped = s.message.step();
            const int changed = s.message.changes();
            if (!stepped)
                *error = s.message.errorString();
            s.message.reset();
            if (stepped && changed == 1) {
                id = proposed;
                inserted = true;
            } else if (stepped) {
                // Either this remote message exists (update it) or the proposed key was taken
                // (the update finds nothing and the loop tries the next key).
                s.messageUpdate.bind(0, message.text);
                s.messageUpdate.bind(1, message.html);
                s.messageUpdate.bindUtf8(2, attachments);
                s.messageUpdate.bind(3, deliveryText);
                s.messageUpdate.bind(4, message.senderName);
                s.messageUpdate.bind(5, sourceId);
                s.messageUpdate.bind(6, message.remoteId);
                if (s.messageUpdate.step() && s.messageUpdate.rowReady())
                    id = s.messageUpdate.columnInt64(0);
                else if (!s.messageUpdate.rowReady())
                    *error = s.messageUpdate.errorString();
                s.messageUpdate.reset();
            }
        }
        if (id == 0)
            return false;
        // Re-ingesting the same messages in the same order in a new process proposes the very
        // ids they already have, so only the insert itself says whether the row is new.
        m_messageIndex.append({id, !inserted, position});
        touchedConversations.insert(conversationId);
    }
    for (const qint64 conversationId : std::as_const(touchedConversations)) {
        s.preview.bind(0, conversationId);
        if (!stepDone(s.preview, error))
            return false;
        if (touched->conversations.contains(conversationId))
            continue; // written above, so already listed as stale
        touched->conversations.insert(conversationId);
        s.staleFacts.bind(0, conversationId);
        if (!stepDone(s.staleFacts, error))
            return false;
    }
    return true;
}

bool IngestWriter::writeContactNotes(qint64 sourceId, const IngestBatch &batch, Touched *touched, QString *error)
{
    auto &s = *m_statements;
    QHash<qint64, QStringList> remoteIdsOfContact; // local contact id -> remote note ids seen
    for (const ContactNote &note : batch.contactNotes) {
        const qint64 contactId = m_ids.find(RemoteTable::Contacts, sourceId, note.contactId);
        if (contactId == 0) {
            *error = CacheStore::tr("Contact note %1 refers to unknown contact %2").arg(note.remoteId).arg(note.contactId);
            return false;
        }
        const qint64 authorId = m_ids.find(RemoteTable::Agents, sourceId, note.authorId);
        auto bindAll = [&](SqliteStatement &statement) {
            statement.bind(0, sourceId);
            statement.bind(1, note.remoteId);
            statement.bind(2, contactId);
            if (authorId)
                statement.bind(3, authorId);
            else
                statement.bindNull(3);
            statement.bind(4, note.authorName);
            statement.bind(5, note.content);
            statement.bind(6, toSecs(note.createdAt));
            statement.bind(7, toSecs(note.updatedAt.isValid() ? note.updatedAt : note.createdAt));
        };
        bindAll(s.note);
        if (!stepDone(s.note, error))
            return false;
        if (s.note.changes() == 0) { // known already: the server may have edited it
            bindAll(s.noteUpdate);
            if (!stepDone(s.noteUpdate, error))
                return false;
        }
        remoteIdsOfContact[contactId].append(QString::number(note.remoteId));
        touched->noteContacts.insert(contactId);
    }
    for (const qint64 contactRemoteId : batch.completeNoteListsOf) {
        const qint64 contactId = m_ids.find(RemoteTable::Contacts, sourceId, contactRemoteId);
        if (contactId == 0)
            continue; // nothing cached about them, so nothing to forget
        // The ids are integers formatted here, never text from outside: safe to inline.
        const QStringList kept = remoteIdsOfContact.value(contactId);
        QSqlQuery remove(s.db);
        remove.prepare(QStringLiteral("DELETE FROM contact_notes WHERE contact_id=?")
                       + (kept.isEmpty() ? QString()
                                         : QStringLiteral(" AND remote_id NOT IN (") + kept.join(QLatin1Char(','))
                                               + QLatin1Char(')')));
        remove.addBindValue(contactId);
        if (!remove.exec()) {
            *error = remove.lastError().text();
            return false;
        }
        if (remove.numRowsAffected() > 0)
            touched->noteContacts.insert(contactId);
    }
    return true;
}

bool IngestWriter::writeSearchIndex(const QList<QString> &foldedMessages, QString *error)
{
    // The search index goes last. In SQLite 3.40 FTS5 flushes its pending terms to disk at every
    // statement savepoint and whenever a rowid is not above the previous one written in the
    // transaction. Interleaving rows and index cost a flush per message (5x the whole page);
    // so the index is written after every row, in ascending rowid order (a sync delivers
    // conversations newest first, each with its messages oldest first).
    auto &s = *m_statements;
    auto byId = [](const IndexEntry &a, const IndexEntry &b) { return a.id < b.id; };
    std::sort(m_contactIndex.begin(), m_contactIndex.end(), byId);
    for (const auto &entry : std::as_const(m_contactIndex)) {
        s.contactFts.bind(0, entry.id);
        s.contactFts.bind(1, m_contactText.at(entry.position));
        if (!stepDone(s.contactFts, error))
            return false;
    }
    std::sort(m_messageIndex.begin(), m_messageIndex.end(), byId);
    for (const auto &entry : std::as_const(m_messageIndex)) {
        if (entry.replaces) {
            s.messageFtsDelete.bind(0, entry.id);
            if (!stepDone(s.messageFtsDelete, error))
                return false;
        }
        s.messageFtsInsert.bind(0, entry.id);
        s.messageFtsInsert.bind(1, foldedMessages.at(entry.position));
        if (!stepDone(s.messageFtsInsert, error))
            return false;
    }
    return true;
}

} // namespace Counterpart::Storage
