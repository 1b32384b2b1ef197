#pragma once

#include <QStyledItemDelegate>

namespace Counterpart::Ui {

/**
 * Paints one message the way its kind reads: customer bubbles on the left, agent bubbles on the
 * right, private notes as full-width yellow cards, activity events as a centred grey line.
 */
class MessageItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    /** The viewport width, which sizeHint() needs to wrap text (QListView does not pass it). */
    void setWidth(int width) { m_width = width; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    struct Layout
    {
        QRect bubble;
        QRect header;
        QRect body;
        QRect attachments;
        int height = 0;
    };
    Layout layoutFor(const QStyleOptionViewItem &option, const QModelIndex &index, int width) const;
    static QString attachmentLine(const QVariantMap &attachment);
    static QString headerText(const QModelIndex &index);
    static QString trailerText(const QModelIndex &index);

    int m_width = 600;
};

} // namespace Counterpart::Ui
