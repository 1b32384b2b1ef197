#include "HeatmapDelegate.h"

#include "models/ItemRoles.h"

#include <QPainter>

namespace Counterpart::Ui {

void HeatmapDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QVariant share = index.data(Models::Roles::MetricCellShare);
    if (!share.isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const double s = std::clamp(share.toDouble(), 0.0, 1.0);
    QColor fill = option.palette.color(QPalette::Highlight);
    fill.setAlphaF(0.08 + 0.85 * s);
    painter->fillRect(option.rect.adjusted(1, 1, -1, -1), s > 0 ? fill : option.palette.color(QPalette::Base));
    if (s > 0) {
        // Light text on the darkest cells keeps the count readable.
        painter->setPen(option.palette.color(s > 0.55 ? QPalette::HighlightedText : QPalette::Text));
        painter->drawText(option.rect, Qt::AlignCenter, index.data(Qt::DisplayRole).toString());
    }
}

} // namespace Counterpart::Ui
