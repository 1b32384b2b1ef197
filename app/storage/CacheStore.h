#pragma once

#include "Database.h"
#include "IngestBatch.h"
#include "RemoteIdMap.h"
#include "WalCheckpointer.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QSqlQuery>

#include <memory>
#include <optional>

namespace Counterpart::Storage {

class IngestWriter;

/**
 * cache.sqlite: the local mirror of every connected helpdesk. Nothing of the user's lives here,
 * so a damaged or too-new file is moved aside and rebuilt instead of blocking the app.
 */
class CacheStore : public QObject
{
    Q_OBJECT
public:
    struct OpenReport
    {
        bool ok = false;
        bool rebuilt = false;     ///< the old file was moved aside and a new one created
        QString movedAsidePath;   ///< where the old file now is
        QString message;          ///< a sentence for the user when rebuilt or failed
    };

    explicit CacheStore(QObject *parent = nullptr);
    ~CacheStore() override;

    OpenReport open(const QString &path);
    void close();
    QSqlDatabase connection() const { return m_db.connection(); }
    QString path() const { return m_db.path(); }

    /** Inserts or updates a source by uid and returns its local id (0 on failure). */
    qint64 ensureSource(const Domain::Source &source);
    std::optional<Domain::Source> sourceByUid(const QString &uid) const;
    QList<Domain::Source> sources() const;
    /** The signed-in agent of a source ("Mine"), by the agent's remote id. */
    bool setMeAgent(qint64 sourceId, qint64 agentRemoteId);
    QList<qint64> meAgentIds() const;
    /** A connector's cursor kept across restarts (sync_state); empty when never stored. */
    QString syncState(qint64 sourceId, const QString &key) const;
    bool setSyncState(qint64 sourceId, const QString &key, const QString &value);

    /** Deletes a conversation the server no longer has, with its messages and search rows. */
    bool removeConversation(qint64 sourceId, qint64 conversationRemoteId, QString *error = nullptr);
    /** The highest remote message id of a conversation (0: none): the outbox's re-check baseline. */
    qint64 newestMessageRemoteId(qint64 sourceId, qint64 conversationRemoteId) const;

    /** Writes one page of server data in one transaction; nothing is written if it fails. */
    bool ingest(qint64 sourceId, const IngestBatch &batch, QString *error = nullptr);

    /**
     * A change the agent made, shown at once while its outbox operation waits for the server.
     * `columns` may set status, snoozed_until, assignee_id, team_id, priority, unread_count (a null
     * QVariant writes NULL); `labels`, when set, replaces the conversation's labels.
     */
    struct LocalChange
    {
        qint64 conversationId = 0;
        QVariantMap columns;
        std::optional<QStringList> labels;
    };
    /** Applies changes in one transaction and emits contentChanged() once; false on failure. */
    bool applyLocalChanges(const QList<LocalChange> &changes);
    QList<Domain::Team> teams() const;
    /** Titles of every label of every source, sorted, without duplicates. */
    QStringList labelTitles() const;
    QList<Domain::Inbox> inboxes() const;
    QList<Domain::Agent> agents() const;
    std::optional<Domain::Contact> contact(qint64 id) const;
    std::optional<Domain::Conversation> conversation(qint64 id) const;
    /** Up to `limit` messages older than `beforeId` (0: the newest), oldest first. */
    QList<Domain::Message> messages(qint64 conversationId, int limit, qint64 beforeId = 0) const;
    QList<Domain::Conversation> conversationsOfContact(qint64 contactId, int limit) const;
    /** The notes kept about a contact (local id), newest first; contactId/authorId are local. */
    QList<Domain::ContactNote> contactNotes(qint64 contactId) const;
    qint64 conversationCount() const;
    qint64 messageCount() const;

    /** Time-ordered local message key: creation second in the high bits, a sequence below. */
    static qint64 messageKey(qint64 createdAtSecs, quint32 sequence);

signals:
    /** Emitted after every successful ingest, so models can refresh. */
    void contentChanged();
    /** After a successful ingest (just before contentChanged()): the local ids of the
     *  conversations the page wrote or added messages to. Server news, never the agent's. */
    void conversationsIngested(const QList<qint64> &conversationIds);
    /** After an ingest that wrote or removed contact notes (before contentChanged()): the
     *  local ids of the contacts whose notes changed. */
    void contactNotesIngested(const QList<qint64> &contactIds);
    /** After applyLocalChanges(): the conversations the agent changed here, not the server. */
    void conversationsChangedLocally(const QList<qint64> &conversationIds);

private:
    Database m_db;
    WalCheckpointer m_checkpointer;
    RemoteIdMap m_ids;
    std::unique_ptr<IngestWriter> m_writer;
};

} // namespace Counterpart::Storage
