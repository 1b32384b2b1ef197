#include "ViewListModel.h"

#include "ItemRoles.h"
#include "domain/Channel.h"
#include "storage/CacheStore.h"

#include <QSet>
#include <QSqlQuery>

namespace Counterpart::Models {

ViewListModel::ViewListModel(Storage::CacheStore *cache, QObject *parent)
    : QAbstractListModel(parent)
    , m_cache(cache)
{
    connect(m_cache, &Storage::CacheStore::conversationsIngested, this, &ViewListModel::recheckMentions);
    connect(m_cache, &Storage::CacheStore::contentChanged, this, &ViewListModel::refresh);
    if (m_cache->connection().isOpen())
        updateMentions(m_cache->meAgentIds());
    m_entries = buildEntries();
}

QSet<qint64> ViewListModel::mentioningAmong(const QList<qint64> &conversationIds, const QList<qint64> &me) const
{
    QSet<qint64> found;
    // Ids are integers formatted here, so inlining them is safe; chunks keep each statement short.
    constexpr qsizetype kChunk = 500;
    for (qsizetype from = 0; from < conversationIds.size(); from += kChunk) {
        QStringList ids;
        for (qsizetype i = from; i < std::min(conversationIds.size(), from + kChunk); ++i)
            ids.append(QString::number(conversationIds.at(i)));
        QVariantList binds;
        const QString condition = ConversationFilter::participationCondition(me, &binds);
        QSqlQuery query(m_cache->connection());
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT DISTINCT m.conversation_id FROM messages m WHERE m.conversation_id IN (")
                      + ids.join(QLatin1Char(',')) + QStringLiteral(") AND ") + condition);
        for (const auto &value : std::as_const(binds))
            query.addBindValue(value);
        query.exec();
        while (query.next())
            found.insert(query.value(0).toLongLong());
    }
    return found;
}

void ViewListModel::recheckMentions(const QList<qint64> &conversationIds)
{
    // Before refresh() (contentChanged follows): only the conversations this page touched can
    // have gained or lost a note that concerns me.
    if (!m_mentionsKnown || m_mentionsOf.isEmpty() || m_mentionsOf != m_cache->meAgentIds())
        return; // the next refresh() scans everything anyway
    for (const qint64 id : conversationIds)
        m_mentioning.remove(id);
    m_mentioning.unite(mentioningAmong(conversationIds, m_mentionsOf));
}

void ViewListModel::updateMentions(const QList<qint64> &me)
{
    if (me.isEmpty()) {
        m_mentioning.clear();
        m_mentionsOf.clear();
        m_mentionsKnown = true;
        m_participating = 0;
        return;
    }
    if (!m_mentionsKnown || me != m_mentionsOf) {
        m_mentioning.clear();
        QVariantList binds;
        const QString condition = ConversationFilter::participationCondition(me, &binds);
        QSqlQuery query(m_cache->connection());
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT DISTINCT m.conversation_id FROM messages m WHERE ") + condition);
        for (const auto &value : std::as_const(binds))
            query.addBindValue(value);
        query.exec();
        while (query.next())
            m_mentioning.insert(query.value(0).toLongLong());
        m_mentionsOf = me;
        m_mentionsKnown = true;
        ++m_fullMentionScans;
    }
    // The rest of the view's filter (open and pending only) is applied to the set in SQL, which
    // also drops conversations deleted since (404, a deletion event).
    ConversationFilter rest = ConversationFilter::fromViewKey(QStringLiteral("participating"));
    rest.participating = false;
    QVariantList binds;
    const QString where = rest.whereClause(me, &binds);
    QList<qint64> ids(m_mentioning.cbegin(), m_mentioning.cend());
    std::sort(ids.begin(), ids.end());
    int existing = 0;
    constexpr qsizetype kChunk = 500;
    for (qsizetype from = 0; from < ids.size(); from += kChunk) {
        QStringList chunk;
        for (qsizetype i = from; i < std::min(ids.size(), from + kChunk); ++i)
            chunk.append(QString::number(ids.at(i)));
        QSqlQuery query(m_cache->connection());
        query.prepare(QStringLiteral("SELECT count(*) FROM conversations c JOIN inboxes i ON i.id = c.inbox_id"
                                     " WHERE c.id IN (")
                      + chunk.join(QLatin1Char(',')) + QStringLiteral(") AND ") + where);
        for (const auto &value : std::as_const(binds))
            query.addBindValue(value);
        if (query.exec() && query.next())
            existing += query.value(0).toInt();
    }
    m_participating = existing;
}

void ViewListModel::refresh()
{
    if (m_cache->connection().isOpen())
        updateMentions(m_cache->meAgentIds());
    auto entries = buildEntries();
    bool sameShape = entries.size() == m_entries.size();
    for (int i = 0; sameShape && i < entries.size(); ++i)
        sameShape = entries.at(i).key == m_entries.at(i).key;
    if (!sameShape) {
        beginResetModel();
        m_entries = std::move(entries);
        endResetModel();
        return;
    }
    // Same views, new counts: update in place so the selection and scroll position stay put.
    for (int i = 0; i < entries.size(); ++i) {
        if (entries.at(i).count != m_entries.at(i).count) {
            m_entries[i].count = entries.at(i).count;
            emit dataChanged(index(i), index(i), {Qt::DisplayRole, Roles::ViewCount});
        }
    }
}

QVector<ViewListModel::Entry> ViewListModel::buildEntries() const
{
    int all = 0, mine = 0, unassigned = 0;
    QHash<QString, int> perChannel;
    QSet<QString> channelsWithInbox;
    QHash<QString, int> perStatus;
    QList<QPair<QString, int>> perLabel;
    int participating = 0;
    QList<int> savedCounts;
    if (m_cache->connection().isOpen()) {
        const QList<qint64> me = m_cache->meAgentIds();
        QSqlQuery statuses(m_cache->connection());
        statuses.exec(QStringLiteral("SELECT status, count(*) FROM conversations GROUP BY status"));
        while (statuses.next())
            perStatus.insert(statuses.value(0).toString(), statuses.value(1).toInt());
        // Every label in use gets a view, even with nothing open: the agent may look for it.
        QSqlQuery labels(m_cache->connection());
        labels.exec(QStringLiteral(
            "SELECT l.label, sum(c.status IN ('open', 'pending')) FROM conversation_labels l JOIN"
            " conversations c ON c.id = l.conversation_id GROUP BY l.label ORDER BY l.label"));
        while (labels.next())
            perLabel.append({labels.value(0).toString(), labels.value(1).toInt()});
        participating = m_participating;
        for (const auto &view : m_saved)
            savedCounts.append(count(view.filter, me));
        QSqlQuery query(m_cache->connection());
        query.exec(QStringLiteral(
            "SELECT i.channel, c.assignee_id, count(*) FROM conversations c JOIN inboxes i ON"
            " i.id = c.inbox_id WHERE c.status IN ('open', 'pending') GROUP BY i.channel,"
            " c.assignee_id"));
        while (query.next()) {
            const int count = query.value(2).toInt();
            const QVariant assignee = query.value(1);
            all += count;
            perChannel[query.value(0).toString()] += count;
            if (assignee.isNull())
                unassigned += count;
            else if (me.contains(assignee.toLongLong()))
                mine += count;
        }
        QSqlQuery inboxes(m_cache->connection());
        inboxes.exec(QStringLiteral("SELECT DISTINCT channel FROM inboxes"));
        while (inboxes.next())
            channelsWithInbox.insert(inboxes.value(0).toString());
    }
    QVector<Entry> entries;
    entries.append({QStringLiteral("section:conversations"), tr("Conversations"), 0, true});
    entries.append({QStringLiteral("mine"), tr("Mine"), mine, false});
    entries.append({QStringLiteral("unassigned"), tr("Unassigned"), unassigned, false});
    entries.append({QStringLiteral("all"), tr("All"), all, false});
    entries.append({QStringLiteral("participating"), tr("Mentions"), participating, false});
    entries.append({QStringLiteral("snoozed"), tr("Snoozed"), perStatus.value(QStringLiteral("snoozed")), false});
    entries.append({QStringLiteral("resolved"), tr("Resolved"), perStatus.value(QStringLiteral("resolved")), false});
    if (!m_saved.isEmpty())
        entries.append({QStringLiteral("section:saved"), tr("Saved views"), 0, true});
    for (int i = 0; i < m_saved.size(); ++i)
        entries.append({QStringLiteral("saved:") + QString::number(i), m_saved.at(i).name,
                        savedCounts.value(i), false});
    if (!channelsWithInbox.isEmpty())
        entries.append({QStringLiteral("section:channels"), tr("Channels"), 0, true});
    for (const auto channel : Domain::allChannels()) {
        const QString key = Domain::channelKey(channel);
        if (!channelsWithInbox.contains(key))
            continue;
        entries.append({QStringLiteral("channel:") + key, Domain::channelDisplayName(channel),
                        perChannel.value(key), false});
    }
    if (!perLabel.isEmpty())
        entries.append({QStringLiteral("section:labels"), tr("Labels"), 0, true});
    for (const auto &[label, count] : std::as_const(perLabel))
        entries.append({QStringLiteral("label:") + label, label, count, false});
    return entries;
}

int ViewListModel::count(const ConversationFilter &filter, const QList<qint64> &me) const
{
    QVariantList binds;
    const QString where = filter.whereClause(me, &binds);
    QSqlQuery query(m_cache->connection());
    query.prepare(QStringLiteral("SELECT count(*) FROM conversations c JOIN inboxes i ON i.id ="
                                 " c.inbox_id WHERE ") + where);
    for (const auto &value : std::as_const(binds))
        query.addBindValue(value);
    return query.exec() && query.next() ? query.value(0).toInt() : 0;
}

int ViewListModel::countMatching(const ConversationFilter &filter) const
{
    return m_cache->connection().isOpen() ? count(filter, m_cache->meAgentIds()) : 0;
}

void ViewListModel::setSavedViews(const QList<SavedView> &views)
{
    m_saved = views;
    refresh();
}

ConversationFilter ViewListModel::filterOf(const QString &key) const
{
    if (key.startsWith(QLatin1String("saved:"))) {
        const int index = key.mid(6).toInt();
        if (index >= 0 && index < m_saved.size())
            return m_saved.at(index).filter;
    }
    return ConversationFilter::fromViewKey(key);
}

int ViewListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

Qt::ItemFlags ViewListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return Qt::NoItemFlags;
    return m_entries.at(index.row()).section ? Qt::ItemIsEnabled
                                             : Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

QVariant ViewListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return entry.title;
    case Qt::AccessibleTextRole:
        return entry.section ? entry.title : tr("%1, %n conversation(s)", nullptr, entry.count).arg(entry.title);
    case Roles::ViewKey:
        return entry.key;
    case Roles::ViewCount:
        return entry.count;
    case Roles::ViewIsSection:
        return entry.section;
    default:
        return {};
    }
}

int ViewListModel::rowOfView(const QString &key) const
{
    for (int i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).key == key)
            return i;
    }
    return -1;
}

int ViewListModel::countOf(const QString &key) const
{
    const int row = rowOfView(key);
    return row < 0 ? -1 : m_entries.at(row).count;
}

} // namespace Counterpart::Models
