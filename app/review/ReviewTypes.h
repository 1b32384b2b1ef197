#pragma once

#include "compose/LatteStep.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>

namespace Counterpart::Review {

/**
 * A team lead's note pinned to one message of a transcript. Conversations and messages are named
 * by their server identity (source uid, remote ids) because the cache may be rebuilt.
 */
struct Annotation
{
    enum class Kind { Comment, Praise, Coaching };

    qint64 id = 0;
    QString sourceUid;
    qint64 conversationRemoteId = 0;
    qint64 messageRemoteId = 0;
    Kind kind = Kind::Comment;
    QString text;
    QDateTime createdAt;

    static QString kindKey(Kind kind);
    static Kind kindFromKey(const QString &key);
    static QString kindDisplayName(Kind kind);
};

/** How one agent reply scores: LATTE as detected, the lead's overrides, and the tone findings. */
struct ReplyScore
{
    qint64 messageRemoteId = 0;
    std::array<bool, 5> detected{};                 ///< by LatteChecker, in LATTE order
    std::array<std::optional<bool>, 5> overridden{}; ///< the lead's decision, which wins
    QStringList toneRules;                          ///< rule ids found by ToneLinter
    int severeToneFindings = 0;                     ///< of high severity

    bool isTicked(Compose::LatteStep step) const
    {
        const int i = int(step);
        return overridden[i].value_or(detected[i]);
    }
    int tickedCount() const;
};

/** One configurable rubric line ("resolved the root cause") and how much it weighs. */
struct RubricItem
{
    QString key;
    QString title;
    double weight = 1;
    friend bool operator==(const RubricItem &, const RubricItem &) = default;
};

enum class RubricAnswer { NotApplicable, Met, NotMet };
QString rubricAnswerKey(RubricAnswer answer);
RubricAnswer rubricAnswerFromKey(const QString &key);

/** The lead's review of one conversation. total is 0-100, see Rubric::total(). */
struct Scorecard
{
    qint64 id = 0;
    QString sourceUid;
    qint64 conversationRemoteId = 0;
    qint64 agentRemoteId = 0; ///< the agent reviewed (the conversation's assignee)
    QString agentName;
    QString reviewer;
    QList<ReplyScore> replies;
    QHash<QString, RubricAnswer> rubric; ///< by RubricItem::key; missing = not applicable
    QString comment;
    double total = 0;
    QDateTime conversationAt; ///< when the reviewed conversation was last active
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime sharedAt; ///< null until pushed to the helpdesk
};

} // namespace Counterpart::Review
