#include "DemoStory.h"

#include "DemoCorpus.h"
#include "DemoEmail.h"
#include "DemoRandom.h"

namespace Counterpart::Connectors::Demo {

using namespace Domain;

namespace {

constexpr qint64 kDay = 86400;

QDateTime utc(qint64 secs) { return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC); }

QString stamp(qint64 secs, const char *format)
{
    return utc(secs).toString(QLatin1String(format));
}

} // namespace

DemoStory::DemoStory(DemoRandom &rng, const DemoPerson &person, ChannelKind channel,
                     qint64 conversationRemoteId, qint64 start, qint64 now)
    : m_rng(rng), m_person(person),
      m_lang(DemoCorpus::instance().language(person.language)), m_channel(channel),
      m_conversation(conversationRemoteId), m_t(start), m_now(now)
{
    m_vars[DemoText::Name] = person.givenName;
    m_vars[DemoText::FullName] = person.contact.name;
    m_vars[DemoText::Last4] = person.last4;
    m_vars[DemoText::Plan] = person.plan;
    m_vars[DemoText::Phone] = person.contact.phone;
}

bool DemoStory::isChat() const { return m_channel != ChannelKind::Email && m_channel != ChannelKind::Phone; }

void DemoStory::advance(qint64 low, qint64 high) { m_t += m_rng.between(low, high); }

const QString &DemoStory::pickRaw(const QStringList &patterns)
{
    static const QString empty;
    return patterns.isEmpty() ? empty : patterns.at(m_rng.below(patterns.size()));
}

QString DemoStory::pickFor(const QStringList &patterns, const DemoScenarioText &text)
{
    if (!patterns.isEmpty() && patterns.size() == text.open.size())
        return fill(patterns.at(m_variant % patterns.size()));
    return pick(patterns);
}

QString DemoStory::join(const QStringList &sentences) const
{
    QString out;
    for (const QString &sentence : sentences) {
        if (sentence.isEmpty())
            continue;
        if (!out.isEmpty())
            out += m_lang.sentenceJoiner;
        out += sentence;
    }
    return out;
}

void DemoStory::setTopic(const DemoOrder &order, const DemoAgentProfile &agent)
{
    const DemoCarrier &carrier = m_lang.carriers.at(m_rng.below(m_lang.carriers.size()));
    m_variant = m_rng.below(1000);
    m_vars[DemoText::Agent] = agent.firstName;
    m_vars[DemoText::Order] = order.id;
    m_vars[DemoText::Item] = order.item;
    m_vars[DemoText::Date] = DemoText::date(m_lang, order.date.date());
    m_vars[DemoText::Eta] = DemoText::date(m_lang, utc(m_t + m_rng.between(2, 6) * kDay).date());
    m_vars[DemoText::Carrier] = carrier.name;
    QString tracking = carrier.trackingPrefix;
    for (int i = 0; i < 10; ++i)
        tracking += QLatin1Char(char('0' + m_rng.below(10)));
    m_vars[DemoText::Tracking] = tracking;
    m_vars[DemoText::Total] = DemoText::money(m_lang, order.total);
}

Message *DemoStory::add(MessageKind kind, SenderKind sender, qint64 senderId, const QString &name,
                        const QString &text)
{
    if (m_t <= m_lastTime)
        m_t = m_lastTime + 1; // strictly increasing: order by time is the order of the story
    if (m_overflow || m_t >= m_now - 30) {
        m_overflow = true;
        return nullptr;
    }
    m_lastTime = m_t;
    Message message;
    message.conversationId = m_conversation;
    message.kind = kind;
    message.senderKind = sender;
    message.senderId = senderId;
    message.senderName = name;
    message.text = text;
    message.createdAt = utc(m_t);
    message.delivery = DeliveryState::Sent;
    m_messages.append(std::move(message));
    return &m_messages.last();
}

void DemoStory::customer(const QString &text, const QList<Attachment> &attachments)
{
    Message *message = add(MessageKind::Incoming, SenderKind::Contact, m_person.contact.remoteId,
                           m_person.contact.name, text);
    if (!message)
        return;
    message->attachments = attachments;
    if (isEmail()) {
        DemoEmail::Parts parts;
        parts.text = text;
        if (!m_lastOutgoing.isEmpty()) {
            parts.quoteHeader = quoteHeader(m_lastOutgoingAt, m_lastAgentName
                                                + QStringLiteral(" <support@harborpine.example>"));
            parts.quoted = m_lastOutgoing;
        }
        if (m_rng.chance(0.1))
            parts.link = QStringLiteral("https://harborpine.example/orders/") + m_vars[DemoText::Order];
        parts.trackingPixel = m_rng.chance(0.06);
        message->html = DemoEmail::html(parts);
    }
    m_lastIncoming = text;
    m_lastIncomingAt = m_t;
}

void DemoStory::agent(const DemoAgentProfile &agent, const QString &text,
                      const QList<Attachment> &attachments)
{
    Message *message = add(MessageKind::Outgoing, SenderKind::Agent, agent.agent.remoteId,
                           agent.agent.name, text);
    if (!message)
        return;
    message->attachments = attachments;
    message->delivery = outgoingDelivery();
    if (isEmail()) {
        DemoEmail::Parts parts;
        parts.text = text;
        if (!m_lastIncoming.isEmpty()) {
            parts.quoteHeader = quoteHeader(m_lastIncomingAt, m_person.contact.name);
            parts.quoted = m_lastIncoming;
        }
        if (m_rng.chance(0.25))
            parts.link = QStringLiteral("https://track.harborpine.example/") + m_vars[DemoText::Tracking];
        message->html = DemoEmail::html(parts);
    }
    m_lastOutgoing = text;
    m_lastOutgoingAt = m_t;
    m_lastAgentName = agent.agent.name;
}

void DemoStory::note(const DemoAgentProfile &agent, const QString &text)
{
    add(MessageKind::Note, SenderKind::Agent, agent.agent.remoteId, agent.agent.name, text);
}

void DemoStory::activity(const QString &text)
{
    add(MessageKind::Activity, SenderKind::System, 0, QString(), text);
}

void DemoStory::bot(const QString &text)
{
    if (Message *message = add(MessageKind::Outgoing, SenderKind::Bot, 0,
                               QStringLiteral("Harbor & Pine bot"), text))
        message->delivery = DeliveryState::Read;
}

DeliveryState DemoStory::outgoingDelivery()
{
    const double r = m_rng.unit();
    switch (m_channel) {
    case ChannelKind::Email:
    case ChannelKind::Api:
        return r < 0.01 ? DeliveryState::Failed : DeliveryState::Sent;
    case ChannelKind::Sms:
    case ChannelKind::Phone:
        return r < 0.03 ? DeliveryState::Failed : DeliveryState::Delivered;
    case ChannelKind::WhatsApp:
        // Outside the 24-hour window a free-form WhatsApp reply is refused.
        return r < 0.02 ? DeliveryState::Failed : r < 0.2 ? DeliveryState::Delivered : DeliveryState::Read;
    default:
        return r < 0.25 ? DeliveryState::Delivered : DeliveryState::Read;
    }
}

QString DemoStory::quoteHeader(qint64 secs, const QString &author) const
{
    DemoText::Vars vars;
    vars[DemoText::Date] = DemoText::date(m_lang, utc(secs).date()) + QLatin1Char(' ')
        + stamp(secs, "HH:mm");
    vars[DemoText::Actor] = author;
    return DemoText::fill(m_lang.quoteHeader, vars);
}

QString DemoStory::url(const QString &fileName) const
{
    return QStringLiteral("https://media.harborpine.example/attachments/")
        + QString::number(m_conversation) + QLatin1Char('/') + QString::number(m_files) + QLatin1Char('/')
        + fileName;
}

Attachment DemoStory::photo()
{
    ++m_files;
    Attachment a;
    a.fileName = QStringLiteral("IMG_") + stamp(m_t, "yyyyMMdd_HHmmss") + QLatin1Char('_')
        + QString::number(m_files) + QStringLiteral(".jpg");
    a.contentType = QStringLiteral("image/jpeg");
    a.size = m_rng.between(900000, 4800000);
    a.url = url(a.fileName);
    return a;
}

Attachment DemoStory::screenshot()
{
    ++m_files;
    Attachment a;
    a.fileName = QStringLiteral("Screenshot ") + stamp(m_t, "yyyy-MM-dd 'at' HH.mm.ss")
        + QStringLiteral(".png");
    a.contentType = QStringLiteral("image/png");
    a.size = m_rng.between(250000, 950000);
    a.url = url(a.fileName);
    return a;
}

Attachment DemoStory::pdf(const QString &baseName)
{
    ++m_files;
    Attachment a;
    a.fileName = baseName + QLatin1Char('-') + m_vars[DemoText::Order] + QStringLiteral(".pdf");
    a.contentType = QStringLiteral("application/pdf");
    a.size = m_rng.between(45000, 190000);
    a.url = url(a.fileName);
    return a;
}

Attachment DemoStory::voicemail(int seconds)
{
    ++m_files;
    Attachment a;
    a.fileName = QStringLiteral("voicemail-") + stamp(m_t, "yyyyMMdd-HHmmss") + QStringLiteral(".mp3");
    a.contentType = QStringLiteral("audio/mpeg");
    a.durationSeconds = seconds;
    a.size = qint64(seconds) * 16000;
    a.url = url(a.fileName);
    return a;
}

} // namespace Counterpart::Connectors::Demo
