#pragma once

#include <Qt>

namespace Counterpart::Models {

/** Roles of OutboxListModel: what the conversation view needs to show pending/failed work. */
enum OutboxRole {
    OutboxIdRole = Qt::UserRole + 300, ///< qint64: pass to SyncEngine::retryOperation/discardOperation
    OutboxSourceUidRole,               ///< QString
    OutboxConversationRemoteIdRole,    ///< qint64
    OutboxKindRole,                    ///< QString: "reply", "note", "labels", ...
    OutboxStateRole,                   ///< QString: "queued", "sending", "failed"
    OutboxAttemptsRole,                ///< int
    OutboxLastErrorRole,               ///< QString: a sentence, empty unless something went wrong
    OutboxCanRetryRole,                ///< bool: failed items only
    OutboxCanDiscardRole,              ///< bool: anything not on its way out
    OutboxContentRole,                 ///< QString: reply/note text, empty for other kinds
    OutboxEchoIdRole,                  ///< QString: matches Message::echoId once the server has it
};

} // namespace Counterpart::Models
