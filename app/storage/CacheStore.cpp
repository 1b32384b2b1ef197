#include "CacheStore.h"

#include "CacheSchema.h"
#include "IngestWriter.h"
#include "SqlTransaction.h"
#include "SqliteStatement.h"

#include <QDateTime>

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

QDateTime fromSecs(const QVariant &value)
{
    if (value.isNull() || value.toLongLong() == 0)
        return {};
    return QDateTime::fromSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QJsonObject jsonObject(const QVariant &value)
{
    return QJsonDocument::fromJson(value.toString().toUtf8()).object();
}

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

} // namespace

CacheStore::CacheStore(QObject *parent)
    : QObject(parent)
{
}

CacheStore::~CacheStore() { close(); }

void CacheStore::close()
{
    m_writer.reset();
    m_checkpointer.stop();
    m_ids.clear(); // lets go of its handle on the connection before the connection is removed
    m_db.close();
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
    // Without the thread SQLite checkpoints inside each commit, as before: slower, not wrong.
    if (!m_checkpointer.start(SqliteStatement::handleOf(m_db.connection()), path, &error))
        qWarning("cache checkpoints stay in the writer: %s", qPrintable(error));
    m_ids.setConnection(m_db.connection());
    m_writer = std::make_unique<IngestWriter>(m_ids);
    if (!m_writer->prepare(m_db.connection(), &error)) {
        m_writer.reset();
        report.message = error;
        return report;
    }
    report.ok = true;
    return report;
}

qint64 CacheStore::messageKey(qint64 createdAtSecs, quint32 sequence)
{
    return (createdAtSecs << 22) | (sequence & 0x3FFFFF);
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
    const qint64 agentId = m_ids.find(RemoteTable::Agents, sourceId, agentRemoteId);
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
    if (!m_writer) {
        if (error)
            *error = tr("The cache is not open.");
        return false;
    }
    SqlTransaction transaction(m_db.connection());
    m_ids.beginTransaction();
    QString localError;
    IngestWriter::Touched touched;
    if (!m_writer->write(sourceId, batch, &touched, &localError) || !transaction.commit()) {
        if (localError.isEmpty())
            localError = m_db.connection().lastError().text();
        m_ids.rollback();
        if (error)
            *error = localError;
        return false;
    }
    m_ids.commit();
    if (!touched.conversations.isEmpty())
        emit conversationsIngested(QList<qint64>(touched.conversations.cbegin(), touched.conversations.cend()));
    if (!touched.noteContacts.isEmpty())
        emit contactNotesIngested(QList<qint64>(touched.noteContacts.cbegin(), touched.noteContacts.cend()));
    emit contentChanged();
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
    const qint64 id = m_ids.find(RemoteTable::Conversations, sourceId, conversationRemoteId);
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
    m_ids.forget(RemoteTable::Conversations, sourceId, conversationRemoteId);
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
