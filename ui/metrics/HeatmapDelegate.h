#pragma once

#include <QStyledItemDelegate>

namespace Counterpart::Ui {

/** Fills a number's cell with the highlight colour in proportion to Roles::MetricCellShare. */
class HeatmapDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace Counterpart::Ui
