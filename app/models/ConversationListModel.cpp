#include "ConversationListModel.h"

#include "ItemRoles.h"
#include "domain/Entities.h"
#include "storage/CacheStore.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QtDebug>

namespace Counterpart::Models {

namespace {
// Sorting keys with a never-null value, so the keyset comparison below is total.
const char *kWaitingKey = "coalesce(c.waiting_since, 9223372036854775807)";
} // namespace

ConversationListModel::ConversationListModel(Storage::CacheStore *cache, QObject *parent)
    : QAbstractListModel(parent)
    , m_cache(cache)
{
    connect(m_cache, &Storage::CacheStore::contentChanged, this, &ConversationListModel::reload);
    reload();
}

void ConversationListModel::resetTo(QVector<Row> rows, int requested)
{
    // Listeners (views, QAbstractItemModelTester) may ask for more rows while a change is being
    // announced; fetching then would nest one change inside another and load a page twice.
    m_announcing = true;
    beginResetModel();
    m_exhausted = rows.size() < requested;
    m_rows = std::move(rows);
    endResetModel();
    m_announcing = false;
}

void ConversationListModel::setFilter(const ConversationFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    resetTo(loadPage(nullptr, m_pageSize), m_pageSize);
}

void ConversationListModel::setSort(Sort sort)
{
    if (sort == m_sort)
        return;
    m_sort = sort;
    resetTo(loadPage(nullptr, m_pageSize), m_pageSize);
}

void ConversationListModel::setSla(const Metrics::Sla &sla)
{
    m_sla = sla;
    resetTo(loadPage(nullptr, m_pageSize), m_pageSize);
}

void ConversationListModel::setPageSize(int rows)
{
    m_pageSize = std::max(1, rows);
    resetTo(loadPage(nullptr, m_pageSize), m_pageSize);
}

void ConversationListModel::reload()
{
    const int keep = std::max<int>(m_pageSize, int(m_rows.size()));
    resetTo(loadPage(nullptr, keep), keep);
}

QString ConversationListModel::orderBy() const
{
    switch (m_sort) {
    case Sort::LastActivity:
        return QStringLiteral("c.last_activity_at DESC, c.id DESC");
    case Sort::LongestWaiting:
        return QLatin1String(kWaitingKey) + QStringLiteral(" ASC, c.id ASC");
    case Sort::Priority:
        return QStringLiteral("c.priority DESC, c.last_activity_at DESC, c.id DESC");
    case Sort::SlaDue:
        return m_sla.dueSortExpression() + QStringLiteral(" ASC, c.id ASC");
    }
    return QString();
}

QString ConversationListModel::keysetCondition() const
{
    switch (m_sort) {
    case Sort::LastActivity:
        return QStringLiteral("(c.last_activity_at, c.id) < (?, ?)");
    case Sort::LongestWaiting:
        return QStringLiteral("(") + QLatin1String(kWaitingKey) + QStringLiteral(", c.id) > (?, ?)");
    case Sort::Priority:
        return QStringLiteral("(c.priority, c.last_activity_at, c.id) < (?, ?, ?)");
    case Sort::SlaDue:
        return QStringLiteral("(") + m_sla.dueSortExpression() + QStringLiteral(", c.id) > (?, ?)");
    }
    return QString();
}

QVariantList ConversationListModel::keysetValues(const Row &row) const
{
    switch (m_sort) {
    case Sort::LastActivity:
        return {row.lastActivity, row.id};
    case Sort::LongestWaiting:
        return {row.waitingSince ? row.waitingSince : std::numeric_limits<qint64>::max(), row.id};
    case Sort::Priority:
        return {row.priority, row.lastActivity, row.id};
    case Sort::SlaDue:
        return {row.slaDue, row.id};
    }
    return {};
}

QVector<ConversationListModel::Row> ConversationListModel::loadPage(const Row *after, int limit) const
{
    QVector<Row> rows;
    if (!m_cache->connection().isOpen())
        return rows;
    QVariantList binds;
    QString where = m_filter.whereClause(m_cache->meAgentIds(), &binds);
    if (after) {
        where += QStringLiteral(" AND ") + keysetCondition();
        binds += keysetValues(*after);
    }
    const QString sql = QStringLiteral(
        "SELECT c.id, c.remote_id, s.uid, coalesce(ct.name, ''), i.channel, i.name, c.subject,"
        " c.preview, c.status, coalesce(a.name, ''), coalesce(ct.language, ''),"
        " c.last_activity_at, coalesce(c.waiting_since, 0), c.priority, c.unread_count,"
        " (SELECT group_concat(label, char(31)) FROM conversation_labels WHERE conversation_id=c.id),"
        " coalesce(c.first_reply_at, 0), ") + m_sla.dueSortExpression() + QStringLiteral(
        " FROM conversations c JOIN inboxes i ON i.id = c.inbox_id JOIN sources s ON s.id ="
        " c.source_id LEFT JOIN contacts ct ON ct.id = c.contact_id LEFT JOIN agents a ON a.id ="
        " c.assignee_id WHERE ") + where + QStringLiteral(" ORDER BY ") + orderBy()
        + QStringLiteral(" LIMIT ?");
    binds.append(limit);
    QSqlQuery query(m_cache->connection());
    query.setForwardOnly(true);
    query.prepare(sql);
    for (const auto &value : std::as_const(binds))
        query.addBindValue(value);
    if (!query.exec()) {
        qWarning() << "conversation list query failed:" << query.lastError().text();
        return rows;
    }
    rows.reserve(limit);
    while (query.next()) {
        Row row;
        row.id = query.value(0).toLongLong();
        row.remoteId = query.value(1).toLongLong();
        row.sourceUid = query.value(2).toString();
        row.customerName = query.value(3).toString();
        row.channelKey = query.value(4).toString();
        row.inboxName = query.value(5).toString();
        row.subject = query.value(6).toString();
        row.preview = query.value(7).toString();
        row.statusKey = query.value(8).toString();
        row.assigneeName = query.value(9).toString();
        row.language = query.value(10).toString();
        row.lastActivity = query.value(11).toLongLong();
        row.waitingSince = query.value(12).toLongLong();
        row.priority = query.value(13).toInt();
        row.unread = query.value(14).toInt();
        const QString labels = query.value(15).toString();
        if (!labels.isEmpty())
            row.labels = labels.split(QChar(31));
        row.firstReplyAt = query.value(16).toLongLong();
        row.slaDue = query.value(17).toLongLong();
        rows.append(row);
    }
    return rows;
}

int ConversationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

bool ConversationListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_exhausted && !m_announcing;
}

void ConversationListModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_exhausted || m_announcing)
        return;
    const auto page = loadPage(m_rows.isEmpty() ? nullptr : &m_rows.constLast(), m_pageSize);
    m_exhausted = page.size() < m_pageSize;
    if (page.isEmpty())
        return;
    m_announcing = true;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page.size() - 1));
    m_rows += page;
    endInsertRows();
    m_announcing = false;
}

qint64 ConversationListModel::conversationIdAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : 0;
}

int ConversationListModel::rowOfConversation(qint64 conversationId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == conversationId)
            return i;
    }
    return -1;
}

QVariant ConversationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    auto time = [](qint64 secs) {
        return secs ? QDateTime::fromSecsSinceEpoch(secs, Qt::UTC) : QDateTime();
    };
    switch (role) {
    case Qt::DisplayRole:
        return row.customerName.isEmpty() ? tr("Unknown customer") : row.customerName;
    case Qt::ToolTipRole:
        return row.subject.isEmpty() ? row.preview : row.subject;
    case Qt::AccessibleTextRole:
        return tr("%1, %2, %3: %4")
            .arg(row.customerName,
                 Domain::channelDisplayName(Domain::channelFromKey(row.channelKey)),
                 Domain::statusDisplayName(Domain::statusFromKey(row.statusKey)), row.preview);
    case Roles::ConversationId:
        return row.id;
    case Roles::CustomerName:
        return row.customerName;
    case Roles::ChannelKey:
        return row.channelKey;
    case Roles::InboxName:
        return row.inboxName;
    case Roles::Subject:
        return row.subject;
    case Roles::Preview:
        return row.preview;
    case Roles::LastActivity:
        return time(row.lastActivity);
    case Roles::StatusKey:
        return row.statusKey;
    case Roles::PriorityLevel:
        return row.priority;
    case Roles::UnreadCount:
        return row.unread;
    case Roles::AssigneeName:
        return row.assigneeName;
    case Roles::WaitingSince:
        return time(row.waitingSince);
    case Roles::LanguageCode:
        return row.language;
    case Roles::LabelList:
        return row.labels;
    case Roles::SourceUid:
        return row.sourceUid;
    case Roles::RemoteId:
        return row.remoteId;
    case Roles::SlaState:
    case Roles::SlaDueAt: {
        const auto sla = m_sla.evaluate(row.channelKey, row.statusKey, time(row.waitingSince),
                                        time(row.firstReplyAt), now());
        return role == Roles::SlaState ? QVariant(int(sla.state)) : QVariant(sla.dueAt);
    }
    case Roles::WaitingText:
        return Metrics::Sla::waitingText(time(row.waitingSince), now());
    default:
        return {};
    }
}

QDateTime ConversationListModel::now() const
{
    return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
}

QHash<int, QByteArray> ConversationListModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(Roles::ConversationId, "conversationId");
    names.insert(Roles::CustomerName, "customerName");
    names.insert(Roles::ChannelKey, "channel");
    names.insert(Roles::Preview, "preview");
    names.insert(Roles::LastActivity, "lastActivity");
    names.insert(Roles::StatusKey, "status");
    return names;
}

} // namespace Counterpart::Models
