#pragma once

#include <QStyledItemDelegate>

namespace Counterpart::Ui {

/** The navigation column: section headings in small caps, views with a right-aligned count. */
class ViewItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace Counterpart::Ui
