#include "ScorecardSharing.h"

#include "storage/CacheStore.h"
#include "storage/ReviewStore.h"
#include "sync/OutboxStore.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace Counterpart::Review {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ScorecardSharing", text);
}

QString answerText(RubricAnswer answer)
{
    switch (answer) {
    case RubricAnswer::Met: return tr("met");
    case RubricAnswer::NotMet: return tr("not met");
    case RubricAnswer::NotApplicable: break;
    }
    return tr("n/a");
}

} // namespace

ScorecardSharing::ScorecardSharing(const Storage::CacheStore *cache, Sync::OutboxStore *outbox,
                                   Storage::ReviewStore *reviews)
    : m_cache(cache)
    , m_outbox(outbox)
    , m_reviews(reviews)
{
}

QString ScorecardSharing::noteText(const Scorecard &scorecard, const Rubric &rubric,
                                   const QList<Annotation> &annotations)
{
    QStringList lines;
    lines.append(tr("Review score: %1/100").arg(qRound(scorecard.total)));
    if (!scorecard.replies.isEmpty()) {
        int ticked = 0;
        for (const ReplyScore &reply : scorecard.replies)
            ticked += reply.tickedCount();
        lines.append(tr("LATTE: %1 of %2 steps across %3 replies")
                         .arg(ticked).arg(5 * scorecard.replies.size()).arg(scorecard.replies.size()));
    }
    for (const RubricItem &item : rubric.items)
        lines.append(QStringLiteral("- ") + item.title + QStringLiteral(": ")
                     + answerText(scorecard.rubric.value(item.key, RubricAnswer::NotApplicable)));
    if (!scorecard.comment.isEmpty()) {
        lines.append(QString());
        lines.append(scorecard.comment);
    }
    if (!annotations.isEmpty()) {
        lines.append(QString());
        for (const Annotation &annotation : annotations)
            lines.append(Annotation::kindDisplayName(annotation.kind) + QStringLiteral(": ") + annotation.text);
    }
    return lines.join(QLatin1Char('\n'));
}

QJsonObject ScorecardSharing::attributes(const QJsonObject &existing, const Scorecard &scorecard)
{
    QJsonObject merged = existing;
    merged.insert(QStringLiteral("counterpart_review_score"), qRound(scorecard.total));
    merged.insert(QStringLiteral("counterpart_reviewed_at"),
                  (scorecard.updatedAt.isValid() ? scorecard.updatedAt : QDateTime::currentDateTimeUtc())
                      .toUTC().toString(Qt::ISODate));
    return merged;
}

bool ScorecardSharing::share(const Scorecard &scorecard, const Rubric &rubric, Choice choice, QString *error)
{
    if (scorecard.id == 0) {
        *error = tr("Save the scorecard before sharing it.");
        return false;
    }
    if (!choice.note && !choice.attributes) {
        *error = tr("Choose a note, custom attributes, or both.");
        return false;
    }
    QList<Sync::OutboxOperation> operations;
    if (choice.note) {
        Sync::OutboxOperation note;
        note.sourceUid = scorecard.sourceUid;
        note.conversationRemoteId = scorecard.conversationRemoteId;
        note.kind = Sync::OutboxOperation::Kind::Note;
        note.payload.insert(QStringLiteral("content"),
                            noteText(scorecard, rubric,
                                     m_reviews->annotations(scorecard.sourceUid, scorecard.conversationRemoteId)));
        operations.append(note);
    }
    if (choice.attributes) {
        // The conversation's current hash from the cache: Chatwoot replaces the whole hash.
        QJsonObject existing;
        QSqlQuery query(m_cache->connection());
        query.prepare(QStringLiteral("SELECT c.id FROM conversations c JOIN sources s ON s.id=c.source_id"
                                     " WHERE s.uid=? AND c.remote_id=?"));
        query.addBindValue(scorecard.sourceUid);
        query.addBindValue(scorecard.conversationRemoteId);
        if (query.exec() && query.next()) {
            if (const auto conversation = m_cache->conversation(query.value(0).toLongLong()))
                existing = conversation->customAttributes;
        }
        Sync::OutboxOperation attributesOp;
        attributesOp.sourceUid = scorecard.sourceUid;
        attributesOp.conversationRemoteId = scorecard.conversationRemoteId;
        attributesOp.kind = Sync::OutboxOperation::Kind::CustomAttributes;
        attributesOp.payload.insert(QStringLiteral("custom_attributes"), attributes(existing, scorecard));
        operations.append(attributesOp);
    }
    for (const Sync::OutboxOperation &operation : std::as_const(operations)) {
        if (m_outbox->enqueue(operation) == 0) {
            *error = tr("The outbox could not store the review: %1").arg(m_outbox->errorString());
            return false;
        }
    }
    return m_reviews->markShared(scorecard.id, QDateTime::currentDateTimeUtc());
}

} // namespace Counterpart::Review
