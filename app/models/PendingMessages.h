#pragma once

#include "domain/Entities.h"
#include "sync/OutboxOperation.h"

#include <QCoreApplication>
#include <QList>

namespace Counterpart::Models {

/**
 * Replies and notes the agent sent that the server has not acknowledged yet, shaped as messages
 * so the transcript shows them at its end with their state ("pending" while queued or sending,
 * "failed" when the agent must retry or discard). Sent operations are left out: by then the
 * synced message is in the cache.
 */
class PendingMessages
{
    Q_DECLARE_TR_FUNCTIONS(PendingMessages)
public:
    /** Message ids of pending rows are the negated outbox id, so they never meet a cache id. */
    static QList<Domain::Message> fromOutbox(const QList<Sync::OutboxOperation> &operations);
    static qint64 outboxIdOf(const Domain::Message &message) { return message.id < 0 ? -message.id : 0; }
};

} // namespace Counterpart::Models
