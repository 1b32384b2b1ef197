#include "PendingMessages.h"

namespace Counterpart::Models {

using Sync::OutboxOperation;

QList<Domain::Message> PendingMessages::fromOutbox(const QList<OutboxOperation> &operations)
{
    QList<Domain::Message> messages;
    for (const OutboxOperation &operation : operations) {
        if (operation.kind != OutboxOperation::Kind::Reply && operation.kind != OutboxOperation::Kind::Note)
            continue;
        if (operation.state == OutboxOperation::State::Sent)
            continue;
        Domain::Message message;
        message.id = -operation.id;
        message.kind = operation.kind == OutboxOperation::Kind::Note ? Domain::MessageKind::Note
                                                                     : Domain::MessageKind::Outgoing;
        message.senderKind = Domain::SenderKind::Agent;
        message.senderName = tr("You");
        message.text = operation.payload.value(QStringLiteral("content")).toString();
        message.createdAt = QDateTime::fromMSecsSinceEpoch(operation.createdAtMs, Qt::UTC);
        message.delivery = operation.state == OutboxOperation::State::Failed ? Domain::DeliveryState::Failed
                                                                             : Domain::DeliveryState::Pending;
        message.echoId = operation.echoId;
        messages.append(message);
    }
    return messages;
}

} // namespace Counterpart::Models
