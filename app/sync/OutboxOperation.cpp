#include "OutboxOperation.h"

namespace Counterpart::Sync {

namespace {
const std::pair<OutboxOperation::Kind, const char *> kKinds[] = {
    {OutboxOperation::Kind::Reply, "reply"},
    {OutboxOperation::Kind::Note, "note"},
    {OutboxOperation::Kind::Assign, "assign"},
    {OutboxOperation::Kind::Labels, "labels"},
    {OutboxOperation::Kind::Status, "status"},
    {OutboxOperation::Kind::Priority, "priority"},
    {OutboxOperation::Kind::CustomAttributes, "custom_attributes"},
    {OutboxOperation::Kind::MarkRead, "mark_read"},
    {OutboxOperation::Kind::MarkUnread, "mark_unread"},
    {OutboxOperation::Kind::ContactNote, "contact_note"},
};
const std::pair<OutboxOperation::State, const char *> kStates[] = {
    {OutboxOperation::State::Queued, "queued"},
    {OutboxOperation::State::Sending, "sending"},
    {OutboxOperation::State::Sent, "sent"},
    {OutboxOperation::State::Failed, "failed"},
};
} // namespace

QString OutboxOperation::kindKey(Kind kind)
{
    for (const auto &[value, key] : kKinds) {
        if (value == kind)
            return QString::fromLatin1(key);
    }
    return QString();
}

OutboxOperation::Kind OutboxOperation::kindFromKey(const QString &key)
{
    for (const auto &[value, name] : kKinds) {
        if (key == QLatin1String(name))
            return value;
    }
    return Kind::Reply;
}

QString OutboxOperation::stateKey(State state)
{
    for (const auto &[value, key] : kStates) {
        if (value == state)
            return QString::fromLatin1(key);
    }
    return QString();
}

OutboxOperation::State OutboxOperation::stateFromKey(const QString &key)
{
    for (const auto &[value, name] : kStates) {
        if (key == QLatin1String(name))
            return value;
    }
    return State::Queued;
}

} // namespace Counterpart::Sync
