#include "ContactNotesModel.h"

#include "ItemRoles.h"
#include "storage/CacheStore.h"
#include "sync/OutboxStore.h"

namespace Counterpart::Models {

using Sync::OutboxOperation;

ContactNotesModel::ContactNotesModel(Storage::CacheStore *cache, Sync::OutboxStore *outbox, QObject *parent)
    : QAbstractListModel(parent)
    , m_cache(cache)
    , m_outbox(outbox)
{
    connect(m_cache, &Storage::CacheStore::contactNotesIngested, this, [this](const QList<qint64> &contactIds) {
        if (m_contactId != 0 && contactIds.contains(m_contactId))
            reload();
    });
    if (m_outbox) {
        connect(m_outbox, &Sync::OutboxStore::operationChanged, this, [this](qint64 id) {
            // Only contact notes matter here; a discarded one no longer exists, so any pending row
            // with that id counts too.
            const auto op = m_outbox->operation(id);
            const bool mine = op ? op->kind == OutboxOperation::Kind::ContactNote
                                 : std::any_of(m_pending.cbegin(), m_pending.cend(),
                                               [id](const OutboxOperation &pending) { return pending.id == id; });
            if (mine && m_contactId != 0)
                reload();
        });
    }
}

void ContactNotesModel::setContact(qint64 contactId)
{
    m_contactId = contactId;
    m_contactRemoteId = 0;
    m_sourceUid.clear();
    if (const auto contact = contactId ? m_cache->contact(contactId) : std::nullopt) {
        m_contactRemoteId = contact->remoteId;
        const QList<Domain::Source> sources = m_cache->sources();
        for (const Domain::Source &source : sources) {
            if (source.id == contact->sourceId)
                m_sourceUid = source.uid;
        }
    }
    reload();
}

void ContactNotesModel::reload()
{
    beginResetModel();
    m_pending.clear();
    m_stored.clear();
    if (m_contactId != 0) {
        m_stored = m_cache->contactNotes(m_contactId);
        if (m_outbox && !m_sourceUid.isEmpty()) {
            const QList<OutboxOperation> pending = m_outbox->pending(m_sourceUid);
            for (const OutboxOperation &op : pending) {
                if (op.kind == OutboxOperation::Kind::ContactNote
                    && op.payload.value(QLatin1String("contact_remote_id")).toInteger() == m_contactRemoteId)
                    m_pending.prepend(op); // pending() is oldest first
            }
        }
    }
    endResetModel();
}

int ContactNotesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_pending.size() + m_stored.size());
}

QVariant ContactNotesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (index.row() < m_pending.size()) {
        const OutboxOperation &op = m_pending.at(index.row());
        switch (role) {
        case Qt::DisplayRole:
            return op.payload.value(QLatin1String("content")).toString();
        case Roles::NoteAuthor:
            return tr("You");
        case Roles::NoteTime:
            return QDateTime::fromMSecsSinceEpoch(op.createdAtMs, Qt::UTC);
        case Roles::NoteStateKey:
            return OutboxOperation::stateKey(op.state);
        case Roles::NoteError:
            return op.state == OutboxOperation::State::Failed ? op.lastError : QString();
        case Roles::NoteOutboxId:
            return op.id;
        default:
            return {};
        }
    }
    const Domain::ContactNote &note = m_stored.at(index.row() - m_pending.size());
    switch (role) {
    case Qt::DisplayRole:
        return note.content;
    case Roles::NoteAuthor:
        return note.authorName;
    case Roles::NoteTime:
        return note.createdAt;
    case Roles::NoteStateKey:
        return QStringLiteral("stored");
    case Roles::NoteError:
        return QString();
    case Roles::NoteOutboxId:
        return qint64(0);
    default:
        return {};
    }
}

} // namespace Counterpart::Models
