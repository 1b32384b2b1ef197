#include "SearchResultDelegate.h"

#include "common/ChannelBadge.h"
#include "common/Theme.h"
#include "common/TimeText.h"
#include "models/ItemRoles.h"

#include <QApplication>
#include <QPainter>
#include <QPoint>
#include <QTextLayout>

namespace Counterpart::Ui {

namespace Roles = Models::Roles;

namespace {
constexpr int Margin = 8;
constexpr int BadgeSize = 22;
} // namespace

QSize SearchResultDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics metrics(option.font);
    return {320, Margin * 2 + metrics.height() * 2 + 4};
}

void SearchResultDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    painter->save();
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette &palette = option.palette;
    const QColor text = palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor muted = selected ? text : Theme::mutedText(palette);
    const QRect rect = option.rect.adjusted(Margin, Margin, -Margin, -Margin);
    const QFontMetrics metrics(option.font);

    const bool isContact = index.data(Roles::SearchHitKindKey).toString() == QLatin1String("contact");
    const QRectF badge(rect.left(), rect.top() + (metrics.height() - BadgeSize) / 2.0 + 1,
                       BadgeSize, BadgeSize);
    if (isContact) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(Theme::mutedText(palette));
        painter->drawEllipse(badge);
        painter->setPen(palette.color(QPalette::Base));
        painter->drawText(badge, Qt::AlignCenter, index.data(Roles::CustomerName).toString().left(1));
    } else {
        ChannelBadge::paint(painter, badge, index.data(Roles::ChannelKey).toString());
    }

    const int textLeft = rect.left() + BadgeSize + Margin;
    QFont bold = option.font;
    bold.setBold(true);
    const QString when = TimeText::dateTime(index.data(Roles::SearchTime).toDateTime());
    const QString status = isContact ? tr("Contact") : index.data(Roles::StatusKey).toString();
    const QString right = status.isEmpty() ? when : QString(status % QStringLiteral(" · ") % when);
    const int rightWidth = metrics.horizontalAdvance(right);
    painter->setPen(muted);
    painter->drawText(QRect(rect.right() - rightWidth, rect.top(), rightWidth, metrics.height()),
                      Qt::AlignRight | Qt::AlignVCenter, right);

    painter->setFont(bold);
    painter->setPen(text);
    const QFontMetrics boldMetrics(bold);
    const int titleWidth = std::max(0, rect.right() - rightWidth - Margin - textLeft);
    painter->drawText(QRect(textLeft, rect.top(), titleWidth, metrics.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      boldMetrics.elidedText(index.data(Roles::CustomerName).toString(),
                                             Qt::ElideRight, titleWidth));

    // The snippet: one line, the matched stretches bold; what does not fit is clipped rather
    // than elided, because eliding would shift the highlight ranges.
    QString snippet = index.data(Roles::SearchSnippet).toString();
    snippet.replace(QLatin1Char('\n'), QLatin1Char(' '));
    QList<QTextLayout::FormatRange> formats;
    const QVariantList ranges = index.data(Roles::SearchHighlights).toList();
    for (const QVariant &range : ranges) {
        const QPoint point = range.toPoint();
        if (point.x() < 0 || point.y() <= 0 || point.x() + point.y() > snippet.size())
            continue;
        QTextLayout::FormatRange format;
        format.start = point.x();
        format.length = point.y();
        format.format.setFontWeight(QFont::Bold);
        // Most CJK fonts have no bold face, so the match also gets a tint that shows in any script.
        QColor tint = selected ? palette.color(QPalette::HighlightedText) : QColor(0xf5, 0xc5, 0x42);
        tint.setAlpha(selected ? 70 : 110);
        format.format.setBackground(tint);
        formats.append(format);
    }
    QTextLayout layout(snippet, option.font);
    QTextOption textOption;
    textOption.setWrapMode(QTextOption::NoWrap);
    layout.setTextOption(textOption);
    layout.setFormats(formats);
    layout.beginLayout();
    QTextLine line = layout.createLine();
    if (line.isValid())
        line.setLineWidth(1e6);
    layout.endLayout();
    const QRect snippetRect(textLeft, rect.top() + metrics.height() + 4, rect.right() - textLeft,
                            metrics.height());
    painter->setClipRect(snippetRect);
    painter->setPen(selected ? text : palette.color(QPalette::Text));
    layout.draw(painter, snippetRect.topLeft());
    painter->restore();
}

} // namespace Counterpart::Ui
