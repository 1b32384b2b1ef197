#pragma once

#include "Database.h"

#include <QDateTime>
#include <QObject>

#include <optional>

namespace Counterpart::Storage {

/** A reply or note in progress, keyed by the conversation's stable identity and the mode. */
struct Draft
{
    QString sourceUid;
    qint64 conversationRemoteId = 0;
    QString mode; ///< "reply" or "note"
    QString body;
    QString subject;
    QString cc;
    QString bcc;
    QDateTime updatedAt;
};

/**
 * workspace.sqlite: drafts, outbox, templates, reviews — the user's own work. Unlike the cache it
 * is never moved aside or rebuilt: a damaged file stops with a message that names it.
 */
class WorkspaceStore : public QObject
{
    Q_OBJECT
public:
    struct OpenReport
    {
        bool ok = false;
        QString message; ///< for the user, naming the file, when not ok
    };

    explicit WorkspaceStore(QObject *parent = nullptr);
    ~WorkspaceStore() override;

    OpenReport open(const QString &path);
    void close();
    QSqlDatabase connection() const { return m_db.connection(); }
    QString path() const { return m_db.path(); }

    /** Saves (or, with an empty body and header, deletes) a draft; committed before returning. */
    bool saveDraft(const Draft &draft);
    std::optional<Draft> draft(const QString &sourceUid, qint64 conversationRemoteId,
                               const QString &mode) const;
    QList<Draft> drafts() const;
    bool deleteDraft(const QString &sourceUid, qint64 conversationRemoteId, const QString &mode);

    QString setting(const QString &key, const QString &fallback = QString()) const;
    bool setSetting(const QString &key, const QString &value);

signals:
    void draftsChanged();

private:
    Database m_db;
};

} // namespace Counterpart::Storage
