#include "OutboxListModel.h"

#include "OutboxRoles.h"
#include "sync/OutboxStore.h"

namespace Counterpart::Models {

using Sync::OutboxOperation;

OutboxListModel::OutboxListModel(Sync::OutboxStore *store, QObject *parent)
    : QAbstractListModel(parent), m_store(store)
{
    connect(m_store, &Sync::OutboxStore::operationChanged, this, &OutboxListModel::reload);
    reload();
}

void OutboxListModel::setConversation(const QString &sourceUid, qint64 conversationRemoteId)
{
    m_sourceUid = sourceUid;
    m_conversationRemoteId = conversationRemoteId;
    reload();
}

void OutboxListModel::reload()
{
    beginResetModel();
    m_rows = m_sourceUid.isEmpty()
        ? m_store->pending()
        : m_store->pendingForConversation(m_sourceUid, m_conversationRemoteId);
    endResetModel();
}

int OutboxListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant OutboxListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const OutboxOperation &op = m_rows.at(index.row());
    const bool isMessage = op.kind == OutboxOperation::Kind::Reply || op.kind == OutboxOperation::Kind::Note
        || op.kind == OutboxOperation::Kind::ContactNote;
    switch (role) {
    case Qt::DisplayRole:
        if (isMessage)
            return op.payload.value(QLatin1String("content")).toString();
        return OutboxOperation::kindKey(op.kind);
    case Qt::ToolTipRole:
        return op.lastError;
    case OutboxIdRole:
        return op.id;
    case OutboxSourceUidRole:
        return op.sourceUid;
    case OutboxConversationRemoteIdRole:
        return op.conversationRemoteId;
    case OutboxKindRole:
        return OutboxOperation::kindKey(op.kind);
    case OutboxStateRole:
        return OutboxOperation::stateKey(op.state);
    case OutboxAttemptsRole:
        return op.attempts;
    case OutboxLastErrorRole:
        return op.lastError;
    case OutboxCanRetryRole:
        return op.state == OutboxOperation::State::Failed;
    case OutboxCanDiscardRole:
        return op.state == OutboxOperation::State::Queued || op.state == OutboxOperation::State::Failed;
    case OutboxContentRole:
        return isMessage ? op.payload.value(QLatin1String("content")).toString() : QString();
    case OutboxEchoIdRole:
        return op.echoId;
    default:
        return {};
    }
}

QHash<int, QByteArray> OutboxListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(OutboxIdRole, "outboxId");
    names.insert(OutboxSourceUidRole, "sourceUid");
    names.insert(OutboxConversationRemoteIdRole, "conversationRemoteId");
    names.insert(OutboxKindRole, "kind");
    names.insert(OutboxStateRole, "state");
    names.insert(OutboxAttemptsRole, "attempts");
    names.insert(OutboxLastErrorRole, "lastError");
    names.insert(OutboxCanRetryRole, "canRetry");
    names.insert(OutboxCanDiscardRole, "canDiscard");
    names.insert(OutboxContentRole, "content");
    names.insert(OutboxEchoIdRole, "echoId");
    return names;
}

} // namespace Counterpart::Models
