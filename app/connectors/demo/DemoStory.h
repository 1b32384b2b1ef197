#pragma once

#include "DemoLanguage.h"
#include "DemoPeople.h"
#include "DemoText.h"
#include "DemoWorkspace.h"

namespace Counterpart::Connectors::Demo {

class DemoRandom;

/**
 * The running state of one conversation while its messages are written: the clock, who said what
 * last (for quoted email history), and the placeholders of the current topic. Messages whose time
 * would reach `now` are dropped, which is how recent conversations end up unfinished.
 */
class DemoStory
{
public:
    DemoStory(DemoRandom &rng, const DemoPerson &person, Domain::ChannelKind channel,
              qint64 conversationRemoteId, qint64 start, qint64 now);

    DemoRandom &rng() { return m_rng; }
    const DemoLanguage &language() const { return m_lang; }
    Domain::ChannelKind channel() const { return m_channel; }
    bool isEmail() const { return m_channel == Domain::ChannelKind::Email; }
    bool isChat() const;
    qint64 time() const { return m_t; }
    void advance(qint64 low, qint64 high);
    /** True once a message fell past `now`; everything after it is dropped too. */
    bool overflowed() const { return m_overflow; }

    DemoText::Vars &vars() { return m_vars; }
    QString fill(const QString &pattern) const { return DemoText::fill(pattern, m_vars); }
    QString pick(const QStringList &patterns) { return fill(pickRaw(patterns)); }
    const QString &pickRaw(const QStringList &patterns);
    /**
     * For scenario texts: a list as long as the scenario's "open" list is read in step with it,
     * so a scenario with sub-topics (double charge / invoice / cancellation) stays on one topic.
     */
    QString pickFor(const QStringList &patterns, const DemoScenarioText &text);
    /** Sentences joined the way the language joins them (no spaces in Chinese). */
    QString join(const QStringList &sentences) const;
    /** Sets order, item, dates, carrier, tracking number ... for a topic starting now. */
    void setTopic(const DemoOrder &order, const DemoAgentProfile &agent);

    void customer(const QString &text, const QList<Domain::Attachment> &attachments = {});
    void agent(const DemoAgentProfile &agent, const QString &text,
               const QList<Domain::Attachment> &attachments = {});
    void note(const DemoAgentProfile &agent, const QString &text);
    void activity(const QString &text);
    void bot(const QString &text);

    Domain::Attachment photo();
    Domain::Attachment screenshot();
    Domain::Attachment pdf(const QString &baseName);
    Domain::Attachment voicemail(int seconds);

    QList<Domain::Message> takeMessages() { return std::move(m_messages); }
    const QList<Domain::Message> &messages() const { return m_messages; }

private:
    Domain::Message *add(Domain::MessageKind kind, Domain::SenderKind sender, qint64 senderId,
                         const QString &name, const QString &text);
    Domain::DeliveryState outgoingDelivery();
    QString quoteHeader(qint64 secs, const QString &author) const;
    QString url(const QString &fileName) const;

    DemoRandom &m_rng;
    const DemoPerson &m_person;
    const DemoLanguage &m_lang;
    Domain::ChannelKind m_channel;
    qint64 m_conversation;
    qint64 m_t;
    qint64 m_now;
    qint64 m_lastTime = 0;
    bool m_overflow = false;
    int m_files = 0;
    int m_variant = 0;
    DemoText::Vars m_vars;
    QList<Domain::Message> m_messages;
    // The last customer and agent texts, quoted by the next email of the other side.
    QString m_lastIncoming, m_lastOutgoing, m_lastAgentName;
    qint64 m_lastIncomingAt = 0, m_lastOutgoingAt = 0;
};

} // namespace Counterpart::Connectors::Demo
