#pragma once

#include "review/ReviewTypes.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QSet>

#include <optional>

namespace Counterpart::Storage {

class WorkspaceStore;

/**
 * Scorecards and annotations in workspace.sqlite: the team lead's own work, never in the cache.
 * Every write is committed before it returns; changed() tells open views to reload.
 */
class ReviewStore : public QObject
{
    Q_OBJECT
public:
    /** An agent's reviews in one week, for the trend column of the per-agent list. */
    struct WeekScore
    {
        QDate weekStart; ///< Monday
        double average = 0;
        int reviews = 0;
    };

    struct AgentSummary
    {
        QString sourceUid;
        qint64 agentRemoteId = 0;
        QString agentName;
        int reviews = 0;
        double average = 0;
        QList<WeekScore> weeks; ///< oldest first
    };

    explicit ReviewStore(WorkspaceStore *workspace, QObject *parent = nullptr);

    /** Inserts or replaces the scorecard of its conversation; returns its id, 0 on failure. */
    qint64 saveScorecard(const Review::Scorecard &scorecard);
    std::optional<Review::Scorecard> scorecard(const QString &sourceUid, qint64 conversationRemoteId) const;
    /** Newest conversation first; agentRemoteId 0: every agent. Range on conversationAt. */
    QList<Review::Scorecard> scorecards(const QString &sourceUid = QString(), qint64 agentRemoteId = 0,
                                        const QDateTime &from = {}, const QDateTime &to = {}) const;
    bool markShared(qint64 scorecardId, const QDateTime &at);
    bool deleteScorecard(qint64 scorecardId);

    /** "sourceUid/remoteId" of every reviewed conversation, for "never reviewed" queues. */
    QSet<QString> reviewedConversations() const;
    static QString conversationKey(const QString &sourceUid, qint64 conversationRemoteId);

    /** Per agent: count, average and weekly averages of the last `weeks` weeks before `now`. */
    QList<AgentSummary> agentSummaries(const QDateTime &now, int weeks = 8) const;

    /** Average total and count per agent, keyed "sourceUid/agentRemoteId" (MetricsEngine::agentKey). */
    QHash<QString, QPair<double, int>> scoresByAgent(const QDateTime &from = {}, const QDateTime &to = {}) const;

    qint64 addAnnotation(const Review::Annotation &annotation);
    bool updateAnnotation(qint64 id, Review::Annotation::Kind kind, const QString &text);
    bool removeAnnotation(qint64 id);
    /** In message order (remote ids grow with time), then in the order they were written. */
    QList<Review::Annotation> annotations(const QString &sourceUid, qint64 conversationRemoteId) const;

    QString errorString() const { return m_error; }

signals:
    void changed();

private:
    WorkspaceStore *m_workspace;
    mutable QString m_error;
};

} // namespace Counterpart::Storage
