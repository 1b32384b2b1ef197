#pragma once

#include "domain/Entities.h"

namespace Counterpart::Storage {

/**
 * One page of server data for CacheStore::ingest(), written in one transaction. Every reference
 * inside it (Conversation::inboxId, contactId, assigneeId, teamId; Message::conversationId,
 * senderId) is the *remote* id of the same source: connectors never need to know local ids.
 */
struct IngestBatch
{
    QList<Domain::Inbox> inboxes;
    QList<Domain::Agent> agents;
    QList<Domain::Team> teams;
    QList<Domain::Label> labels;
    QList<Domain::Contact> contacts;
    QList<Domain::Conversation> conversations;
    QList<Domain::Message> messages;
    /** ContactNote::contactId and authorId are remote ids too. */
    QList<Domain::ContactNote> contactNotes;
    /**
     * Contacts (remote ids) whose complete list of notes is in `contactNotes`: their cached
     * notes missing from it were deleted on the server and are removed.
     */
    QList<qint64> completeNoteListsOf;

    bool isEmpty() const
    {
        return inboxes.isEmpty() && agents.isEmpty() && teams.isEmpty() && labels.isEmpty()
            && contacts.isEmpty() && conversations.isEmpty() && messages.isEmpty()
            && contactNotes.isEmpty() && completeNoteListsOf.isEmpty();
    }
};

} // namespace Counterpart::Storage
