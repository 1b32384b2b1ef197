#pragma once

#include <QStyledItemDelegate>

namespace Counterpart::Ui {

/**
 * One search result: channel badge, customer, time, and the snippet on a second line with the
 * matched stretches in bold. Highlights come as ranges (Roles::SearchHighlights) and are applied
 * with QTextLayout formats, so the customer's text is never interpreted as markup.
 */
class SearchResultDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace Counterpart::Ui
