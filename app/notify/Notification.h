#pragma once

#include <QList>
#include <QString>

namespace Counterpart::Notify {

/** One notification to show the agent (the tray turns it into a balloon). */
struct Notification
{
    enum class Kind {
        AssignedToMe,    ///< someone else gave the agent a conversation
        CustomerReplied, ///< a new customer message in a conversation assigned to the agent
        Summary,         ///< several of the above at once, told in one notification
    };
    Kind kind = Kind::CustomerReplied;
    qint64 conversationId = 0;      ///< what a click opens; 0 for a summary
    QList<qint64> conversationIds;  ///< every conversation this notification speaks of
    QString title;
    QString body;
};

} // namespace Counterpart::Notify
