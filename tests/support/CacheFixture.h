#pragma once

#include "storage/IngestBatch.h"

#include <QDateTime>
#include <QString>

namespace Counterpart::Storage {
class CacheStore;
}

namespace Counterpart::Testing {

/**
 * Builds one IngestBatch by hand, with remote ids as a connector would deliver them. add*()
 * return a reference to the new item so a test can adjust a field on the spot; it is valid only
 * until the next add*() call.
 *
 * multilingual() is a small ready-made workspace: two inboxes (e-mail, WhatsApp), one agent and
 * four customers writing English, Simplified Chinese, Traditional Chinese and Greek, each with one
 * conversation (remote ids 101..104) and a short exchange.
 */
class CacheFixture
{
public:
    static constexpr qint64 EmailInbox = 1;
    static constexpr qint64 WhatsAppInbox = 2;
    static constexpr qint64 SupportAgent = 1;
    static constexpr qint64 EnglishContact = 1;
    static constexpr qint64 SimplifiedContact = 2;
    static constexpr qint64 TraditionalContact = 3;
    static constexpr qint64 GreekContact = 4;

    CacheFixture();

    static CacheFixture multilingual();

    Domain::Source source() const;
    /** 2024-03-01 09:00 UTC; times in the fixture are minutes after it. */
    static QDateTime baseTime();
    static QDateTime at(int minutes) { return baseTime().addSecs(qint64(minutes) * 60); }

    Domain::Inbox &addInbox(qint64 remoteId, const QString &name, Domain::ChannelKind channel);
    Domain::Agent &addAgent(qint64 remoteId, const QString &name, const QString &email);
    Domain::Contact &addContact(qint64 remoteId, const QString &name, const QString &email,
                                const QString &phone, const QString &language);
    Domain::Conversation &addConversation(qint64 remoteId, qint64 inboxRemoteId,
                                          qint64 contactRemoteId, int minutes,
                                          Domain::ConversationStatus status
                                          = Domain::ConversationStatus::Open);
    /** Incoming from the conversation's contact unless `kind` says otherwise. */
    Domain::Message &addMessage(qint64 remoteId, qint64 conversationRemoteId, const QString &text,
                                int minutes, Domain::MessageKind kind = Domain::MessageKind::Incoming);

    Storage::IngestBatch &batch() { return m_batch; }
    const Storage::IngestBatch &batch() const { return m_batch; }

    /** Registers the source and ingests the batch; returns the local source id, 0 on failure. */
    qint64 ingestInto(Storage::CacheStore &store, QString *error = nullptr) const;

private:
    Storage::IngestBatch m_batch;
};

} // namespace Counterpart::Testing
