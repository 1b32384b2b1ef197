#pragma once

#include <QStyledItemDelegate>

namespace Counterpart::Ui {

/** One outbox row as a sentence: state, what, where, and for a failed one why. */
class OutboxItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    static QString describe(const QModelIndex &index);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace Counterpart::Ui
