#include "ReviewQueueModel.h"

#include "ItemRoles.h"

#include <QLocale>

namespace Counterpart::Models {

ReviewQueueModel::ReviewQueueModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ReviewQueueModel::setEntries(const QList<Review::QueueEntry> &entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

void ReviewQueueModel::setScore(const QString &sourceUid, qint64 conversationRemoteId, double score)
{
    for (int row = 0; row < m_entries.size(); ++row) {
        Review::QueueEntry &entry = m_entries[row];
        if (entry.sourceUid != sourceUid || entry.conversationRemoteId != conversationRemoteId)
            continue;
        entry.score = score;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

int ReviewQueueModel::rowOfConversation(qint64 conversationId) const
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).conversationId == conversationId)
            return row;
    }
    return -1;
}

int ReviewQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ReviewQueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReviewQueueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Review::QueueEntry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case Customer: return entry.contactName;
        case Agent: return entry.agentName.isEmpty() ? tr("Unassigned") : entry.agentName;
        case Channel: return entry.channel;
        case Subject: return entry.subject;
        case Csat: return entry.csatRating > 0 ? QVariant(entry.csatRating) : QVariant(QString());
        case LastActivity:
            return QLocale().toString(entry.lastActivityAt.toLocalTime(), QLocale::ShortFormat);
        case Score:
            return entry.score >= 0 ? QLocale().toString(entry.score, 'f', 0) : QStringLiteral("—");
        case ColumnCount: break;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Score && entry.score < 0)
            return tr("Not reviewed yet");
        return index.column() == Subject || index.column() == Customer ? QVariant(entry.subject) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == Csat || index.column() == Score
            ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case Roles::ConversationId: return entry.conversationId;
    case Roles::SourceUid: return entry.sourceUid;
    case Roles::RemoteId: return entry.conversationRemoteId;
    case Roles::CustomerName: return entry.contactName;
    case Roles::AssigneeName: return entry.agentName;
    case Roles::ChannelKey: return entry.channel;
    case Roles::Subject: return entry.subject;
    case Roles::LastActivity: return entry.lastActivityAt;
    case Roles::CsatRating: return entry.csatRating;
    case Roles::ReviewScore: return entry.score;
    default: return {};
    }
}

QVariant ReviewQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Customer: return tr("Customer");
    case Agent: return tr("Agent");
    case Channel: return tr("Channel");
    case Subject: return tr("Subject");
    case Csat: return tr("CSAT");
    case LastActivity: return tr("Last activity");
    case Score: return tr("Score");
    case ColumnCount: break;
    }
    return {};
}

} // namespace Counterpart::Models
