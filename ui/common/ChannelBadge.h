#pragma once

#include <QColor>
#include <QString>

class QPainter;
class QRectF;

namespace Counterpart::Ui {

/** The round channel marker used in the list, the header and the sidebar. */
class ChannelBadge
{
public:
    static QColor color(const QString &channelKey);
    /** One or two characters that read at 12 px: "@", "WA", "SMS" ... */
    static QString glyph(const QString &channelKey);
    static void paint(QPainter *painter, const QRectF &rect, const QString &channelKey);
};

} // namespace Counterpart::Ui
