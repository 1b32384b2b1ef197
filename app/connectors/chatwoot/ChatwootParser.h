#pragma once

#include "ChatwootTypes.h"
#include "domain/Entities.h"
#include "storage/IngestBatch.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

namespace Counterpart::Connectors::Chatwoot {

/**
 * Pure functions from Chatwoot's JSON (REST views and WebSocket push shapes) to domain values.
 * Every id in the results is the server's id; references point at remote ids, as IngestBatch
 * expects. The only place that knows Chatwoot's field names, together with ChatwootRequests.
 */
class ChatwootParser
{
public:
    /** Epoch seconds (int or float), ISO 8601 strings, or null/0 (-> an invalid QDateTime). */
    static QDateTime time(const QJsonValue &value);
    static Domain::ChannelKind channelKind(const QString &channelType, const QString &medium);
    static Domain::ConversationStatus status(const QString &key);
    static Domain::Priority priority(const QJsonValue &value);
    static QString statusKey(Domain::ConversationStatus status);
    static QString priorityKey(Domain::Priority priority);

    static Domain::Inbox inbox(const QJsonObject &json);
    static Domain::Agent agent(const QJsonObject &json);
    static Domain::Team team(const QJsonObject &json);
    static Domain::Label label(const QJsonObject &json);
    static Domain::Contact contact(const QJsonObject &json);
    static Domain::Message message(const QJsonObject &json);
    static Domain::Conversation conversation(const QJsonObject &json);
    /** A contact note: {id, content, contact_id, user?:Agent, created_at, updated_at}. */
    static Domain::ContactNote contactNote(const QJsonObject &json);
    static ChatwootProfile profile(const QJsonObject &json);
    static ChatwootCannedResponse cannedResponse(const QJsonObject &json);
    static ChatwootTyping typing(const QJsonObject &data, bool on);

    /** The conversation with its sender, assignee and embedded last message, ready to ingest. */
    static void addConversation(const QJsonObject &json, Storage::IngestBatch &batch);

    /** GET conversations: {"data":{"meta":…,"payload":[…]}}; false when the shape is wrong. */
    static bool conversationList(const QJsonValue &root, Storage::IngestBatch &batch, int *count);
    /** GET …/messages: {"meta":…,"payload":[…]}; messages ascending by id. */
    static bool messageList(const QJsonValue &root, QList<Domain::Message> &messages);
    /** GET contacts/{id}/notes: a bare array of notes (newest first); false when the shape is wrong. */
    static bool contactNoteList(const QJsonValue &root, QList<Domain::ContactNote> &notes);
    /** GET contacts: {"meta":{"count","current_page"},"payload":[…]}. */
    static bool contactList(const QJsonValue &root, QList<Domain::Contact> &contacts, int *total);
    /** Lists that come wrapped in "payload" (inboxes, labels) or bare (agents, teams, canned). */
    static bool objectArray(const QJsonValue &root, QJsonArray &items);
};

} // namespace Counterpart::Connectors::Chatwoot
