#pragma once

#include <QList>
#include <QString>

namespace Counterpart::Connectors::Chatwoot {

/** The signed-in user as GET /api/v1/profile describes it. */
struct ChatwootProfile
{
    qint64 id = 0;
    QString name;
    QString email;
    QString accessToken;
    QString pubsubToken; ///< subscribes the ActionCable RoomChannel
    QList<qint64> accountIds;
    bool isValid() const { return id > 0; }
};

/** A saved reply; the server renders its Liquid variables when the message is sent. */
struct ChatwootCannedResponse
{
    qint64 remoteId = 0;
    QString shortCode;
    QString content;
};

/** Who is typing where, from conversation.typing_on / typing_off. */
struct ChatwootTyping
{
    qint64 conversationRemoteId = 0;
    qint64 userRemoteId = 0;
    QString userName;
    bool typing = false;
    bool isPrivate = false;
};

} // namespace Counterpart::Connectors::Chatwoot
