#pragma once

#include "domain/Entities.h"

#include <array>

namespace Counterpart::Connectors::Demo {

/** How an agent tends to write; team leads will find all of these when they review replies. */
enum class ReplyQuality { Great, Ok, Terse, Blame };

struct DemoAgentProfile
{
    Domain::Agent agent;
    QString firstName; ///< how the agent signs and is addressed
    int language = 0;  ///< index in DemoCorpus::languageKeys() of the customers they serve
    int team = 1;
    std::array<double, 4> quality{}; ///< weights of ReplyQuality
};

/**
 * The fixed part of the demo workspace: the company's inboxes (one or more per channel kind),
 * its agents, teams and labels. Remote ids are small ascending integers like a server's.
 */
class DemoWorkspace
{
public:
    static constexpr qint64 kMeAgent = 1;

    static const QList<Domain::Inbox> &inboxes();
    static const QList<DemoAgentProfile> &agents();
    static const QList<Domain::Team> &teams();
    static const QList<Domain::Label> &labels();
    static const DemoAgentProfile &agent(qint64 remoteId) { return agents().at(remoteId - 1); }
    static QString teamName(qint64 remoteId) { return teams().at(remoteId - 1).name; }
    /** The inbox a customer of `language` reaches on `channel` (billing mail goes to billing@). */
    static qint64 inboxFor(Domain::ChannelKind channel, int language, bool billing);
    /** Relative use of each channel (in allChannels() order) by customers of a language. */
    static const std::array<double, 9> &channelWeights(int language);
};

} // namespace Counterpart::Connectors::Demo
