#pragma once

#include "compose/LattePolicy.h"
#include "compose/TemplateContext.h"
#include "compose/ToneFinding.h"
#include "domain/Channel.h"

#include <QString>

namespace Counterpart::Ui {

struct Services;

/**
 * What the compose assistant needs to know about the conversation a reply is written in: the
 * customer's language and name, the channel, the inbox's voice, the customer's last message
 * (for LATTE's Listen), the effective LATTE policy and the template variables.
 */
struct ComposeSituation
{
    QString language = QStringLiteral("en"); ///< the contact's tag; resolved by the core
    Domain::ChannelKind channel = Domain::ChannelKind::Email;
    QString customerName;
    Compose::Formality formality = Compose::Formality::Neutral;
    QString customerMessage;
    Compose::LattePolicy lattePolicy;
    Compose::TemplateContext templateContext;

    /** Reads the conversation from the cache and the policies from the workspace; a default
     *  situation when the conversation is unknown. \a agentId 0: the first "me" agent. */
    static ComposeSituation load(const Services &services, qint64 conversationId);
};

} // namespace Counterpart::Ui
