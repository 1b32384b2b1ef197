#include "AnnotationListModel.h"

#include "ItemRoles.h"
#include "storage/ReviewStore.h"

#include <algorithm>

namespace Counterpart::Models {

AnnotationListModel::AnnotationListModel(Storage::ReviewStore *reviews, QObject *parent)
    : QAbstractListModel(parent)
    , m_reviews(reviews)
{
    connect(m_reviews, &Storage::ReviewStore::changed, this, &AnnotationListModel::reload);
}

void AnnotationListModel::setConversation(const QString &sourceUid, qint64 conversationRemoteId)
{
    m_sourceUid = sourceUid;
    m_conversationRemoteId = conversationRemoteId;
    reload();
}

void AnnotationListModel::reload()
{
    beginResetModel();
    m_annotations = m_sourceUid.isEmpty() ? QList<Review::Annotation>()
                                          : m_reviews->annotations(m_sourceUid, m_conversationRemoteId);
    endResetModel();
}

int AnnotationListModel::countForMessage(qint64 messageRemoteId) const
{
    return int(std::count_if(m_annotations.cbegin(), m_annotations.cend(), [messageRemoteId](const auto &a) {
        return a.messageRemoteId == messageRemoteId;
    }));
}

int AnnotationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_annotations.size());
}

QVariant AnnotationListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Review::Annotation &annotation = m_annotations.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return tr("%1: %2").arg(Review::Annotation::kindDisplayName(annotation.kind), annotation.text);
    case Roles::AnnotationId: return annotation.id;
    case Roles::AnnotationKindKey: return Review::Annotation::kindKey(annotation.kind);
    case Roles::AnnotationText: return annotation.text;
    case Roles::AnnotationMessageRemoteId: return annotation.messageRemoteId;
    case Roles::AnnotationTime: return annotation.createdAt;
    default: return {};
    }
}

} // namespace Counterpart::Models
