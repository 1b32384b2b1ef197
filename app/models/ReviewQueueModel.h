#pragma once

#include "review/ReviewQueue.h"

#include <QAbstractTableModel>

namespace Counterpart::Models {

/**
 * A review queue as a table: customer, agent, channel, subject, CSAT, last activity and the score
 * once reviewed. Roles carry the conversation's identity for opening it and pinning reviews.
 */
class ReviewQueueModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Customer, Agent, Channel, Subject, Csat, LastActivity, Score, ColumnCount };

    explicit ReviewQueueModel(QObject *parent = nullptr);

    void setEntries(const QList<Review::QueueEntry> &entries);
    const QList<Review::QueueEntry> &entries() const { return m_entries; }
    /** Updates the score column of one conversation after its scorecard was saved. */
    void setScore(const QString &sourceUid, qint64 conversationRemoteId, double score);
    int rowOfConversation(qint64 conversationId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Review::QueueEntry> m_entries;
};

} // namespace Counterpart::Models
