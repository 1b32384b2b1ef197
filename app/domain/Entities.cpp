#include "Entities.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace Counterpart::Domain {

namespace {
template<typename Enum, size_t N>
QString keyOf(const std::pair<Enum, const char *> (&table)[N], Enum value)
{
    for (const auto &entry : table) {
        if (entry.first == value)
            return QString::fromLatin1(entry.second);
    }
    return QString::fromLatin1(table[0].second);
}

template<typename Enum, size_t N>
Enum valueOf(const std::pair<Enum, const char *> (&table)[N], const QString &key)
{
    for (const auto &entry : table) {
        if (key == QLatin1String(entry.second))
            return entry.first;
    }
    return table[0].first;
}

const std::pair<ConversationStatus, const char *> kStatus[] = {
    {ConversationStatus::Open, "open"},
    {ConversationStatus::Pending, "pending"},
    {ConversationStatus::Snoozed, "snoozed"},
    {ConversationStatus::Resolved, "resolved"},
};
const std::pair<Priority, const char *> kPriority[] = {
    {Priority::None, ""},       {Priority::Low, "low"},       {Priority::Medium, "medium"},
    {Priority::High, "high"},   {Priority::Urgent, "urgent"},
};
const std::pair<MessageKind, const char *> kMessageKind[] = {
    {MessageKind::Incoming, "incoming"},
    {MessageKind::Outgoing, "outgoing"},
    {MessageKind::Note, "note"},
    {MessageKind::Activity, "activity"},
};
const std::pair<SenderKind, const char *> kSenderKind[] = {
    {SenderKind::Contact, "contact"},
    {SenderKind::Agent, "agent"},
    {SenderKind::Bot, "bot"},
    {SenderKind::System, "system"},
};
const std::pair<DeliveryState, const char *> kDelivery[] = {
    {DeliveryState::Sent, "sent"},         {DeliveryState::Delivered, "delivered"},
    {DeliveryState::Read, "read"},         {DeliveryState::Failed, "failed"},
    {DeliveryState::Pending, "pending"},
};
} // namespace

QString statusKey(ConversationStatus status) { return keyOf(kStatus, status); }
ConversationStatus statusFromKey(const QString &key) { return valueOf(kStatus, key); }

QString statusDisplayName(ConversationStatus status)
{
    switch (status) {
    case ConversationStatus::Open:
        return QCoreApplication::translate("Status", "Open");
    case ConversationStatus::Pending:
        return QCoreApplication::translate("Status", "Pending");
    case ConversationStatus::Snoozed:
        return QCoreApplication::translate("Status", "Snoozed");
    case ConversationStatus::Resolved:
        return QCoreApplication::translate("Status", "Resolved");
    }
    return QString();
}

QString priorityKey(Priority priority) { return keyOf(kPriority, priority); }
Priority priorityFromKey(const QString &key) { return valueOf(kPriority, key); }

QString priorityDisplayName(Priority priority)
{
    switch (priority) {
    case Priority::None:
        return QString();
    case Priority::Low:
        return QCoreApplication::translate("Priority", "Low");
    case Priority::Medium:
        return QCoreApplication::translate("Priority", "Medium");
    case Priority::High:
        return QCoreApplication::translate("Priority", "High");
    case Priority::Urgent:
        return QCoreApplication::translate("Priority", "Urgent");
    }
    return QString();
}

QString messageKindKey(MessageKind kind) { return keyOf(kMessageKind, kind); }
MessageKind messageKindFromKey(const QString &key) { return valueOf(kMessageKind, key); }
QString senderKindKey(SenderKind kind) { return keyOf(kSenderKind, kind); }
SenderKind senderKindFromKey(const QString &key) { return valueOf(kSenderKind, key); }
QString deliveryKey(DeliveryState state) { return keyOf(kDelivery, state); }
DeliveryState deliveryFromKey(const QString &key) { return valueOf(kDelivery, key); }

QJsonArray attachmentsToJson(const QList<Attachment> &attachments)
{
    QJsonArray array;
    for (const auto &attachment : attachments) {
        QJsonObject object{{QStringLiteral("name"), attachment.fileName},
                           {QStringLiteral("type"), attachment.contentType},
                           {QStringLiteral("size"), attachment.size}};
        if (!attachment.url.isEmpty())
            object.insert(QStringLiteral("url"), attachment.url);
        if (attachment.durationSeconds > 0)
            object.insert(QStringLiteral("duration"), attachment.durationSeconds);
        array.append(object);
    }
    return array;
}

QList<Attachment> attachmentsFromJson(const QByteArray &json)
{
    QList<Attachment> result;
    if (json.isEmpty())
        return result;
    const auto array = QJsonDocument::fromJson(json).array();
    for (const auto &value : array) {
        const auto object = value.toObject();
        Attachment attachment;
        attachment.fileName = object.value(QStringLiteral("name")).toString();
        attachment.contentType = object.value(QStringLiteral("type")).toString();
        attachment.size = object.value(QStringLiteral("size")).toInteger();
        attachment.url = object.value(QStringLiteral("url")).toString();
        attachment.durationSeconds = object.value(QStringLiteral("duration")).toInt();
        result.append(attachment);
    }
    return result;
}

} // namespace Counterpart::Domain
