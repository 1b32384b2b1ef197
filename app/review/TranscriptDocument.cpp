#include "TranscriptDocument.h"

#include "storage/CacheStore.h"
#include "storage/ReviewStore.h"

#include <QCoreApplication>
#include <QMultiHash>

#include <limits>

namespace Counterpart::Review {

using namespace Domain;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("TranscriptDocument", text);
}

QString escaped(const QString &text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QLatin1String("<br/>"));
}

QString when(const QDateTime &at)
{
    return at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) + QStringLiteral(" UTC");
}

QString messageBlock(const Message &message)
{
    QString style, who;
    switch (message.kind) {
    case MessageKind::Incoming:
        style = QStringLiteral("background:#f1f3f5;");
        who = message.senderName;
        break;
    case MessageKind::Outgoing:
        style = QStringLiteral("background:#e7f0ff;");
        who = message.senderName;
        break;
    case MessageKind::Note:
        style = QStringLiteral("background:#fff8db;");
        who = tr("%1 (private note)").arg(message.senderName);
        break;
    case MessageKind::Activity:
        return QStringLiteral("<p style=\"color:#6b7280;font-size:9pt;margin:4px 0;\">") + escaped(message.text)
            + QStringLiteral(" &middot; ") + when(message.createdAt) + QStringLiteral("</p>");
    }
    QString html = QStringLiteral("<table width=\"100%\" cellpadding=\"6\" style=\"margin:6px 0;") + style
        + QStringLiteral("\"><tr><td><b>") + escaped(who) + QStringLiteral("</b> <span style=\"color:#6b7280;\">")
        + when(message.createdAt) + QStringLiteral("</span><br/>") + escaped(message.text);
    for (const Attachment &file : message.attachments)
        html += QStringLiteral("<br/><i>") + tr("Attachment: %1").arg(file.fileName.toHtmlEscaped()) + QStringLiteral("</i>");
    return html + QStringLiteral("</td></tr></table>");
}

QString annotationBlock(const Annotation &annotation)
{
    static const QHash<Annotation::Kind, QString> colours = {
        {Annotation::Kind::Comment, QStringLiteral("#4b5563")},
        {Annotation::Kind::Praise, QStringLiteral("#047857")},
        {Annotation::Kind::Coaching, QStringLiteral("#b45309")},
    };
    return QStringLiteral("<p style=\"margin:0 0 6px 24px;color:") + colours.value(annotation.kind)
        + QStringLiteral(";\"><b>") + Annotation::kindDisplayName(annotation.kind) + QStringLiteral(":</b> ")
        + escaped(annotation.text) + QStringLiteral("</p>");
}

QString scorecardBlock(const Scorecard &card, const Rubric &rubric)
{
    QString html = QStringLiteral("<h2>") + tr("Scorecard: %1/100").arg(qRound(card.total)) + QStringLiteral("</h2>");
    if (!card.reviewer.isEmpty())
        html += QStringLiteral("<p>") + tr("Reviewed by %1").arg(card.reviewer.toHtmlEscaped()) + QStringLiteral("</p>");
    if (!card.replies.isEmpty()) {
        html += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\"><tr><th>") + tr("Reply")
            + QStringLiteral("</th>");
        for (const Compose::LatteStep step : Compose::allLatteSteps())
            html += QStringLiteral("<th>") + Compose::latteStepDisplayName(step) + QStringLiteral("</th>");
        html += QStringLiteral("<th>") + tr("Tone") + QStringLiteral("</th></tr>");
        int number = 0;
        for (const ReplyScore &reply : card.replies) {
            html += QStringLiteral("<tr><td>") + QString::number(++number) + QStringLiteral("</td>");
            for (const Compose::LatteStep step : Compose::allLatteSteps())
                html += QStringLiteral("<td align=\"center\">") + (reply.isTicked(step) ? QStringLiteral("&#10003;") : QStringLiteral("&ndash;"))
                    + QStringLiteral("</td>");
            html += QStringLiteral("<td>") + reply.toneRules.join(QStringLiteral(", ")).toHtmlEscaped() + QStringLiteral("</td></tr>");
        }
        html += QStringLiteral("</table>");
    }
    html += QStringLiteral("<ul>");
    for (const RubricItem &item : rubric.items) {
        const RubricAnswer answer = card.rubric.value(item.key, RubricAnswer::NotApplicable);
        const QString answerText = answer == RubricAnswer::Met ? tr("met")
            : answer == RubricAnswer::NotMet ? tr("not met") : tr("not applicable");
        html += QStringLiteral("<li>") + item.title.toHtmlEscaped() + QStringLiteral(" (") + tr("weight %1").arg(item.weight)
            + QStringLiteral("): <b>") + answerText + QStringLiteral("</b></li>");
    }
    html += QStringLiteral("</ul>");
    if (!card.comment.isEmpty())
        html += QStringLiteral("<p>") + escaped(card.comment) + QStringLiteral("</p>");
    return html;
}

} // namespace

TranscriptDocument::TranscriptDocument(const Storage::CacheStore *cache, const Storage::ReviewStore *reviews)
    : m_cache(cache)
    , m_reviews(reviews)
{
}

QString TranscriptDocument::html(qint64 conversationId, const Rubric &rubric, Options options, QString *error) const
{
    const std::optional<Conversation> conversation = m_cache->conversation(conversationId);
    if (!conversation) {
        if (error)
            *error = tr("Conversation %1 is not in the local cache.").arg(conversationId);
        return {};
    }
    QString sourceUid;
    for (const Source &source : m_cache->sources()) {
        if (source.id == conversation->sourceId)
            sourceUid = source.uid;
    }
    QString inboxName, channel;
    for (const Inbox &inbox : m_cache->inboxes()) {
        if (inbox.id == conversation->inboxId) {
            inboxName = inbox.name;
            channel = channelDisplayName(inbox.channel);
        }
    }
    const std::optional<Contact> contact = m_cache->contact(conversation->contactId);

    QMultiHash<qint64, Annotation> notes;
    if (options.annotations && m_reviews) {
        for (const Annotation &annotation : m_reviews->annotations(sourceUid, conversation->remoteId))
            notes.insert(annotation.messageRemoteId, annotation);
    }

    QString html = QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
        + tr("Conversation #%1").arg(conversation->remoteId) + QStringLiteral("</title></head>"
        "<body style=\"font-family:'DejaVu Sans','Noto Sans CJK SC',sans-serif;font-size:10pt;\">");
    html += QStringLiteral("<h1>") + tr("Conversation #%1").arg(conversation->remoteId);
    if (!conversation->subject.isEmpty())
        html += QStringLiteral(": ") + conversation->subject.toHtmlEscaped();
    html += QStringLiteral("</h1><p>") + tr("Customer: %1").arg(contact ? contact->name.toHtmlEscaped() : QString())
        + QStringLiteral(" &middot; ") + tr("Inbox: %1 (%2)").arg(inboxName.toHtmlEscaped(), channel)
        + QStringLiteral(" &middot; ") + tr("Status: %1").arg(statusKey(conversation->status))
        + QStringLiteral(" &middot; ") + tr("Opened %1").arg(when(conversation->createdAt));
    if (conversation->csatRating > 0)
        html += QStringLiteral(" &middot; ") + tr("CSAT %1/5").arg(conversation->csatRating);
    html += QStringLiteral("</p>");

    const QList<Message> messages = m_cache->messages(conversationId, std::numeric_limits<int>::max());
    for (const Message &message : messages) {
        html += messageBlock(message);
        QList<Annotation> pinned = notes.values(message.remoteId);
        std::sort(pinned.begin(), pinned.end(), [](const Annotation &a, const Annotation &b) { return a.id < b.id; });
        for (const Annotation &annotation : std::as_const(pinned))
            html += annotationBlock(annotation);
    }
    if (options.scorecard && m_reviews) {
        if (const auto card = m_reviews->scorecard(sourceUid, conversation->remoteId))
            html += scorecardBlock(*card, rubric);
    }
    return html + QStringLiteral("</body></html>");
}

QString TranscriptDocument::suggestedFileName(qint64 conversationId) const
{
    const std::optional<Conversation> conversation = m_cache->conversation(conversationId);
    if (!conversation)
        return QStringLiteral("conversation");
    QString name = QStringLiteral("conversation-") + QString::number(conversation->remoteId);
    if (const auto contact = m_cache->contact(conversation->contactId)) {
        QString slug;
        for (const QChar c : contact->name.toLower()) {
            if (c.isLetterOrNumber())
                slug += c;
            else if (!slug.endsWith(QLatin1Char('-')))
                slug += QLatin1Char('-');
        }
        while (slug.endsWith(QLatin1Char('-')))
            slug.chop(1);
        if (!slug.isEmpty())
            name += QLatin1Char('-') + slug;
    }
    return name;
}

} // namespace Counterpart::Review
