#include "CacheStore.h"

#include "CacheSchema.h"
#include "SqlTransaction.h"
#include "SqliteStatement.h"
#include "search/SearchText.h"

#include <QDateTime>
#include <QSet>

#include <array>
#include <functional>
#include <future>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlError>

namespace Counterpart::Storage {

using namespace Domain;

namespace {

// QtSql binds a null QString as SQL NULL, and the text columns are NOT NULL: a connector that
// leaves a field unset (no timezone, no HTML body) must store '' instead of failing the page.
QString notNull(const QString &text) { return text.isNull() ? QStringLiteral("") : text; }

qint64 toSecs(const QDateTime &time) { return time.isValid() ? time.toSecsSinceEpoch() : 0; }


QDateTime fromSecs(const QVariant &value)
{
    if (value.isNull() || value.toLongLong() == 0)
        return {};
    return QDateTime::fromSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QString jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject jsonObject(const QVariant &value)
{
    return QJsonDocument::fromJson(value.toString().toUtf8()).object();
}

const char *tableName(int table)
{
    static const char *names[] = {"inboxes", "agents", "teams", "contacts", "conversations"};
    return names[table];
}

qint64 cacheKey(qint64 sourceId, qint64 remoteId) { return (sourceId << 44) ^ remoteId; }

bool moveAside(const QString &path, QString *movedTo)
{
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-hhmmss"));
    QString target = path + QStringLiteral(".broken-") + stamp;
    for (int i = 1; QFile::exists(target); ++i)
        target = path + QStringLiteral(".broken-") + stamp + QLatin1Char('-') + QString::number(i);
    if (!QFile::rename(path, target))
        return false;
    // The WAL and shared-memory files belong to the old database; leaving them would let SQLite
    // replay foreign pages into the new one.
    for (const auto *suffix : {"-wal", "-shm"}) {
        const QString side = path + QLatin1String(suffix);
        if (QFile::exists(side))
            QFile::rename(side, target + QLatin1String(suffix));
    }
    *movedTo = target;
    return true;
}

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

} // namespace

struct CacheStore::Statements
{
    explicit Statements(const QSqlDatabase &db)
        : inbox(db), agent(db), team(db), label(db), contactFts(db)
    {
    }
    QSqlQuery inbox, agent, team, label, contactFts;
    // Once per conversation or message: straight on the sqlite3 handle (see SqliteStatement).
    SqliteStatement contact, contactUpdate, conversation, conversationUpdate, clearLabels, addLabel, preview, staleFacts, message, messageUpdate,
        messageFtsInsert, messageFtsDelete;
};

CacheStore::CacheStore(QObject *parent)
    : QObject(parent)
{
}

CacheStore::~CacheStore() { close(); }

void CacheStore::close()
{
    m_statements.reset();
    m_db.close();
    for (auto &cache : m_idCache)
        cache.clear();
}

CacheStore::OpenReport CacheStore::open(const QString &path)
{
    close();
    OpenReport report;
    auto status = m_db.open(path, cacheMigrations());
    if (status == Database::OpenStatus::Corrupt || status == Database::OpenStatus::TooNew
        || status == Database::OpenStatus::MigrationFailed) {
        const QString reason = m_db.errorString();
        if (!moveAside(path, &report.movedAsidePath)) {
            report.message = tr("The local cache %1 cannot be read (%2) and could not be moved "
                                "aside. Check the folder's permissions.")
                                 .arg(path, reason);
            return report;
        }
        report.rebuilt = true;
        report.message = tr("The local cache could not be used (%1). It was moved to %2 and a new "
                            "one is being built from the server; none of your drafts or outbox "
                            "items are stored there.")
                             .arg(reason, report.movedAsidePath);
        status = m_db.open(path, cacheMigrations());
    }
    if (status != Database::OpenStatus::Ok) {
        report.message = tr("The local cache %1 cannot be opened: %2").arg(path, m_db.errorString());
        return report;
    }
    QString error;
    if (!prepareStatements(&error)) {
        report.message = error;
        return report;
    }
    report.ok = true;
    return report;
}

bool CacheStore::prepareStatements(QString *error)
{
    m_statements = std::make_unique<Statements>(m_db.connection());
    auto &s = *m_statements;
    const std::pair<QSqlQuery *, QString> all[] = {
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
        {&s.contactFts, QStringLiteral("INSERT OR REPLACE INTO contacts_fts(rowid, body) VALUES(?,?)")},
    };
    for (const auto &[query, sql] : all) {
        if (!query->prepare(sql)) {
            *error = query->lastError().text() + QStringLiteral(" in: ") + sql.left(80);
            return false;
        }
    }
    sqlite3 *handle = SqliteStatement::handleOf(m_db.connection());
    const std::pair<SqliteStatement *, QString> raw[] = {
        // Update-then-insert with numbered parameters (one binding serves both): unlike
        // ON CONFLICT DO UPDATE, neither needs a statement journal, which costs a savepoint per row.
        {&s.contactUpdate, QStringLiteral(
             "UPDATE contacts SET name=?3, email=?4, phone=?5, language=?6, timezone=?7,"
             " location=?8, company=?9, custom_attributes=?10, created_at=?11, last_activity_at=?12"
             " WHERE source_id=?1 AND remote_id=?2 RETURNING id")},
        {&s.contact, QStringLiteral(
             "INSERT INTO contacts(source_id, remote_id, name, email, phone, language, timezone,"
             " location, company, custom_attributes, created_at, last_activity_at)"
             " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12) RETURNING id")},
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
             "?17,?18) RETURNING id")},
        {&s.clearLabels, QStringLiteral("DELETE FROM conversation_labels WHERE conversation_id=?")},
        {&s.addLabel, QStringLiteral(
             "INSERT OR IGNORE INTO conversation_labels(conversation_id, label) VALUES(?,?)")},
        {&s.preview, QStringLiteral(
             // One placeholder only: QtSql counts "?1" twice but SQLite once ("Parameter count
             // mismatch"), so the subquery refers to the outer row instead.
             "UPDATE conversations SET preview=coalesce((SELECT text FROM messages WHERE"
             " conversation_id=conversations.id AND kind IN ('incoming','outgoing') ORDER BY id"
             " DESC LIMIT 1), '') WHERE id=?")},
        // Any write makes the conversation's metrics facts stale (see Metrics::ConversationFacts).
        {&s.staleFacts, QStringLiteral("INSERT OR IGNORE INTO facts_dirty(conversation_id) VALUES(?)")},
        // Insert-or-ignore, then update only when the row existed: a one-row INSERT needs no
        // statement journal, an ON CONFLICT DO UPDATE upsert does (one savepoint per message).
        {&s.message, QStringLiteral(
             "INSERT OR IGNORE INTO messages(id, source_id, remote_id, conversation_id, kind,"
             " sender_kind, sender_id, sender_name, text, html, attachments, created_at, delivery,"
             " echo_id) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)")},
        {&s.messageUpdate, QStringLiteral(
             "UPDATE messages SET text=?, html=?, attachments=?, delivery=?, sender_name=?"
             " WHERE source_id=? AND remote_id=? RETURNING id")},
        {&s.messageFtsInsert, QStringLiteral("INSERT INTO messages_fts(rowid, body) VALUES(?,?)")},
        {&s.messageFtsDelete, QStringLiteral("DELETE FROM messages_fts WHERE rowid=?")},
    };
    for (const auto &[statement, sql] : raw) {
        if (!statement->prepare(handle, sql)) {
            *error = statement->errorString() + QStringLiteral(" in: ") + sql.left(80);
            return false;
        }
    }
    return true;
}

qint64 CacheStore::messageKey(qint64 createdAtSecs, quint32 sequence)
{
    return (createdAtSecs << 22) | (sequence & 0x3FFFFF);
}

void CacheStore::rememberId(Table table, qint64 sourceId, qint64 remoteId, qint64 id)
{
    m_idCache[int(table)].insert(cacheKey(sourceId, remoteId), id);
}

qint64 CacheStore::localId(Table table, qint64 sourceId, qint64 remoteId)
{
    if (remoteId == 0)
        return 0;
    auto &cache = m_idCache[int(table)];
    const auto found = cache.constFind(cacheKey(sourceId, remoteId));
    if (found != cache.constEnd())
        return found.value();
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("SELECT id FROM %1 WHERE source_id=? AND remote_id=?")
                      .arg(QLatin1String(tableName(int(table)))));
    query.addBindValue(sourceId);
    query.addBindValue(remoteId);
    if (!query.exec() || !query.next())
        return 0;
    const qint64 id = query.value(0).toLongLong();
    cache.insert(cacheKey(sourceId, remoteId), id);
    return id;
}

qint64 CacheStore::ensureSource(const Source &source)
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral(
        "INSERT INTO sources(uid, kind, name, base_url, account_id) VALUES(?,?,?,?,?)"
        " ON CONFLICT(uid) DO UPDATE SET kind=excluded.kind, name=excluded.name,"
        " base_url=excluded.base_url, account_id=excluded.account_id RETURNING id"));
    query.addBindValue(source.uid);
    query.addBindValue(notNull(source.kind));
    query.addBindValue(notNull(source.name));
    query.addBindValue(notNull(source.baseUrl));
    query.addBindValue(source.accountId);
    if (!query.exec() || !query.next())
        return 0;
    return query.value(0).toLongLong();
}

static Source readSource(const QSqlQuery &query)
{
    Source source;
    source.id = query.value(0).toLongLong();
    source.uid = query.value(1).toString();
    source.kind = query.value(2).toString();
    source.name = query.value(3).toString();
    source.baseUrl = query.value(4).toString();
    source.accountId = query.value(5).toLongLong();
    return source;
}

std::optional<Source> CacheStore::sourceByUid(const QString &uid) const
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral(
        "SELECT id, uid, kind, name, base_url, account_id FROM sources WHERE uid=?"));
    query.addBindValue(uid);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return readSource(query);
}

QList<Source> CacheStore::sources() const
{
    QList<Source> result;
    QSqlQuery query(m_db.connection());
    query.exec(QStringLiteral("SELECT id, uid, kind, name, base_url, account_id FROM sources ORDER BY id"));
    while (query.next())
        result.append(readSource(query));
    return result;
}

bool CacheStore::setMeAgent(qint64 sourceId, qint64 agentRemoteId)
{
    const qint64 agentId = localId(Table::Agents, sourceId, agentRemoteId);
    if (agentId == 0)
        return false;
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("UPDATE sources SET me_agent_id=? WHERE id=?"));
    query.addBindValue(agentId);
    query.addBindValue(sourceId);
    return query.exec();
}

QList<qint64> CacheStore::meAgentIds() const
{
    QList<qint64> ids;
    QSqlQuery query(m_db.connection());
    query.exec(QStringLiteral("SELECT me_agent_id FROM sources WHERE me_agent_id IS NOT NULL"));
    while (query.next())
        ids.append(query.value(0).toLongLong());
    return ids;
}

bool CacheStore::ingest(qint64 sourceId, const IngestBatch &batch, QString *error)
{
    if (!m_statements) {
        if (error)
            *error = tr("The cache is not open.");
        return false;
    }
    // The remote->local id cache may learn ids inside a transaction that then rolls back; keep a
    // copy to restore so no id of a vanished row survives.
    std::array<QHash<qint64, qint64>, size_t(Table::Count)> savedIds;
    for (int i = 0; i < int(Table::Count); ++i)
        savedIds[size_t(i)] = m_idCache[i]; // implicitly shared: no copy unless written
    SqlTransaction transaction(m_db.connection());
    QString localError;
    QSet<qint64> conversationIds;
    QSet<qint64> noteContactIds;
    if (!writeBatch(sourceId, batch, &conversationIds, &localError)
        || !writeContactNotes(sourceId, batch, &noteContactIds, &localError) || !transaction.commit()) {
        if (localError.isEmpty())
            localError = m_db.connection().lastError().text();
        for (int i = 0; i < int(Table::Count); ++i)
            m_idCache[i] = savedIds[size_t(i)];
        if (error)
            *error = localError;
        return false;
    }
    if (!conversationIds.isEmpty())
        emit conversationsIngested(QList<qint64>(conversationIds.cbegin(), conversationIds.cend()));
    if (!noteContactIds.isEmpty())
        emit contactNotesIngested(QList<qint64>(noteContactIds.cbegin(), noteContactIds.cend()));
    emit contentChanged();
    return true;
}

bool CacheStore::writeContactNotes(qint64 sourceId, const IngestBatch &batch, QSet<qint64> *contactIds,
                                   QString *error)
{
    if (batch.contactNotes.isEmpty() && batch.completeNoteListsOf.isEmpty())
        return true;
    // Notes are few (a handful per customer, fetched when the sidebar shows them): plain QtSql.
    QSqlQuery upsert(m_db.connection());
    upsert.prepare(QStringLiteral(
        "INSERT INTO contact_notes(source_id, remote_id, contact_id, author_id, author_name, content,"
        " created_at, updated_at) VALUES(?,?,?,?,?,?,?,?) ON CONFLICT(source_id, remote_id) DO UPDATE"
        " SET contact_id=excluded.contact_id, author_id=excluded.author_id,"
        " author_name=excluded.author_name, content=excluded.content, created_at=excluded.created_at,"
        " updated_at=excluded.updated_at"));
    QHash<qint64, QStringList> remoteIdsOfContact; // local contact id -> remote note ids seen
    for (const ContactNote &note : batch.contactNotes) {
        const qint64 contactId = localId(Table::Contacts, sourceId, note.contactId);
        if (contactId == 0) {
            *error = tr("Contact note %1 refers to unknown contact %2").arg(note.remoteId).arg(note.contactId);
            return false;
        }
        const qint64 authorId = localId(Table::Agents, sourceId, note.authorId);
        upsert.addBindValue(sourceId);
        upsert.addBindValue(note.remoteId);
        upsert.addBindValue(contactId);
        upsert.addBindValue(authorId ? QVariant(authorId) : QVariant(QMetaType(QMetaType::LongLong)));
        upsert.addBindValue(notNull(note.authorName));
        upsert.addBindValue(notNull(note.content));
        upsert.addBindValue(toSecs(note.createdAt));
        upsert.addBindValue(toSecs(note.updatedAt.isValid() ? note.updatedAt : note.createdAt));
        if (!upsert.exec()) {
            *error = upsert.lastError().text();
            return false;
        }
        remoteIdsOfContact[contactId].append(QString::number(note.remoteId));
        contactIds->insert(contactId);
    }
    for (const qint64 contactRemoteId : batch.completeNoteListsOf) {
        const qint64 contactId = localId(Table::Contacts, sourceId, contactRemoteId);
        if (contactId == 0)
            continue; // nothing cached about them, so nothing to forget
        // The ids are integers formatted here, never text from outside: safe to inline.
        const QStringList kept = remoteIdsOfContact.value(contactId);
        QSqlQuery remove(m_db.connection());
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
            contactIds->insert(contactId);
    }
    return true;
}

bool CacheStore::writeBatch(qint64 sourceId, const IngestBatch &batch, QSet<qint64> *conversationIds,
                            QString *error)
{
    auto &s = *m_statements;
    struct IndexEntry
    {
        qint64 id = 0;
        QString text;
        bool replaces = false; ///< the row existed: its old indexed text must go first
        qsizetype message = -1; ///< messages: the position in the batch (their text is folded ahead)
    };
    QList<IndexEntry> contactIndex;
    QList<IndexEntry> messageIndex;
    messageIndex.reserve(batch.messages.size());
    // Folding the messages' search text is pure CPU work that SQLite does not wait on until the
    // index is written at the end: it runs on another core meanwhile. (The future's destructor
    // waits for it on every early return, so `batch` outlives the task.)
    std::future<QList<QString>> messageSearchText = std::async(std::launch::async, [&batch] {
        QList<QString> folded;
        folded.reserve(batch.messages.size());
        for (const auto &message : batch.messages)
            folded.append(Search::SearchText::forIndex(message.text));
        return folded;
    });
    auto run = [error](QSqlQuery &query) {
        if (query.exec())
            return true;
        *error = query.lastError().text();
        return false;
    };
    auto runReturningId = [&](QSqlQuery &query) -> qint64 {
        if (!run(query))
            return 0;
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
        rememberId(Table::Inboxes, sourceId, inbox.remoteId, id);
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
        rememberId(Table::Agents, sourceId, agent.remoteId, id);
    }
    for (const auto &team : batch.teams) {
        s.team.bindValue(0, sourceId);
        s.team.bindValue(1, team.remoteId);
        s.team.bindValue(2, notNull(team.name));
        const qint64 id = runReturningId(s.team);
        if (id == 0)
            return false;
        rememberId(Table::Teams, sourceId, team.remoteId, id);
    }
    for (const auto &label : batch.labels) {
        s.label.bindValue(0, sourceId);
        s.label.bindValue(1, label.remoteId);
        s.label.bindValue(2, notNull(label.title));
        s.label.bindValue(3, notNull(label.description));
        s.label.bindValue(4, notNull(label.color));
        if (!run(s.label))
            return false;
    }
    auto stepReturningId = [error](SqliteStatement &statement) -> qint64 {
        const bool stepped = statement.step();
        const qint64 id = stepped && statement.rowReady() ? statement.columnInt64(0) : 0;
        if (id == 0)
            *error = statement.errorString();
        statement.reset();
        return id;
    };
    auto stepDone = [error](SqliteStatement &statement) {
        const bool stepped = statement.step();
        if (!stepped)
            *error = statement.errorString();
        statement.reset();
        return stepped;
    };

    // Existing row: the update returns its id. New row: the update returns nothing (not an
    // error) and the insert runs with the same bindings.
    auto updateOrInsert = [&](SqliteStatement &update, SqliteStatement &insert,
                              const std::function<void(SqliteStatement &)> &bindAll) -> qint64 {
        bindAll(update);
        const bool updated = update.step();
        qint64 id = updated && update.rowReady() ? update.columnInt64(0) : 0;
        if (!updated)
            *error = update.errorString();
        update.reset();
        if (!updated || id != 0)
            return id;
        bindAll(insert);
        return stepReturningId(insert);
    };

    for (const auto &contact : batch.contacts) {
        const QString attributes = jsonText(contact.customAttributes);
        const qint64 id = updateOrInsert(s.contactUpdate, s.contact, [&](SqliteStatement &statement) {
            statement.bind(0, sourceId);
            statement.bind(1, contact.remoteId);
            statement.bind(2, contact.name);
            statement.bind(3, contact.email);
            statement.bind(4, contact.phone);
            statement.bind(5, contact.language);
            statement.bind(6, contact.timezone);
            statement.bind(7, contact.location);
            statement.bind(8, contact.company);
            statement.bind(9, attributes);
            statement.bind(10, toSecs(contact.createdAt));
            statement.bind(11, toSecs(contact.lastActivityAt));
        });
        if (id == 0)
            return false;
        rememberId(Table::Contacts, sourceId, contact.remoteId, id);
        contactIndex.append({id, QStringList{contact.name, contact.email, contact.phone, contact.company}
                                     .join(QLatin1Char(' '))});
    }
    for (const auto &conversation : batch.conversations) {
        const qint64 inboxId = localId(Table::Inboxes, sourceId, conversation.inboxId);
        if (inboxId == 0) {
            *error = tr("Conversation %1 refers to unknown inbox %2")
                         .arg(conversation.remoteId)
                         .arg(conversation.inboxId);
            return false;
        }
        const QString status = statusKey(conversation.status);
        const QString attributes = jsonText(conversation.customAttributes);
        const qint64 contactId = localId(Table::Contacts, sourceId, conversation.contactId);
        const qint64 assigneeId = localId(Table::Agents, sourceId, conversation.assigneeId);
        const qint64 teamId = localId(Table::Teams, sourceId, conversation.teamId);
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
            statement.bind(17, attributes);
        };
        const qint64 id = updateOrInsert(s.conversationUpdate, s.conversation, bindAll);
        if (id == 0)
            return false;
        rememberId(Table::Conversations, sourceId, conversation.remoteId, id);
        s.staleFacts.bind(0, id);
        if (!stepDone(s.staleFacts))
            return false;
        conversationIds->insert(id);
        s.clearLabels.bind(0, id);
        if (!stepDone(s.clearLabels))
            return false;
        for (const auto &label : conversation.labels) {
            s.addLabel.bind(0, id);
            s.addLabel.bind(1, label);
            if (!stepDone(s.addLabel))
                return false;
        }
    }

    QSet<qint64> touchedConversations;
    qsizetype messageNumber = -1;
    for (const auto &message : batch.messages) {
        ++messageNumber;
        const qint64 conversationId = localId(Table::Conversations, sourceId, message.conversationId);
        if (conversationId == 0) {
            *error = tr("Message %1 refers to unknown conversation %2")
                         .arg(message.remoteId)
                         .arg(message.conversationId);
            return false;
        }
        const Table senderTable = message.senderKind == SenderKind::Contact ? Table::Contacts
                                                                              : Table::Agents;
        const qint64 senderId = localId(senderTable, sourceId, message.senderId);
        const qint64 created = toSecs(message.createdAt);
        // Bound without copying (SqliteStatement::bind): these must live until the step.
        const QString kindText = messageKindKey(message.kind);
        const QString senderKindText = senderKindKey(message.senderKind);
        const QString deliveryText = deliveryKey(message.delivery);
        const QString attachments = message.attachments.isEmpty()
            ? QString()
            : QString::fromUtf8(QJsonDocument(attachmentsToJson(message.attachments)).toJson(QJsonDocument::Compact));
        qint64 id = 0;
        bool inserted = false; // a new row: nothing indexed yet (an existing id may equal the proposal)
        qint64 proposed = 0;
        // The sequence restarts with every session, so a second that already holds messages
        // from an earlier one (imports often share one timestamp) collides; then continue after
        // the highest key of that second, which also keeps arrival order.
        for (int attempt = 0; attempt < 8 && id == 0; ++attempt) {
            proposed = attempt == 0 ? messageKey(created, ++m_messageSequence)
                                    : nextFreeMessageKey(m_db.connection(), created);
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
            s.message.bind(10, attachments);
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
                s.messageUpdate.bind(2, attachments);
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
        messageIndex.append({id, QString(), !inserted, messageNumber});
        touchedConversations.insert(conversationId);
    }
    for (const qint64 conversationId : std::as_const(touchedConversations)) {
        conversationIds->insert(conversationId);
        s.preview.bind(0, conversationId);
        if (!stepDone(s.preview))
            return false;
        s.staleFacts.bind(0, conversationId);
        if (!stepDone(s.staleFacts))
            return false;
    }

    // The search index goes last. In SQLite 3.40 FTS5 flushes its pending terms to disk at every
    // statement savepoint, and each upsert above opens one (foreign keys + ON CONFLICT) that
    // reaches every FTS table already written in this transaction: interleaving the two cost a
    // flush per message, 5x the time of the whole page.
    for (const auto &entry : std::as_const(contactIndex)) {
        s.contactFts.bindValue(0, entry.id);
        s.contactFts.bindValue(1, Search::SearchText::forIndex(entry.text));
        if (!run(s.contactFts))
            return false;
    }
    const QList<QString> folded = messageSearchText.get();
    for (const auto &entry : std::as_const(messageIndex)) {
        if (entry.replaces) {
            s.messageFtsDelete.bind(0, entry.id);
            const bool deleted = s.messageFtsDelete.step();
            s.messageFtsDelete.reset();
            if (!deleted) {
                *error = s.messageFtsDelete.errorString();
                return false;
            }
        }
        s.messageFtsInsert.bind(0, entry.id);
        s.messageFtsInsert.bind(1, folded.at(entry.message));
        const bool inserted = s.messageFtsInsert.step();
        s.messageFtsInsert.reset();
        if (!inserted) {
            *error = s.messageFtsInsert.errorString();
            return false;
        }
    }
    return true;
}

QList<Inbox> CacheStore::inboxes() const
{
    QList<Inbox> result;
    QSqlQuery query(m_db.connection());
    query.exec(QStringLiteral(
        "SELECT id, source_id, remote_id, name, channel, timezone, address FROM inboxes ORDER BY name"));
    while (query.next()) {
        Inbox inbox;
        inbox.id = query.value(0).toLongLong();
        inbox.sourceId = query.value(1).toLongLong();
        inbox.remoteId = query.value(2).toLongLong();
        inbox.name = query.value(3).toString();
        inbox.channel = channelFromKey(query.value(4).toString());
        inbox.timezone = query.value(5).toString();
        inbox.address = query.value(6).toString();
        result.append(inbox);
    }
    return result;
}

QList<Agent> CacheStore::agents() const
{
    QList<Agent> result;
    QSqlQuery query(m_db.connection());
    query.exec(QStringLiteral(
        "SELECT id, source_id, remote_id, name, email, role, availability FROM agents ORDER BY name"));
    while (query.next()) {
        Agent agent;
        agent.id = query.value(0).toLongLong();
        agent.sourceId = query.value(1).toLongLong();
        agent.remoteId = query.value(2).toLongLong();
        agent.name = query.value(3).toString();
        agent.email = query.value(4).toString();
        agent.role = query.value(5).toString();
        agent.availability = query.value(6).toString();
        result.append(agent);
    }
    return result;
}

std::optional<Contact> CacheStore::contact(qint64 id) const
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral(
        "SELECT id, source_id, remote_id, name, email, phone, language, timezone, location,"
        " company, custom_attributes, created_at, last_activity_at FROM contacts WHERE id=?"));
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return std::nullopt;
    Contact contact;
    contact.id = query.value(0).toLongLong();
    contact.sourceId = query.value(1).toLongLong();
    contact.remoteId = query.value(2).toLongLong();
    contact.name = query.value(3).toString();
    contact.email = query.value(4).toString();
    contact.phone = query.value(5).toString();
    contact.language = query.value(6).toString();
    contact.timezone = query.value(7).toString();
    contact.location = query.value(8).toString();
    contact.company = query.value(9).toString();
    contact.customAttributes = jsonObject(query.value(10));
    contact.createdAt = fromSecs(query.value(11));
    contact.lastActivityAt = fromSecs(query.value(12));
    return contact;
}

static const char kConversationColumns[] =
    "c.id, c.source_id, c.remote_id, c.inbox_id, coalesce(c.contact_id, 0),"
    " coalesce(c.assignee_id, 0), coalesce(c.team_id, 0), c.status, c.priority, c.subject,"
    " c.preview, c.unread_count, c.created_at, c.last_activity_at, c.waiting_since,"
    " c.first_reply_at, c.snoozed_until, c.csat_rating, c.csat_comment, c.custom_attributes,"
    " (SELECT group_concat(label, char(31)) FROM conversation_labels WHERE conversation_id=c.id)";

static Conversation readConversation(const QSqlQuery &query)
{
    Conversation c;
    c.id = query.value(0).toLongLong();
    c.sourceId = query.value(1).toLongLong();
    c.remoteId = query.value(2).toLongLong();
    c.inboxId = query.value(3).toLongLong();
    c.contactId = query.value(4).toLongLong();
    c.assigneeId = query.value(5).toLongLong();
    c.teamId = query.value(6).toLongLong();
    c.status = statusFromKey(query.value(7).toString());
    c.priority = Priority(std::clamp(query.value(8).toInt(), 0, int(Priority::Urgent)));
    c.subject = query.value(9).toString();
    c.preview = query.value(10).toString();
    c.unreadCount = query.value(11).toInt();
    c.createdAt = fromSecs(query.value(12));
    c.lastActivityAt = fromSecs(query.value(13));
    c.waitingSince = fromSecs(query.value(14));
    c.firstReplyAt = fromSecs(query.value(15));
    c.snoozedUntil = fromSecs(query.value(16));
    c.csatRating = query.value(17).toInt();
    c.csatComment = query.value(18).toString();
    c.customAttributes = jsonObject(query.value(19));
    const QString labels = query.value(20).toString();
    if (!labels.isEmpty())
        c.labels = labels.split(QChar(31));
    return c;
}

std::optional<Conversation> CacheStore::conversation(qint64 id) const
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("SELECT %1 FROM conversations c WHERE c.id=?")
                      .arg(QLatin1String(kConversationColumns)));
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return readConversation(query);
}

QList<Conversation> CacheStore::conversationsOfContact(qint64 contactId, int limit) const
{
    QList<Conversation> result;
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("SELECT %1 FROM conversations c WHERE c.contact_id=?"
                                 " ORDER BY c.last_activity_at DESC LIMIT ?")
                      .arg(QLatin1String(kConversationColumns)));
    query.addBindValue(contactId);
    query.addBindValue(limit);
    query.exec();
    while (query.next())
        result.append(readConversation(query));
    return result;
}

QList<ContactNote> CacheStore::contactNotes(qint64 contactId) const
{
    QList<ContactNote> result;
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral(
        "SELECT n.id, n.source_id, n.remote_id, n.contact_id, coalesce(n.author_id, 0),"
        " coalesce(nullif(a.name, ''), n.author_name), n.content, n.created_at, n.updated_at"
        " FROM contact_notes n LEFT JOIN agents a ON a.id = n.author_id WHERE n.contact_id=?"
        " ORDER BY n.created_at DESC, n.id DESC"));
    query.addBindValue(contactId);
    query.exec();
    while (query.next()) {
        ContactNote note;
        note.id = query.value(0).toLongLong();
        note.sourceId = query.value(1).toLongLong();
        note.remoteId = query.value(2).toLongLong();
        note.contactId = query.value(3).toLongLong();
        note.authorId = query.value(4).toLongLong();
        note.authorName = query.value(5).toString();
        note.content = query.value(6).toString();
        note.createdAt = fromSecs(query.value(7));
        note.updatedAt = fromSecs(query.value(8));
        result.append(note);
    }
    return result;
}

QList<Message> CacheStore::messages(qint64 conversationId, int limit, qint64 beforeId) const
{
    QList<Message> result;
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT id, source_id, remote_id, conversation_id, kind, sender_kind,"
        " coalesce(sender_id, 0), sender_name, text, html, attachments, created_at, delivery,"
        " echo_id FROM messages WHERE conversation_id=? AND id < ? ORDER BY id DESC LIMIT ?"));
    query.addBindValue(conversationId);
    query.addBindValue(beforeId > 0 ? beforeId : std::numeric_limits<qint64>::max());
    query.addBindValue(limit);
    query.exec();
    while (query.next()) {
        Message m;
        m.id = query.value(0).toLongLong();
        m.sourceId = query.value(1).toLongLong();
        m.remoteId = query.value(2).toLongLong();
        m.conversationId = query.value(3).toLongLong();
        m.kind = messageKindFromKey(query.value(4).toString());
        m.senderKind = senderKindFromKey(query.value(5).toString());
        m.senderId = query.value(6).toLongLong();
        m.senderName = query.value(7).toString();
        m.text = query.value(8).toString();
        m.html = query.value(9).toString();
        m.attachments = attachmentsFromJson(query.value(10).toString().toUtf8());
        m.createdAt = fromSecs(query.value(11));
        m.delivery = deliveryFromKey(query.value(12).toString());
        m.echoId = query.value(13).toString();
        result.prepend(m);
    }
    return result;
}

qint64 CacheStore::conversationCount() const
{
    QSqlQuery query(m_db.connection());
    return query.exec(QStringLiteral("SELECT count(*) FROM conversations")) && query.next()
        ? query.value(0).toLongLong()
        : 0;
}

qint64 CacheStore::messageCount() const
{
    QSqlQuery query(m_db.connection());
    return query.exec(QStringLiteral("SELECT count(*) FROM messages")) && query.next()
        ? query.value(0).toLongLong()
        : 0;
}

bool CacheStore::removeConversation(qint64 sourceId, qint64 conversationRemoteId, QString *error)
{
    const qint64 id = localId(Table::Conversations, sourceId, conversationRemoteId);
    if (id == 0)
        return true; // never cached or already gone: the goal is reached
    SqlTransaction transaction(m_db.connection());
    QSqlQuery query(m_db.connection());
    // The search index is a virtual table: no foreign key cascades into it.
    query.prepare(QStringLiteral("DELETE FROM messages_fts WHERE rowid IN (SELECT id FROM"
                                 " messages WHERE conversation_id=?)"));
    query.addBindValue(id);
    bool ok = query.exec();
    if (ok) {
        query.prepare(QStringLiteral("DELETE FROM conversations WHERE id=?"));
        query.addBindValue(id);
        ok = query.exec();
    }
    if (!ok || !transaction.commit()) {
        if (error)
            *error = query.lastError().text();
        return false;
    }
    m_idCache[int(Table::Conversations)].remove(cacheKey(sourceId, conversationRemoteId));
    emit contentChanged();
    return true;
}

qint64 CacheStore::newestMessageRemoteId(qint64 sourceId, qint64 conversationRemoteId) const
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("SELECT max(m.remote_id) FROM messages m JOIN conversations c ON"
                                 " c.id=m.conversation_id WHERE c.source_id=? AND c.remote_id=?"));
    query.addBindValue(sourceId);
    query.addBindValue(conversationRemoteId);
    if (!query.exec() || !query.next())
        return 0;
    return query.value(0).toLongLong();
}

} // namespace Counterpart::Storage
