#include "DemoGenerator.h"

#include "DemoConversationBuilder.h"
#include "DemoPeople.h"
#include "DemoNotes.h"
#include "DemoRandom.h"
#include "DemoTimeline.h"
#include "DemoWorkspace.h"
#include "storage/CacheStore.h"

#include <QMap>

#include <algorithm>

namespace Counterpart::Connectors::Demo {

using namespace Domain;

namespace {

constexpr qint64 kDay = 86400;

// Where the long WhatsApp thread starts: about five months back, so it spans many pages of history.
int longThreadIndex(const QList<qint64> &times, qint64 now)
{
    const qint64 wanted = now - 150 * kDay;
    const auto it = std::lower_bound(times.begin(), times.end(), wanted);
    return int(std::min<qsizetype>(it - times.begin(), times.size() - 1));
}

} // namespace

DemoGenerator::DemoGenerator(DemoOptions options)
    : m_options(std::move(options))
{
    if (!m_options.now.isValid()) {
        const qint64 secs = QDateTime::currentSecsSinceEpoch();
        m_options.now = QDateTime::fromSecsSinceEpoch(secs - secs % 3600, Qt::UTC);
    }
    m_options.now = m_options.now.toUTC();
    m_options.conversations = std::max(0, m_options.conversations);
    m_options.batchConversations = std::max(1, m_options.batchConversations);
}

Source DemoGenerator::source() const
{
    Source source;
    source.uid = QStringLiteral("demo");
    source.kind = QStringLiteral("demo");
    source.name = QStringLiteral("Demo workspace");
    return source;
}

qint64 DemoGenerator::meAgentRemoteId() const { return DemoWorkspace::kMeAgent; }

bool DemoGenerator::generate(const std::function<bool(const Storage::IngestBatch &)> &sink) const
{
    {
        Storage::IngestBatch setup;
        setup.inboxes = DemoWorkspace::inboxes();
        for (const DemoAgentProfile &profile : DemoWorkspace::agents())
            setup.agents.append(profile.agent);
        setup.teams = DemoWorkspace::teams();
        setup.labels = DemoWorkspace::labels();
        if (!sink(setup))
            return false;
    }

    const quint64 seed = m_options.seed;
    const qint64 now = m_options.now.toSecsSinceEpoch();
    const int total = m_options.conversations;
    const DemoTimeline timeline(seed, m_options.now, total);
    const QList<qint64> &times = timeline.creationTimes();
    const DemoPeople people(seed, m_options.now);
    const DemoConversationBuilder builder(m_options.now);
    const int longThread = total >= kLongThreadMinimum ? longThreadIndex(times, now) : -1;

    DemoRandom choices(DemoRandom::mix(seed, 0x5EED));
    QList<qint64> firstSeen{0}; // by contact remote id; the only per-workspace state kept
    qint64 nextMessageId = 1;

    Storage::IngestBatch page;
    QMap<qint64, DemoPerson> pagePeople;
    auto flush = [&]() {
        for (auto it = pagePeople.cbegin(); it != pagePeople.cend(); ++it)
            page.contacts.append(it.value().contact);
        // Remote ids follow time within the page, as a server numbers messages as they arrive.
        std::stable_sort(page.messages.begin(), page.messages.end(),
                         [](const Message &a, const Message &b) { return a.createdAt < b.createdAt; });
        for (Message &message : page.messages)
            message.remoteId = nextMessageId++;
        const bool ok = sink(page);
        page = Storage::IngestBatch();
        pagePeople.clear();
        return ok;
    };

    for (int i = 0; i < total; ++i) {
        const QDateTime createdAt = QDateTime::fromSecsSinceEpoch(times.at(i), Qt::UTC);
        qint64 contactIndex;
        bool newContact = false;
        if (i != longThread && firstSeen.size() > 1 && choices.chance(0.35)) {
            contactIndex = 1 + choices.below(firstSeen.size() - 1);
        } else {
            contactIndex = firstSeen.size();
            firstSeen.append(times.at(i));
            newContact = true;
        }
        auto found = pagePeople.find(contactIndex);
        if (found == pagePeople.end())
            found = pagePeople.insert(contactIndex, people.person(contactIndex, QDateTime::fromSecsSinceEpoch(firstSeen.at(contactIndex), Qt::UTC)));
        DemoPerson &person = found.value();
        if (newContact)
            page.contactNotes.append(DemoNotes::forPerson(person, contactIndex, createdAt, m_options.now));

        DemoRandom rng(DemoRandom::mix(seed, quint64(i) + 1, 0xC0417));
        DemoConversationBuilder::Result result = i == longThread
            ? builder.buildLongThread(rng, i + 1, createdAt, person, kLongThreadMessages)
            : builder.build(rng, i + 1, createdAt, person);
        if (result.conversation.lastActivityAt > person.contact.lastActivityAt)
            person.contact.lastActivityAt = result.conversation.lastActivityAt;
        page.conversations.append(std::move(result.conversation));
        page.messages.append(std::move(result.messages));

        if (page.conversations.size() >= m_options.batchConversations && !flush())
            return false;
    }
    if (!page.conversations.isEmpty() && !flush())
        return false;
    return true;
}

bool DemoGenerator::writeTo(Storage::CacheStore &cache, QString *error,
                            const std::function<void(int, int)> &progress) const
{
    const qint64 sourceId = cache.ensureSource(source());
    if (sourceId == 0) {
        if (error)
            *error = QStringLiteral("cannot create the demo source in %1").arg(cache.path());
        return false;
    }
    int done = 0;
    QString ingestError;
    const bool ok = generate([&](const Storage::IngestBatch &batch) {
        if (!cache.ingest(sourceId, batch, &ingestError))
            return false;
        done += int(batch.conversations.size());
        if (progress)
            progress(done, m_options.conversations);
        return true;
    });
    if (!ok) {
        if (error)
            *error = ingestError.isEmpty() ? QStringLiteral("writing the demo workspace failed") : ingestError;
        return false;
    }
    if (!cache.setMeAgent(sourceId, meAgentRemoteId())) {
        if (error)
            *error = QStringLiteral("cannot mark the demo user's agent");
        return false;
    }
    return true;
}

} // namespace Counterpart::Connectors::Demo
