#include "Channel.h"

#include <QCoreApplication>

namespace Counterpart::Domain {

namespace {
struct ChannelInfo
{
    ChannelKind kind;
    const char *key;
    const char *name;
};

constexpr ChannelInfo kChannels[] = {
    {ChannelKind::Email, "email", QT_TRANSLATE_NOOP("Channel", "Email")},
    {ChannelKind::WebChat, "webchat", QT_TRANSLATE_NOOP("Channel", "Live chat")},
    {ChannelKind::WhatsApp, "whatsapp", QT_TRANSLATE_NOOP("Channel", "WhatsApp")},
    {ChannelKind::Sms, "sms", QT_TRANSLATE_NOOP("Channel", "SMS")},
    {ChannelKind::Facebook, "facebook", QT_TRANSLATE_NOOP("Channel", "Facebook")},
    {ChannelKind::Instagram, "instagram", QT_TRANSLATE_NOOP("Channel", "Instagram")},
    {ChannelKind::Telegram, "telegram", QT_TRANSLATE_NOOP("Channel", "Telegram")},
    {ChannelKind::Phone, "phone", QT_TRANSLATE_NOOP("Channel", "Phone & voicemail")},
    {ChannelKind::Api, "api", QT_TRANSLATE_NOOP("Channel", "API")},
};
} // namespace

QString channelKey(ChannelKind kind)
{
    for (const auto &info : kChannels) {
        if (info.kind == kind)
            return QString::fromLatin1(info.key);
    }
    return QStringLiteral("api");
}

ChannelKind channelFromKey(const QString &key)
{
    for (const auto &info : kChannels) {
        if (key == QLatin1String(info.key))
            return info.kind;
    }
    return ChannelKind::Api;
}

QString channelDisplayName(ChannelKind kind)
{
    for (const auto &info : kChannels) {
        if (info.kind == kind)
            return QCoreApplication::translate("Channel", info.name);
    }
    return QString();
}

QList<ChannelKind> allChannels()
{
    QList<ChannelKind> result;
    for (const auto &info : kChannels)
        result.append(info.kind);
    return result;
}

} // namespace Counterpart::Domain
