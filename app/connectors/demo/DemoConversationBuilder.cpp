#include "DemoConversationBuilder.h"

#include "DemoCorpus.h"
#include "DemoRandom.h"
#include "DemoScenario.h"
#include "DemoStory.h"
#include "DemoTimeline.h"
#include "DemoWorkspace.h"

namespace Counterpart::Connectors::Demo {

using namespace Domain;

namespace {

constexpr qint64 kMinute = 60;
constexpr qint64 kHour = 3600;
constexpr qint64 kDay = 86400;

// How far a conversation got before `now`: the phase after which it stops.
enum class Stop { Opening, Triage, FirstReply, CustomerReply, Resolution, End };

QString activityText(const QString &key, const QString &agent, const QString &actor,
                     const QString &extra = QString())
{
    const DemoLanguage &english = DemoCorpus::instance().language(0);
    DemoText::Vars vars;
    vars[DemoText::Agent] = agent;
    vars[DemoText::Actor] = actor;
    vars[DemoText::Label] = extra;
    vars[DemoText::Team] = extra;
    vars[DemoText::Priority] = extra;
    return DemoText::fill(english.activity.value(key), vars);
}

const DemoScenario &pickScenario(DemoRandom &rng, bool peak)
{
    const auto &all = DemoScenario::all();
    QList<double> weights;
    weights.reserve(all.size());
    for (const DemoScenario &s : all)
        weights.append(peak ? s.peakWeight : s.weight);
    return all.at(rng.weighted(weights));
}

const DemoAgentProfile &pickAgent(DemoRandom &rng, int language, int team)
{
    const auto &agents = DemoWorkspace::agents();
    QList<const DemoAgentProfile *> speakers, sameTeam;
    for (const DemoAgentProfile &agent : agents) {
        if (agent.language != language)
            continue;
        speakers.append(&agent);
        if (agent.team == team)
            sameTeam.append(&agent);
    }
    if (speakers.isEmpty())
        return agents.first();
    if (!sameTeam.isEmpty() && rng.chance(0.65))
        return *sameTeam.at(rng.below(sameTeam.size()));
    return *speakers.at(rng.below(speakers.size()));
}

ReplyQuality pickQuality(DemoRandom &rng, const DemoAgentProfile &agent, bool peak)
{
    std::array<double, 4> weights = agent.quality;
    if (peak) { // tired agents in the surge write shorter
        weights[2] *= 1.8;
        weights[3] *= 1.5;
    }
    return ReplyQuality(rng.weighted(weights));
}

QString firstReplyText(DemoStory &story, const DemoScenarioText &text, ReplyQuality quality)
{
    const DemoLanguage &lang = story.language();
    QString body;
    bool greet = true, close = true;
    switch (quality) {
    case ReplyQuality::Great: body = story.pickFor(text.great, text); break;
    case ReplyQuality::Ok: body = story.pickFor(text.ok, text); close = story.rng().chance(0.5); break;
    case ReplyQuality::Terse: body = story.pickFor(text.terse, text); greet = close = false; break;
    case ReplyQuality::Blame: body = story.pickFor(text.blame, text); greet = story.rng().chance(0.5); close = false; break;
    }
    QString out = greet ? story.pick(lang.agentGreeting) + (story.isChat() ? QStringLiteral(" ") : QStringLiteral("\n\n")) : QString();
    out += body;
    if (close)
        out += QStringLiteral("\n\n") + story.pick(lang.agentClosing);
    if (story.isEmail())
        out += QStringLiteral("\n") + story.fill(quality == ReplyQuality::Terse ? QStringLiteral("{agent}") : lang.signature);
    return out;
}

void opening(DemoStory &story, const DemoScenarioText &text, bool emotional, const QString &botText)
{
    const DemoLanguage &lang = story.language();
    DemoRandom &rng = story.rng();
    const QString open = story.pickFor(text.open, text);
    const QString detail = rng.chance(0.7) ? story.pickFor(text.detail, text) : QString();
    const QString emotion = emotional ? story.pick(lang.emotional) : QString();

    if (story.channel() == ChannelKind::Phone) {
        DemoText::Vars &vars = story.vars();
        vars[DemoText::Text] = story.join({open, detail, emotion});
        story.customer(story.fill(lang.voicemail), {story.voicemail(int(rng.between(18, 150)))});
        return;
    }
    if (story.isEmail()) {
        QString body = story.pick(lang.customerGreeting) + QStringLiteral("\n\n") + story.join({open, detail});
        if (!emotion.isEmpty())
            body += QStringLiteral("\n\n") + emotion;
        body += QStringLiteral("\n\n") + story.pick(lang.customerClosing) + QLatin1Char('\n')
            + story.vars()[DemoText::FullName];
        story.customer(body);
        return;
    }
    // Chat: short messages in quick succession.
    const QString greeting = rng.chance(0.6) ? story.pick(lang.customerGreeting) : QString();
    story.customer(greeting.isEmpty() ? open : greeting + QLatin1Char(' ') + open);
    if (!botText.isEmpty()) {
        story.advance(2, 4);
        story.bot(botText);
    }
    if (!detail.isEmpty()) {
        story.advance(15, 120);
        story.customer(detail);
    }
    if (!emotion.isEmpty()) {
        story.advance(10, 90);
        story.customer(emotion);
    }
}

qint64 firstReplyDelay(DemoRandom &rng, ChannelKind channel, bool peak)
{
    const double factor = peak ? 2.5 : 1.0;
    qint64 delay;
    if (channel == ChannelKind::Email)
        delay = rng.between(40 * kMinute, 22 * kHour);
    else if (channel == ChannelKind::Phone)
        delay = rng.between(30 * kMinute, 6 * kHour);
    else
        delay = rng.chance(0.8) ? rng.between(1 * kMinute, 40 * kMinute) : rng.between(1 * kHour, 9 * kHour);
    return qint64(double(delay) * factor);
}

qint64 customerDelay(DemoRandom &rng, const DemoStory &story)
{
    if (story.isChat() && rng.chance(0.6))
        return rng.between(1 * kMinute, 25 * kMinute);
    return rng.between(1 * kHour, 30 * kHour);
}

Stop pickStop(DemoRandom &rng, qint64 age, ConversationStatus *target)
{
    std::array<double, 4> weights; // open, pending, snoozed, resolved
    if (age < kDay)
        weights = {45, 20, 5, 30};
    else if (age < 7 * kDay)
        weights = {18, 14, 8, 60};
    else if (age < 30 * kDay)
        weights = {5, 5, 3, 87};
    else
        weights = {1.2, 0.8, 0.4, 97.6};
    *target = ConversationStatus(rng.weighted(weights));
    switch (*target) {
    case ConversationStatus::Open: {
        const int r = rng.below(10);
        return r < 3 ? Stop::Opening : r < 5 ? Stop::Triage : Stop::CustomerReply;
    }
    case ConversationStatus::Pending: return Stop::FirstReply;
    case ConversationStatus::Snoozed: return rng.chance(0.5) ? Stop::FirstReply : Stop::Resolution;
    case ConversationStatus::Resolved: return Stop::End;
    }
    return Stop::End;
}

Priority pickPriority(DemoRandom &rng, bool emotional, bool vip, const QString &scenario)
{
    if (emotional)
        return rng.chance(0.5) ? Priority::Urgent : Priority::High;
    if ((scenario == QLatin1String("lost-order") || scenario == QLatin1String("damaged")) && rng.chance(0.2))
        return Priority::High;
    const Priority base = Priority(rng.weighted(std::array<double, 5>{72, 10, 12, 5, 1}));
    return vip && base < Priority::Medium ? Priority::Medium : base;
}

QList<Attachment> replyAttachments(DemoStory &story, const QString &scenario)
{
    DemoRandom &rng = story.rng();
    QList<Attachment> files;
    if (scenario == QLatin1String("damaged") || (scenario == QLatin1String("product-complaint") && rng.chance(0.4))) {
        const int count = 1 + rng.below(3);
        for (int i = 0; i < count; ++i)
            files.append(story.photo());
    } else if (scenario == QLatin1String("bug") && rng.chance(0.7)) {
        files.append(story.screenshot());
    } else if (scenario == QLatin1String("refund") && rng.chance(0.3)) {
        files.append(story.pdf(QStringLiteral("Return-receipt")));
    }
    return files;
}

QList<Attachment> resolutionAttachments(DemoStory &story, const QString &scenario)
{
    if (scenario == QLatin1String("refund") || scenario == QLatin1String("billing"))
        return {story.pdf(QStringLiteral("Invoice"))};
    if (scenario == QLatin1String("exchange"))
        return {story.pdf(QStringLiteral("Return-label"))};
    return {};
}

void finish(DemoConversationBuilder::Result &result, const QList<Message> &messages)
{
    Conversation &c = result.conversation;
    const Message *lastPublic = nullptr;
    int trailingIncoming = 0;
    qint64 waiting = 0;
    for (const Message &m : messages) {
        if (m.kind == MessageKind::Outgoing && m.senderKind == SenderKind::Agent && !c.firstReplyAt.isValid())
            c.firstReplyAt = m.createdAt;
        if (m.kind == MessageKind::Incoming) {
            if (trailingIncoming++ == 0)
                waiting = m.createdAt.toSecsSinceEpoch();
            lastPublic = &m;
        } else if (m.kind == MessageKind::Outgoing && m.senderKind == SenderKind::Agent) {
            trailingIncoming = 0;
            lastPublic = &m;
        }
    }
    c.lastActivityAt = messages.isEmpty() ? c.createdAt : messages.last().createdAt;
    if (c.status != ConversationStatus::Resolved && lastPublic && lastPublic->kind == MessageKind::Incoming) {
        c.waitingSince = QDateTime::fromSecsSinceEpoch(waiting, Qt::UTC);
        c.unreadCount = trailingIncoming;
    }
}

} // namespace

DemoConversationBuilder::DemoConversationBuilder(const QDateTime &now)
    : m_now(now.toSecsSinceEpoch())
{
}

DemoConversationBuilder::Result DemoConversationBuilder::build(DemoRandom &rng, qint64 remoteId,
                                                               const QDateTime &createdAt,
                                                               const DemoPerson &person) const
{
    const DemoLanguage &lang = DemoCorpus::instance().language(person.language);
    const bool peak = DemoTimeline::isPeakSeason(createdAt.date());
    const DemoScenario &scenario = pickScenario(rng, peak);
    const DemoScenarioText &text = lang.scenarios[scenario.key];
    const ChannelKind channel = allChannels().at(rng.weighted(DemoWorkspace::channelWeights(person.language)));
    const DemoAgentProfile &agent = pickAgent(rng, person.language, scenario.team);
    const ReplyQuality quality = pickQuality(rng, agent, peak);
    const bool emotional = rng.chance(0.1);
    const qint64 start = createdAt.toSecsSinceEpoch();

    Result result;
    Conversation &c = result.conversation;
    c.remoteId = remoteId;
    c.inboxId = DemoWorkspace::inboxFor(channel, person.language, scenario.team == 2);
    c.contactId = person.contact.remoteId;
    c.createdAt = createdAt;
    c.priority = pickPriority(rng, emotional, person.vip, scenario.key);

    ConversationStatus target;
    const Stop stop = pickStop(rng, m_now - start, &target);

    DemoStory story(rng, person, channel, remoteId, start, m_now);
    const DemoOrder &order = person.orderBefore(createdAt);
    story.setTopic(order, agent);
    if (channel == ChannelKind::Email)
        c.subject = story.pickFor(text.subject, text);
    QJsonObject attributes;
    if (scenario.aboutOrder)
        attributes.insert(QStringLiteral("order_id"), order.id);
    if (channel == ChannelKind::WebChat)
        attributes.insert(QStringLiteral("page"), scenario.aboutOrder ? QStringLiteral("/account/orders") : QStringLiteral("/help"));
    if (channel == ChannelKind::Api && person.language != 1)
        attributes.insert(QStringLiteral("app_version"), rng.chance(0.7) ? QStringLiteral("4.2.0") : QStringLiteral("4.1.3"));
    c.customAttributes = attributes;

    // Automation routes by topic before anyone looks at it.
    c.teamId = rng.chance(0.93) ? scenario.team : 0;
    opening(story, text, emotional, channel == ChannelKind::WebChat ? lang.bot : QString());

    bool stopped = stop == Stop::Opening;
    if (!stopped) {
        QStringList labels = scenario.labels;
        if (!scenario.extraLabel.isEmpty() && rng.chance(0.4))
            labels.append(scenario.extraLabel);
        if (emotional && !labels.contains(QStringLiteral("complaint")))
            labels.append(QStringLiteral("complaint"));
        if (person.vip)
            labels.append(QStringLiteral("vip"));
        if (peak && scenario.team == 1)
            labels.append(QStringLiteral("peak-season"));
        c.labels = labels;
        c.assigneeId = agent.agent.remoteId;

        story.advance(1 * kMinute, (peak ? 60 : 15) * kMinute);
        const DemoAgentProfile &lead = DemoWorkspace::agent(4);
        const int how = rng.below(3);
        if (how == 0)
            story.activity(activityText(QStringLiteral("selfAssigned"), agent.agent.name, QString()));
        else
            story.activity(activityText(QStringLiteral("assigned"), agent.agent.name,
                                        how == 1 ? lead.agent.name : QStringLiteral("automation rule \"Route by language\"")));
        if (rng.chance(0.6))
            story.activity(activityText(QStringLiteral("label"), QString(), agent.agent.name, labels.first()));
        if (c.priority >= Priority::High)
            story.activity(activityText(QStringLiteral("priority"), QString(), agent.agent.name, priorityDisplayName(c.priority)));
        stopped = stop == Stop::Triage;
    }
    if (!stopped) {
        const qint64 delay = firstReplyDelay(rng, channel, peak);
        if (story.isChat() && delay > 20 * kMinute && rng.chance(0.5)) {
            story.advance(delay / 2, delay / 2);
            story.customer(story.pick(lang.nudge));
            story.advance(delay / 2, delay / 2);
        } else {
            story.advance(delay, delay);
        }
        if (channel == ChannelKind::Phone)
            story.note(agent, QStringLiteral("Called back, no answer. Replying by text message."));
        story.agent(agent, firstReplyText(story, text, quality));
        if (rng.chance(0.4)) {
            story.advance(1 * kMinute, 30 * kMinute);
            const DemoAgentProfile &colleague = pickAgent(rng, person.language, scenario.team);
            QString noteText = story.pickFor(text.note, text);
            if (colleague.agent.remoteId != agent.agent.remoteId)
                noteText = QLatin1Char('@') + colleague.firstName + QLatin1Char(' ') + noteText;
            story.note(agent, noteText);
        }
        stopped = stop == Stop::FirstReply;
        if (stopped && target == ConversationStatus::Snoozed) {
            story.advance(1 * kMinute, 5 * kMinute);
            story.activity(activityText(QStringLiteral("snoozed"), QString(), agent.agent.name));
        }
    }
    if (!stopped) {
        story.advance(customerDelay(rng, story), customerDelay(rng, story));
        story.customer(story.pickFor(text.reply, text), replyAttachments(story, scenario.key));
        if (rng.chance(0.25)) {
            story.advance(5 * kMinute, 3 * kHour);
            story.agent(agent, story.pick(lang.followUp));
            story.advance(customerDelay(rng, story), customerDelay(rng, story));
            story.customer(story.pick(text.reply));
        }
        stopped = stop == Stop::CustomerReply;
    }
    if (!stopped) {
        if (scenario.key == QLatin1String("lost-order") || scenario.key == QLatin1String("delay-carrier"))
            story.advance(20 * kHour, 3 * kDay);
        else
            story.advance(10 * kMinute, 20 * kHour);
        if (rng.chance(0.2))
            story.note(agent, story.pickFor(text.note, text));
        story.advance(1 * kMinute, 20 * kMinute);
        const QString greeting = story.isEmail() ? story.pick(lang.agentGreeting) + QStringLiteral("\n\n") : QString();
        QString body = greeting + story.pickFor(text.resolve, text);
        if (story.isEmail())
            body += QStringLiteral("\n\n") + story.fill(lang.signature);
        story.agent(agent, body, resolutionAttachments(story, scenario.key));
        stopped = stop == Stop::Resolution;
        if (stopped) {
            story.advance(1 * kMinute, 5 * kMinute);
            story.activity(activityText(QStringLiteral("snoozed"), QString(), agent.agent.name));
        }
    }
    bool unhappy = false;
    if (!stopped) {
        const bool autoResolved = rng.chance(0.1);
        if (!autoResolved) {
            unhappy = (quality == ReplyQuality::Blame || quality == ReplyQuality::Terse) && rng.chance(0.5);
            story.advance(customerDelay(rng, story), customerDelay(rng, story));
            story.customer(story.pick(unhappy ? lang.unhappy : lang.thanks));
            if (rng.chance(0.5)) {
                story.advance(2 * kMinute, 1 * kHour);
                story.agent(agent, story.pick(lang.wrapUp));
            }
            story.advance(1 * kMinute, 10 * kMinute);
            story.activity(activityText(QStringLiteral("resolved"), QString(), agent.agent.name));
        } else {
            story.advance(7 * kDay, 7 * kDay + 2 * kHour);
            story.activity(activityText(QStringLiteral("autoResolved"), QString(), QString()));
        }
    }

    result.messages = story.takeMessages();
    // What the customer last saw decides the status: unfinished stories are open or pending.
    const bool complete = !stopped && !story.overflowed();
    if (complete) {
        c.status = ConversationStatus::Resolved;
    } else {
        const Message *last = nullptr;
        for (const Message &m : std::as_const(result.messages)) {
            if (m.kind == MessageKind::Incoming || (m.kind == MessageKind::Outgoing && m.senderKind == SenderKind::Agent))
                last = &m;
        }
        if (!last || last->kind == MessageKind::Incoming)
            c.status = ConversationStatus::Open;
        else
            c.status = target == ConversationStatus::Snoozed && !story.overflowed() ? ConversationStatus::Snoozed
                                                                                  : ConversationStatus::Pending;
        if (c.status == ConversationStatus::Snoozed)
            c.snoozedUntil = QDateTime::fromSecsSinceEpoch(m_now + rng.between(6 * kHour, 4 * kDay), Qt::UTC);
    }
    if (c.status == ConversationStatus::Resolved && rng.chance(0.45)) {
        static const std::array<double, 5> byQuality[] = {
            {0.1, 0.2, 0.6, 2.5, 6}, {0.3, 0.6, 1.5, 3, 2}, {1.5, 2, 2, 1.2, 0.4}, {4, 2, 0.8, 0.2, 0.1}};
        std::array<double, 5> weights = byQuality[int(quality)];
        if (unhappy)
            weights = byQuality[3];
        c.csatRating = rng.weighted(weights) + 1;
        if (rng.chance(0.55))
            c.csatComment = story.pick(lang.csat.at(c.csatRating - 1));
    }
    finish(result, result.messages);
    return result;
}

DemoConversationBuilder::Result DemoConversationBuilder::buildLongThread(
    DemoRandom &rng, qint64 remoteId, const QDateTime &createdAt, const DemoPerson &person,
    int messages) const
{
    const DemoLanguage &lang = DemoCorpus::instance().language(person.language);
    const DemoAgentProfile &me = DemoWorkspace::agent(DemoWorkspace::kMeAgent);
    Result result;
    Conversation &c = result.conversation;
    c.remoteId = remoteId;
    c.inboxId = DemoWorkspace::inboxFor(ChannelKind::WhatsApp, person.language, false);
    c.contactId = person.contact.remoteId;
    c.createdAt = createdAt;
    c.assigneeId = me.agent.remoteId;
    c.teamId = 1;
    c.priority = Priority::High;
    c.labels = {QStringLiteral("vip"), QStringLiteral("shipping-delay"), QStringLiteral("exchange")};
    c.customAttributes.insert(QStringLiteral("account_manager"), me.agent.name);

    const qint64 start = createdAt.toSecsSinceEpoch();
    DemoStory story(rng, person, ChannelKind::WhatsApp, remoteId, start, m_now);
    // Episodes of ~6.5 messages spread so that the thread ends shortly before now.
    const qint64 episodes = messages / 5 + 2;
    const qint64 spacing = std::max<qint64>((m_now - 3 * kHour - start) / episodes, 10 * kMinute);
    story.activity(activityText(QStringLiteral("assigned"), me.agent.name, DemoWorkspace::agent(4).agent.name));
    qint64 episodeStart = start;
    while (story.messages().size() < messages - 1 && !story.overflowed()) {
        const DemoScenario &scenario = pickScenario(rng, DemoTimeline::isPeakSeason(QDateTime::fromSecsSinceEpoch(episodeStart, Qt::UTC).date()));
        const DemoScenarioText &text = lang.scenarios[scenario.key];
        const DemoAgentProfile &agent = rng.chance(0.7) ? me : pickAgent(rng, person.language, scenario.team);
        const QDateTime now = QDateTime::fromSecsSinceEpoch(story.time(), Qt::UTC);
        story.setTopic(person.orderBefore(now), agent);
        story.customer(story.pickFor(text.open, text));
        if (rng.chance(0.6)) {
            story.advance(20, 200);
            story.customer(story.pickFor(text.detail, text));
        }
        story.advance(2 * kMinute, 50 * kMinute);
        story.agent(agent, story.pick(lang.agentGreeting) + QLatin1Char(' ') + story.pickFor(rng.chance(0.7) ? text.great : text.ok, text));
        story.advance(3 * kMinute, 2 * kHour);
        story.customer(story.pickFor(text.reply, text));
        if (rng.chance(0.15))
            story.note(agent, story.pickFor(text.note, text));
        story.advance(10 * kMinute, 4 * kHour);
        story.agent(agent, story.pickFor(text.resolve, text));
        if (rng.chance(0.7)) {
            story.advance(1 * kMinute, 1 * kHour);
            story.customer(story.pick(lang.thanks));
        }
        episodeStart += rng.between(spacing / 2, spacing * 3 / 2);
        if (episodeStart > story.time())
            story.advance(episodeStart - story.time(), episodeStart - story.time());
    }
    QList<Message> all = story.takeMessages();
    all.resize(std::min<qsizetype>(all.size(), messages - 1));
    // The thread is live: the customer wrote last and waits for an answer.
    const qint64 last = all.isEmpty() ? start : all.last().createdAt.toSecsSinceEpoch();
    DemoStory tail(rng, person, ChannelKind::WhatsApp, remoteId, std::max(last + 60, m_now - 2 * kHour), m_now);
    tail.vars() = story.vars();
    tail.customer(tail.pick(lang.nudge));
    all.append(tail.takeMessages());
    c.status = ConversationStatus::Open;
    result.messages = std::move(all);
    finish(result, result.messages);
    return result;
}

} // namespace Counterpart::Connectors::Demo
