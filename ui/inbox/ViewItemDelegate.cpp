#include "ViewItemDelegate.h"

#include "common/ChannelBadge.h"
#include "common/Theme.h"
#include "models/ItemRoles.h"

#include <QPainter>

namespace Counterpart::Ui {

namespace Roles = Models::Roles;

QSize ViewItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QFontMetrics metrics(option.font);
    const bool section = index.data(Roles::ViewIsSection).toBool();
    return QSize(120, metrics.height() + (section ? 18 : 12));
}

void ViewItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    painter->save();
    const QPalette &palette = option.palette;
    const QRect rect = option.rect.adjusted(6, 1, -6, -1);
    const bool section = index.data(Roles::ViewIsSection).toBool();
    const QString title = index.data(Qt::DisplayRole).toString();
    if (section) {
        QFont font = option.font;
        font.setBold(true);
        font.setPointSizeF(option.font.pointSizeF() * 0.8);
        font.setCapitalization(QFont::AllUppercase);
        painter->setFont(font);
        painter->setPen(Theme::mutedText(palette));
        painter->drawText(rect.adjusted(6, 0, 0, -3), Qt::AlignLeft | Qt::AlignBottom, title);
        painter->restore();
        return;
    }
    const bool selected = option.state & QStyle::State_Selected;
    if (selected) {
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(palette.color(QPalette::Highlight));
        painter->drawRoundedRect(rect, 5, 5);
    }
    const QString key = index.data(Roles::ViewKey).toString();
    int left = rect.left() + 8;
    if (key.startsWith(QLatin1String("channel:"))) {
        const int size = option.fontMetrics.height() - 2;
        ChannelBadge::paint(painter, QRectF(left, rect.center().y() - size / 2.0, size, size), key.mid(8));
        left += size + 6;
    }
    const QString count = QString::number(index.data(Roles::ViewCount).toInt());
    const int countWidth = option.fontMetrics.horizontalAdvance(count);
    painter->setPen(selected ? palette.color(QPalette::HighlightedText) : palette.color(QPalette::Text));
    painter->drawText(QRect(left, rect.top(), rect.right() - left - countWidth - 12, rect.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      option.fontMetrics.elidedText(title, Qt::ElideRight, rect.right() - left - countWidth - 12));
    painter->setPen(selected ? palette.color(QPalette::HighlightedText) : Theme::mutedText(palette));
    painter->drawText(QRect(rect.right() - countWidth - 8, rect.top(), countWidth, rect.height()),
                      Qt::AlignRight | Qt::AlignVCenter, count);
    painter->restore();
}

} // namespace Counterpart::Ui
