#pragma once

#include "domain/Entities.h"

#include <QHash>
#include <QString>

namespace Counterpart::Compose {

/**
 * What a template is filled from: variable values by dotted name ("contact.first_name") and the
 * agent's answers to prompted fields by label ("Delivery date"). An empty value counts as
 * undefined, so a contact without a name falls back to "{{contact.first_name|there}}"'s "there".
 */
struct TemplateContext
{
    QHash<QString, QString> values;
    QHash<QString, QString> answers;

    /** Variables of the current conversation: contact.*, contact.custom.*, agent.*,
     *  conversation.*, conversation.custom.*, inbox.name. */
    static TemplateContext fromConversation(const Domain::Contact &contact,
                                            const Domain::Agent &agent,
                                            const Domain::Conversation &conversation,
                                            const Domain::Inbox &inbox);

    /** First name as people address each other: "Priya" for "Priya Shah"; a Han name whole. */
    static QString firstNameOf(const QString &fullName);
    static QString lastNameOf(const QString &fullName);
};

} // namespace Counterpart::Compose
