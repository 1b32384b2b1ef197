#include "CacheFixture.h"

#include "storage/CacheStore.h"

namespace Counterpart::Testing {

using namespace Domain;

CacheFixture::CacheFixture() = default;

QDateTime CacheFixture::baseTime() { return QDateTime(QDate(2024, 3, 1), QTime(9, 0), Qt::UTC); }

Source CacheFixture::source() const
{
    Source source;
    source.uid = QStringLiteral("test");
    source.kind = QStringLiteral("demo");
    source.name = QStringLiteral("Test helpdesk");
    source.baseUrl = QStringLiteral("https://helpdesk.invalid");
    source.accountId = 7;
    return source;
}

Inbox &CacheFixture::addInbox(qint64 remoteId, const QString &name, ChannelKind channel)
{
    Inbox inbox;
    inbox.remoteId = remoteId;
    inbox.name = name;
    inbox.channel = channel;
    inbox.timezone = QStringLiteral("Europe/Athens");
    inbox.address = QStringLiteral("inbox%1@support.invalid").arg(remoteId);
    m_batch.inboxes.append(inbox);
    return m_batch.inboxes.last();
}

Agent &CacheFixture::addAgent(qint64 remoteId, const QString &name, const QString &email)
{
    Agent agent;
    agent.remoteId = remoteId;
    agent.name = name;
    agent.email = email;
    agent.role = QStringLiteral("agent");
    agent.availability = QStringLiteral("online");
    m_batch.agents.append(agent);
    return m_batch.agents.last();
}

Contact &CacheFixture::addContact(qint64 remoteId, const QString &name, const QString &email,
                                  const QString &phone, const QString &language)
{
    Contact contact;
    contact.remoteId = remoteId;
    contact.name = name;
    contact.email = email;
    contact.phone = phone;
    contact.language = language;
    contact.createdAt = at(-10000);
    contact.lastActivityAt = at(int(remoteId));
    m_batch.contacts.append(contact);
    return m_batch.contacts.last();
}

Conversation &CacheFixture::addConversation(qint64 remoteId, qint64 inboxRemoteId,
                                            qint64 contactRemoteId, int minutes,
                                            ConversationStatus status)
{
    Conversation conversation;
    conversation.remoteId = remoteId;
    conversation.inboxId = inboxRemoteId;
    conversation.contactId = contactRemoteId;
    conversation.status = status;
    conversation.subject = QStringLiteral("Conversation %1").arg(remoteId);
    conversation.createdAt = at(minutes);
    conversation.lastActivityAt = at(minutes);
    m_batch.conversations.append(conversation);
    return m_batch.conversations.last();
}

Message &CacheFixture::addMessage(qint64 remoteId, qint64 conversationRemoteId, const QString &text,
                                  int minutes, MessageKind kind)
{
    Message message;
    message.remoteId = remoteId;
    message.conversationId = conversationRemoteId;
    message.kind = kind;
    message.text = text;
    message.createdAt = at(minutes);
    if (kind == MessageKind::Incoming) {
        message.senderKind = SenderKind::Contact;
        for (const auto &conversation : std::as_const(m_batch.conversations)) {
            if (conversation.remoteId == conversationRemoteId)
                message.senderId = conversation.contactId;
        }
    } else {
        message.senderKind = SenderKind::Agent;
        message.senderId = m_batch.agents.isEmpty() ? 0 : m_batch.agents.first().remoteId;
        message.senderName = m_batch.agents.isEmpty() ? QString() : m_batch.agents.first().name;
    }
    m_batch.messages.append(message);
    for (auto &conversation : m_batch.conversations) {
        if (conversation.remoteId == conversationRemoteId && conversation.lastActivityAt < message.createdAt)
            conversation.lastActivityAt = message.createdAt;
    }
    return m_batch.messages.last();
}

CacheFixture CacheFixture::multilingual()
{
    CacheFixture f;
    f.addInbox(EmailInbox, QStringLiteral("Support e-mail"), ChannelKind::Email);
    f.addInbox(WhatsAppInbox, QStringLiteral("WhatsApp"), ChannelKind::WhatsApp);
    f.addAgent(SupportAgent, QStringLiteral("Maria Agent"), QStringLiteral("maria@support.invalid"));
    f.addContact(EnglishContact, QStringLiteral("Alice Johnson"), QStringLiteral("alice.johnson@example.com"),
                 QStringLiteral("+1 415 555 0100"), QStringLiteral("en"));
    f.addContact(SimplifiedContact, QStringLiteral("王小明"), QStringLiteral("wang@example.cn"),
                 QStringLiteral("+86 10 5555 0101"), QStringLiteral("zh-Hans"));
    f.addContact(TraditionalContact, QStringLiteral("陳美玲"), QStringLiteral("chen@example.tw"),
                 QStringLiteral("+886 2 5555 0102"), QStringLiteral("zh-Hant"));
    f.addContact(GreekContact, QStringLiteral("Γιώργος Παπαδόπουλος"), QStringLiteral("giorgos@example.gr"),
                 QStringLiteral("+30 210 555 0103"), QStringLiteral("el"));

    f.addConversation(101, EmailInbox, EnglishContact, 0);
    f.addConversation(102, WhatsAppInbox, SimplifiedContact, 10);
    f.addConversation(103, WhatsAppInbox, TraditionalContact, 20, ConversationStatus::Pending);
    f.addConversation(104, EmailInbox, GreekContact, 30, ConversationStatus::Resolved);

    f.addMessage(1001, 101, QStringLiteral("Hi, I would like a refund for order #4411."), 1);
    f.addMessage(1002, 101, QStringLiteral("Of course, the refund is on its way."), 2, MessageKind::Outgoing);
    f.addMessage(1003, 102, QStringLiteral("你好，我想申请退款"), 11);
    f.addMessage(1004, 102, QStringLiteral("好的，我们会尽快处理。"), 12, MessageKind::Outgoing);
    f.addMessage(1005, 103, QStringLiteral("我要退貨，商品有瑕疵。"), 21);
    f.addMessage(1006, 104, QStringLiteral("Καλημέρα σας, θα ήθελα να αλλάξω τη διεύθυνση αποστολής."), 31);
    f.addMessage(1007, 104, QStringLiteral("Internal: customer asked twice."), 32, MessageKind::Note);
    return f;
}

qint64 CacheFixture::ingestInto(Storage::CacheStore &store, QString *error) const
{
    const qint64 sourceId = store.ensureSource(source());
    if (sourceId == 0) {
        if (error)
            *error = QStringLiteral("could not register the source");
        return 0;
    }
    return store.ingest(sourceId, m_batch, error) ? sourceId : 0;
}

} // namespace Counterpart::Testing
