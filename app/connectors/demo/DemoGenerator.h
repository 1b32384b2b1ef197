#pragma once

#include "DemoOptions.h"
#include "storage/IngestBatch.h"

#include <functional>

namespace Counterpart::Storage {
class CacheStore;
}

namespace Counterpart::Connectors::Demo {

/**
 * The demo workspace: what a first launch without an account shows, and what tests and
 * benchmarks run on. A fictional home-goods shop, Harbor & Pine, with customers writing in
 * English, simplified and traditional Chinese and Greek over every channel kind.
 *
 * Data comes in pages like a server's: the first page holds inboxes, agents, teams and labels;
 * each following page about `batchConversations` conversations with their contacts and messages.
 * Only one page is in memory at a time. Same options => byte-identical pages.
 */
class DemoGenerator
{
public:
    explicit DemoGenerator(DemoOptions options);

    const DemoOptions &options() const { return m_options; }
    /** uid "demo", kind "demo", name "Demo workspace". */
    Domain::Source source() const;
    /** The agent the demo user signs in as ("Mine"). */
    qint64 meAgentRemoteId() const;
    /** Conversations when N >= this include one WhatsApp thread of kLongThreadMessages messages. */
    static constexpr int kLongThreadMinimum = 1000;
    static constexpr int kLongThreadMessages = 2000;

    /** Hands each page to `sink` in order; false as soon as the sink returns false. */
    bool generate(const std::function<bool(const Storage::IngestBatch &)> &sink) const;
    /** ensureSource, ingest every page, setMeAgent. `progress` gets conversations written. */
    bool writeTo(Storage::CacheStore &cache, QString *error,
                 const std::function<void(int done, int total)> &progress = {}) const;

private:
    DemoOptions m_options;
};

} // namespace Counterpart::Connectors::Demo
