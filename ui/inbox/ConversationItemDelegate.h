#pragma once

#include <QDateTime>
#include <QStyledItemDelegate>

namespace Counterpart::Ui {

/** One row of the conversation list: badge, customer, time, subject or preview, status line. */
class ConversationItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    /** The "now" relative times are computed against; tests and screenshots pin it. */
    void setNow(const QDateTime &now) { m_now = now; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    QDateTime now() const { return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc(); }
    QDateTime m_now;
};

} // namespace Counterpart::Ui
