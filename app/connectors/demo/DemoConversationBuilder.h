#pragma once

#include "DemoPeople.h"

namespace Counterpart::Connectors::Demo {

class DemoRandom;

/**
 * Writes one conversation the way it would have happened: the customer's first messages, triage
 * (assignment, labels, priority), the agent's reply in one of several qualities, notes between
 * agents, the customer's answer, the resolution, thanks and a CSAT rating. Where the timeline
 * ends (`now`) decides how far the story got: recent ones are still open, pending or snoozed.
 */
class DemoConversationBuilder
{
public:
    struct Result
    {
        Domain::Conversation conversation;
        QList<Domain::Message> messages; ///< chronological; remoteId left 0 for the caller
    };

    explicit DemoConversationBuilder(const QDateTime &now);

    Result build(DemoRandom &rng, qint64 remoteId, const QDateTime &createdAt,
                 const DemoPerson &person) const;
    /** A months-long WhatsApp thread with a business customer, still open, of `messages` messages. */
    Result buildLongThread(DemoRandom &rng, qint64 remoteId, const QDateTime &createdAt,
                           const DemoPerson &person, int messages) const;

private:
    qint64 m_now;
};

} // namespace Counterpart::Connectors::Demo
