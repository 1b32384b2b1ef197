#include "ScorecardBuilder.h"

#include "compose/LatteChecker.h"
#include "compose/ToneLinter.h"
#include "storage/CacheStore.h"

#include <limits>

namespace Counterpart::Review {

using namespace Domain;

ScorecardBuilder::ScorecardBuilder(const Storage::CacheStore *cache)
    : m_cache(cache)
{
}

Scorecard ScorecardBuilder::prefill(qint64 conversationId, const Rubric &rubric) const
{
    Scorecard card;
    const std::optional<Conversation> conversation = m_cache->conversation(conversationId);
    if (!conversation)
        return card;
    for (const Source &source : m_cache->sources()) {
        if (source.id == conversation->sourceId)
            card.sourceUid = source.uid;
    }
    card.conversationRemoteId = conversation->remoteId;
    card.conversationAt = conversation->lastActivityAt;
    for (const Agent &agent : m_cache->agents()) {
        if (agent.id == conversation->assigneeId) {
            card.agentRemoteId = agent.remoteId;
            card.agentName = agent.name;
        }
    }
    ChannelKind channel = ChannelKind::Email;
    for (const Inbox &inbox : m_cache->inboxes()) {
        if (inbox.id == conversation->inboxId)
            channel = inbox.channel;
    }
    const std::optional<Contact> contact = m_cache->contact(conversation->contactId);
    const QString language = contact && !contact->language.isEmpty() ? contact->language : QStringLiteral("en");

    Compose::ToneOptions tone;
    tone.language = language;
    tone.channel = channel;
    tone.customerName = contact ? contact->name : QString();
    const Compose::LatteChecker checker(language);
    const Compose::ToneLinter linter(tone);

    QString customerSaid; // the customer's latest message before the reply: what Listen refers to
    const QList<Message> messages = m_cache->messages(conversationId, std::numeric_limits<int>::max());
    for (const Message &message : messages) {
        if (message.kind == MessageKind::Incoming) {
            customerSaid = message.text;
            continue;
        }
        if (message.kind != MessageKind::Outgoing || message.senderKind != SenderKind::Agent)
            continue;
        const Compose::LatteResult latte = checker.check(message.text, customerSaid);
        ReplyScore reply;
        reply.messageRemoteId = message.remoteId;
        for (const Compose::LatteStep step : Compose::allLatteSteps())
            reply.detected[int(step)] = latte.step(step).detected;
        for (const Compose::ToneFinding &finding : linter.lint(message.text, latte)) {
            if (!reply.toneRules.contains(finding.ruleId))
                reply.toneRules.append(finding.ruleId);
            reply.severeToneFindings += finding.severity == Compose::Severity::High ? 1 : 0;
        }
        card.replies.append(reply);
    }
    card.total = rubric.total(card);
    return card;
}

Scorecard ScorecardBuilder::merge(const Scorecard &fresh, const Scorecard &saved, const Rubric &rubric)
{
    Scorecard merged = fresh;
    merged.id = saved.id;
    merged.reviewer = saved.reviewer;
    merged.rubric = saved.rubric;
    merged.comment = saved.comment;
    merged.createdAt = saved.createdAt;
    merged.sharedAt = saved.sharedAt;
    for (ReplyScore &reply : merged.replies) {
        for (const ReplyScore &old : saved.replies) {
            if (old.messageRemoteId == reply.messageRemoteId)
                reply.overridden = old.overridden;
        }
    }
    merged.total = rubric.total(merged);
    return merged;
}

} // namespace Counterpart::Review
