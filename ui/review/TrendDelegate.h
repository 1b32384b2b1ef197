#pragma once

#include <QStyledItemDelegate>

namespace Counterpart::Ui {

/**
 * Draws a weekly score trend as a small line (Roles::AgentReviewTrend, 0-100, -1 for a week
 * without reviews) with the change text of the cell to its right.
 */
class TrendDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace Counterpart::Ui
