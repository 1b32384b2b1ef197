// CacheStore's agent-made changes live apart from the ingest code: they are the only writes to
// the cache that do not come from the server, and keeping them here keeps that boundary visible.
#include "CacheStore.h"
#include "SqlTransaction.h"

#include <QSqlError>
#include <QtDebug>

namespace Counterpart::Storage {

namespace {
bool isWritableColumn(const QString &column)
{
    static const QStringList columns = {QStringLiteral("status"),      QStringLiteral("snoozed_until"),
                                        QStringLiteral("assignee_id"), QStringLiteral("team_id"),
                                        QStringLiteral("priority"),    QStringLiteral("unread_count")};
    return columns.contains(column);
}
} // namespace

bool CacheStore::applyLocalChanges(const QList<LocalChange> &changes)
{
    if (!connection().isOpen())
        return false;
    SqlTransaction transaction(connection());
    for (const LocalChange &change : changes) {
        QSqlQuery stale(connection()); // the metrics facts must see the agent's own change
        stale.prepare(QStringLiteral("INSERT OR IGNORE INTO facts_dirty(conversation_id) VALUES(?)"));
        stale.addBindValue(change.conversationId);
        if (!stale.exec())
            return false;
        if (!change.columns.isEmpty()) {
            QStringList assignments;
            QVariantList values;
            for (auto it = change.columns.cbegin(); it != change.columns.cend(); ++it) {
                if (!isWritableColumn(it.key())) {
                    qWarning() << "local change to a column that is not the agent's:" << it.key();
                    return false;
                }
                assignments.append(it.key() + QStringLiteral("=?"));
                values.append(it.value());
            }
            QSqlQuery query(connection());
            query.prepare(QStringLiteral("UPDATE conversations SET ") + assignments.join(QLatin1Char(','))
                          + QStringLiteral(" WHERE id=?"));
            for (const QVariant &value : std::as_const(values))
                query.addBindValue(value);
            query.addBindValue(change.conversationId);
            if (!query.exec()) {
                qWarning() << "local change failed:" << query.lastError().text();
                return false;
            }
        }
        if (change.labels) {
            QSqlQuery clear(connection());
            clear.prepare(QStringLiteral("DELETE FROM conversation_labels WHERE conversation_id=?"));
            clear.addBindValue(change.conversationId);
            if (!clear.exec())
                return false;
            for (const QString &label : *change.labels) {
                QSqlQuery add(connection());
                add.prepare(QStringLiteral(
                    "INSERT OR IGNORE INTO conversation_labels(conversation_id, label) VALUES(?,?)"));
                add.addBindValue(change.conversationId);
                add.addBindValue(label);
                if (!add.exec())
                    return false;
            }
        }
    }
    if (!transaction.commit())
        return false;
    QList<qint64> ids;
    for (const LocalChange &change : changes)
        ids.append(change.conversationId);
    emit conversationsChangedLocally(ids);
    emit contentChanged();
    return true;
}

QList<Domain::Team> CacheStore::teams() const
{
    QList<Domain::Team> result;
    QSqlQuery query(connection());
    query.exec(QStringLiteral("SELECT id, source_id, remote_id, name FROM teams ORDER BY name"));
    while (query.next()) {
        Domain::Team team;
        team.id = query.value(0).toLongLong();
        team.sourceId = query.value(1).toLongLong();
        team.remoteId = query.value(2).toLongLong();
        team.name = query.value(3).toString();
        result.append(team);
    }
    return result;
}

QStringList CacheStore::labelTitles() const
{
    // Labels in use count too: a conversation may carry a label the label list no longer has.
    QStringList result;
    QSqlQuery query(connection());
    query.exec(QStringLiteral("SELECT title FROM labels UNION SELECT DISTINCT label FROM"
                              " conversation_labels ORDER BY 1"));
    while (query.next())
        result.append(query.value(0).toString());
    return result;
}

} // namespace Counterpart::Storage
