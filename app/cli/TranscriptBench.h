#pragma once

#include <QJsonObject>

namespace Counterpart::Storage {
class CacheStore;
}

namespace Counterpart::Cli {

/**
 * Times what the window does when the agent opens a conversation: MessageListModel::setConversation
 * on the longest conversation (2,000 messages in a demo of >= 1,000 conversations) plus every
 * role the transcript delegate reads for the ~30 visible rows, the email quote split included; and
 * switching between 20 recent conversations, with the side panel's reads (conversation, contact,
 * the contact's other conversations). Each figure has the bare SQL of the same rows beside it.
 * Keys: open_conversation_ms, open_conversation_ref_ms, open_conversation_messages,
 * switch_conversation_ms, switch_conversation_ref_ms.
 */
QJsonObject benchTranscript(Storage::CacheStore &cache);

} // namespace Counterpart::Cli
