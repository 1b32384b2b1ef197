#pragma once

#include <QColor>
#include <QPalette>

namespace Counterpart::Ui {

/** Colours derived from the active palette, so light and dark desktops both read well. */
class Theme
{
public:
    static bool isDark(const QPalette &palette);
    static QColor mutedText(const QPalette &palette);
    static QColor incomingBubble(const QPalette &palette);
    static QColor outgoingBubble(const QPalette &palette);
    static QColor noteBubble(const QPalette &palette);
    static QColor statusColor(const QString &statusKey);
    static QColor priorityColor(int priority);
    static QColor divider(const QPalette &palette);
    static QColor demoBanner(const QPalette &palette);
};

} // namespace Counterpart::Ui
