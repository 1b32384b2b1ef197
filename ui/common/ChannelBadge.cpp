#include "ChannelBadge.h"

#include <QPainter>

namespace Counterpart::Ui {

namespace {
struct BadgeStyle
{
    const char *key;
    const char *glyph;
    QRgb color;
};
// Colours chosen to stay distinguishable for the common colour-vision deficiencies; the glyph
// carries the meaning as well, never the colour alone. Glyphs are plain letters: emoji fonts are
// not installed everywhere and would render as boxes.
constexpr BadgeStyle kStyles[] = {
    {"email", "@", 0x3b6fd4},    {"webchat", "LC", 0x2f9e8f}, {"whatsapp", "WA", 0x25a244},
    {"sms", "SMS", 0x8a5cd1},    {"facebook", "f", 0x1877f2},  {"instagram", "IG", 0xc13584},
    {"telegram", "TG", 0x229ed9}, {"phone", "TEL", 0xd97706},    {"api", "API", 0x64748b},
};
const BadgeStyle &styleOf(const QString &key)
{
    for (const auto &style : kStyles) {
        if (key == QLatin1String(style.key))
            return style;
    }
    return kStyles[std::size(kStyles) - 1];
}
} // namespace

QColor ChannelBadge::color(const QString &channelKey) { return QColor::fromRgb(styleOf(channelKey).color); }

QString ChannelBadge::glyph(const QString &channelKey) { return QString::fromUtf8(styleOf(channelKey).glyph); }

void ChannelBadge::paint(QPainter *painter, const QRectF &rect, const QString &channelKey)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color(channelKey));
    painter->drawEllipse(rect);
    QFont font = painter->font();
    const QString text = glyph(channelKey);
    font.setBold(true);
    font.setPixelSize(int(rect.height() * (text.size() >= 3 ? 0.30 : text.size() == 2 ? 0.38 : 0.5)));
    painter->setFont(font);
    painter->setPen(Qt::white);
    painter->drawText(rect, Qt::AlignCenter, text);
    painter->restore();
}

} // namespace Counterpart::Ui
