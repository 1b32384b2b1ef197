#include "Theme.h"

namespace Counterpart::Ui {

bool Theme::isDark(const QPalette &palette) { return palette.color(QPalette::Window).lightness() < 128; }

QColor Theme::mutedText(const QPalette &palette)
{
    QColor text = palette.color(QPalette::Text);
    QColor base = palette.color(QPalette::Base);
    return QColor::fromRgbF((text.redF() * 3 + base.redF() * 2) / 5, (text.greenF() * 3 + base.greenF() * 2) / 5,
                            (text.blueF() * 3 + base.blueF() * 2) / 5);
}

QColor Theme::incomingBubble(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x2f, 0x34, 0x3b) : QColor(0xf1, 0xf3, 0xf5);
}

QColor Theme::outgoingBubble(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x1f, 0x3a, 0x5f) : QColor(0xdd, 0xea, 0xfb);
}

QColor Theme::noteBubble(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x4a, 0x40, 0x1c) : QColor(0xfd, 0xf3, 0xc7);
}

QColor Theme::statusColor(const QString &statusKey)
{
    if (statusKey == QLatin1String("open"))
        return QColor(0x16, 0xa3, 0x4a);
    if (statusKey == QLatin1String("pending"))
        return QColor(0xd9, 0x77, 0x06);
    if (statusKey == QLatin1String("snoozed"))
        return QColor(0x63, 0x66, 0xf1);
    return QColor(0x64, 0x74, 0x8b);
}

QColor Theme::priorityColor(int priority)
{
    switch (priority) {
    case 4:
        return QColor(0xdc, 0x26, 0x26);
    case 3:
        return QColor(0xea, 0x58, 0x0c);
    case 2:
        return QColor(0xca, 0x8a, 0x04);
    default:
        return QColor(0x94, 0xa3, 0xb8);
    }
}

QColor Theme::divider(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x3a, 0x3f, 0x46) : QColor(0xe2, 0xe5, 0xe9);
}

QColor Theme::demoBanner(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x4a, 0x3b, 0x10) : QColor(0xfe, 0xf3, 0xc7);
}

} // namespace Counterpart::Ui
