#pragma once

#include <QString>
#include <QStringList>

namespace Counterpart::Domain {

/** The kind of channel an inbox speaks; decides composer rules and transcript layout. */
enum class ChannelKind {
    Email,
    WebChat,
    WhatsApp,
    Sms,
    Facebook,
    Instagram,
    Telegram,
    Phone,
    Api,
};

/** Stable identifier stored in SQLite and used in views ("email", "whatsapp", ...). */
QString channelKey(ChannelKind kind);
/** Parses channelKey(); unknown keys become Api so that no row is ever dropped. */
ChannelKind channelFromKey(const QString &key);
/** Human label in the UI language ("WhatsApp", "Phone & voicemail", ...). */
QString channelDisplayName(ChannelKind kind);
QList<ChannelKind> allChannels();

} // namespace Counterpart::Domain
