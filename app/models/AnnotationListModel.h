#pragma once

#include "review/ReviewTypes.h"

#include <QAbstractListModel>

namespace Counterpart::Storage {
class ReviewStore;
}

namespace Counterpart::Models {

/**
 * The lead's annotations on one conversation, in message order, read from the ReviewStore and
 * re-read whenever it changes. onlyMessage() narrows the list to the notes pinned to one message.
 */
class AnnotationListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    explicit AnnotationListModel(Storage::ReviewStore *reviews, QObject *parent = nullptr);

    void setConversation(const QString &sourceUid, qint64 conversationRemoteId);
    QString sourceUid() const { return m_sourceUid; }
    qint64 conversationRemoteId() const { return m_conversationRemoteId; }
    const QList<Review::Annotation> &annotations() const { return m_annotations; }
    /** How many annotations are pinned to the message. */
    int countForMessage(qint64 messageRemoteId) const;
    void reload();

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    Storage::ReviewStore *m_reviews;
    QString m_sourceUid;
    qint64 m_conversationRemoteId = 0;
    QList<Review::Annotation> m_annotations;
};

} // namespace Counterpart::Models
