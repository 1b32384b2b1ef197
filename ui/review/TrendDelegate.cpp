#include "TrendDelegate.h"

#include "models/ItemRoles.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace Counterpart::Ui {

namespace {
constexpr int kSparkWidth = 96;
}

void TrendDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const QVariantList values = index.data(Models::Roles::AgentReviewTrend).toList();
    const QRect area = opt.rect.adjusted(6, 4, 0, -4);
    const QRect spark(area.left(), area.top(), std::min(kSparkWidth, area.width() / 2), area.height());
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const bool selected = opt.state & QStyle::State_Selected;
    const QColor ink = opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    QColor faint = ink;
    faint.setAlphaF(0.25);
    painter->setPen(QPen(faint, 1, Qt::DotLine));
    painter->drawLine(spark.bottomLeft(), spark.bottomRight());
    QPainterPath path;
    bool started = false;
    const int count = int(values.size());
    for (int i = 0; i < count; ++i) {
        const double value = values.at(i).toDouble();
        if (value < 0)
            continue; // a week without reviews: the line bridges it
        const double x = spark.left() + (count > 1 ? spark.width() * double(i) / (count - 1) : spark.width() / 2.0);
        const double y = spark.bottom() - spark.height() * std::clamp(value, 0.0, 100.0) / 100.0;
        if (!started)
            path.moveTo(x, y);
        else
            path.lineTo(x, y);
        painter->setBrush(ink);
        painter->setPen(Qt::NoPen);
        painter->drawEllipse(QPointF(x, y), 1.8, 1.8);
        started = true;
    }
    painter->setBrush(Qt::NoBrush);
    painter->setPen(QPen(opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Highlight), 1.5));
    painter->drawPath(path);
    painter->setPen(ink);
    painter->drawText(opt.rect.adjusted(spark.width() + 12, 0, -4, 0), Qt::AlignVCenter | Qt::AlignLeft, text);
    painter->restore();
}

QSize TrendDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(size.width() + kSparkWidth + 16);
    size.setHeight(std::max(size.height(), 26));
    return size;
}

} // namespace Counterpart::Ui
