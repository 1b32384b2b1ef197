#include "ComposeSituation.h"

#include "Services.h"
#include "storage/CacheStore.h"
#include "storage/LattePolicyStore.h"

namespace Counterpart::Ui {

ComposeSituation ComposeSituation::load(const Services &services, qint64 conversationId)
{
    ComposeSituation situation;
    if (!services.cache)
        return situation;
    const std::optional<Domain::Conversation> conversation = services.cache->conversation(conversationId);
    if (!conversation)
        return situation;

    Domain::Inbox inbox;
    for (const Domain::Inbox &candidate : services.cache->inboxes()) {
        if (candidate.id == conversation->inboxId)
            inbox = candidate;
    }
    const QList<qint64> me = services.cache->meAgentIds();
    Domain::Agent agent;
    for (const Domain::Agent &candidate : services.cache->agents()) {
        if (candidate.id == conversation->assigneeId && agent.id == 0)
            agent = candidate;
        if (me.contains(candidate.id) && candidate.sourceId == conversation->sourceId)
            agent = candidate; // the person typing signs the reply, not whoever is assigned
    }
    const Domain::Contact contact = services.cache->contact(conversation->contactId).value_or(Domain::Contact());

    situation.language = contact.language.isEmpty() ? QStringLiteral("en") : contact.language;
    situation.channel = inbox.channel;
    situation.customerName = Compose::TemplateContext::firstNameOf(contact.name);
    situation.templateContext = Compose::TemplateContext::fromConversation(contact, agent, *conversation, inbox);

    const QList<Domain::Message> recent = services.cache->messages(conversationId, 20);
    for (auto it = recent.crbegin(); it != recent.crend(); ++it) { // oldest first: walk back
        if (it->kind == Domain::MessageKind::Incoming) {
            situation.customerMessage = it->text;
            break;
        }
    }

    // "A low rating before": the worst rating of the customer's other conversations.
    int previousRating = 0;
    for (const Domain::Conversation &earlier : services.cache->conversationsOfContact(contact.id, 50)) {
        if (earlier.id != conversationId && earlier.csatRating > 0
            && (previousRating == 0 || earlier.csatRating < previousRating))
            previousRating = earlier.csatRating;
    }

    QString sourceUid;
    for (const Domain::Source &source : services.cache->sources()) {
        if (source.id == conversation->sourceId)
            sourceUid = source.uid;
    }
    if (services.lattePolicies) {
        const QString inboxKey = Storage::LattePolicyStore::inboxKey(sourceUid, inbox.remoteId);
        situation.formality = services.lattePolicies->formality(inboxKey);
        situation.lattePolicy = services.lattePolicies->effective(inboxKey, conversation->labels, previousRating);
    }
    return situation;
}

} // namespace Counterpart::Ui
