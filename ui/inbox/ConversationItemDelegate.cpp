#include "ConversationItemDelegate.h"

#include "common/ChannelBadge.h"
#include "common/Theme.h"
#include "common/TimeText.h"
#include "models/ItemRoles.h"

#include "domain/Entities.h"

#include <QApplication>
#include <QPainter>

namespace Counterpart::Ui {

namespace Roles = Models::Roles;

namespace {
constexpr int kPadding = 10;
constexpr int kBadge = 30;
} // namespace

QSize ConversationItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics metrics(option.font);
    return QSize(200, kPadding * 2 + metrics.height() * 3 + 6);
}

void ConversationItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                     const QModelIndex &index) const
{
    painter->save();
    const QPalette &palette = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    const QRect rect = option.rect;
    painter->fillRect(rect, selected ? palette.color(QPalette::Highlight).lighter(Theme::isDark(palette) ? 80 : 185)
                                     : palette.color(QPalette::Base));
    if (option.state & QStyle::State_HasFocus && selected) {
        painter->setPen(palette.color(QPalette::Highlight));
        painter->drawRect(rect.adjusted(0, 0, -1, -1));
    }
    painter->setPen(Theme::divider(palette));
    painter->drawLine(rect.bottomLeft(), rect.bottomRight());

    const QString channel = index.data(Roles::ChannelKey).toString();
    const QRectF badge(rect.left() + kPadding, rect.top() + kPadding, kBadge, kBadge);
    ChannelBadge::paint(painter, badge, channel);

    const int unread = index.data(Roles::UnreadCount).toInt();
    if (unread > 0) {
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(palette.color(QPalette::Highlight));
        painter->drawEllipse(QPointF(rect.left() + 5, badge.center().y()), 3.5, 3.5);
    }

    QFont nameFont = option.font;
    nameFont.setBold(unread > 0);
    const QFontMetrics nameMetrics(nameFont);
    const QFontMetrics metrics(option.font);
    const int textLeft = int(badge.right()) + kPadding;
    const int textRight = rect.right() - kPadding;
    int y = rect.top() + kPadding;

    const QDateTime activity = index.data(Roles::LastActivity).toDateTime();
    const QString when = TimeText::relative(activity, now());
    const int whenWidth = metrics.horizontalAdvance(when);
    const QColor text = palette.color(QPalette::Text);
    const QColor muted = Theme::mutedText(palette);

    painter->setFont(nameFont);
    painter->setPen(text);
    const QString name = index.data(Qt::DisplayRole).toString();
    painter->drawText(QRect(textLeft, y, textRight - textLeft - whenWidth - 8, nameMetrics.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      nameMetrics.elidedText(name, Qt::ElideRight, textRight - textLeft - whenWidth - 8));
    painter->setFont(option.font);
    painter->setPen(muted);
    painter->drawText(QRect(textRight - whenWidth, y, whenWidth, nameMetrics.height()),
                      Qt::AlignRight | Qt::AlignVCenter, when);

    y += nameMetrics.height() + 2;
    const QString subject = index.data(Roles::Subject).toString();
    QString line = index.data(Roles::Preview).toString().simplified();
    if (!subject.isEmpty())
        line = subject + QStringLiteral(" — ") + line;
    painter->setPen(unread > 0 ? text : muted);
    painter->drawText(QRect(textLeft, y, textRight - textLeft, metrics.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(line, Qt::ElideRight, textRight - textLeft));

    y += metrics.height() + 4;
    QFont small = option.font;
    small.setPointSizeF(option.font.pointSizeF() * 0.85);
    const QFontMetrics smallMetrics(small);
    painter->setFont(small);
    const QString statusKey = index.data(Roles::StatusKey).toString();
    const QString status = Domain::statusDisplayName(Domain::statusFromKey(statusKey));
    const int pillWidth = smallMetrics.horizontalAdvance(status) + 12;
    const QRectF pill(textLeft, y, pillWidth, smallMetrics.height() + 2);
    painter->setRenderHint(QPainter::Antialiasing);
    QColor statusColor = Theme::statusColor(statusKey);
    painter->setPen(Qt::NoPen);
    QColor pillFill = statusColor;
    pillFill.setAlpha(40);
    painter->setBrush(pillFill);
    painter->drawRoundedRect(pill, pill.height() / 2, pill.height() / 2);
    painter->setPen(Theme::isDark(palette) ? statusColor.lighter(150) : statusColor.darker(120));
    painter->drawText(pill, Qt::AlignCenter, status);

    // Right end of the status line: the SLA badge (only when it needs attention) and how long
    // the customer has been waiting; the assignee gets what is left.
    int right = textRight;
    const QString waiting = index.data(Roles::WaitingText).toString();
    const int slaState = index.data(Roles::SlaState).toInt();
    if (!waiting.isEmpty()) {
        const QString clock = QStringLiteral("◷ ") + waiting;
        const int width = smallMetrics.horizontalAdvance(clock);
        // On a selected row the highlight colour would swallow the red: plain text there.
        painter->setPen(selected ? palette.color(QPalette::Text)
                                 : slaState == 3 ? Theme::priorityColor(4) : muted);
        painter->drawText(QRect(right - width, y, width, smallMetrics.height() + 2),
                          Qt::AlignRight | Qt::AlignVCenter, clock);
        right -= width + 6;
    }
    if (slaState == 2 || slaState == 3) {
        const QString slaText = slaState == 3 ? tr("SLA breached") : tr("SLA due soon");
        const QColor slaColor = slaState == 3 ? QColor(0xd0, 0x3b, 0x3b) : QColor(0xc7, 0x7c, 0x02);
        const int width = smallMetrics.horizontalAdvance(slaText) + 12;
        const QRectF slaPill(right - width, y, width, smallMetrics.height() + 2);
        painter->setPen(Qt::NoPen);
        painter->setBrush(slaColor);
        painter->drawRoundedRect(slaPill, slaPill.height() / 2, slaPill.height() / 2);
        painter->setPen(Qt::white);
        painter->drawText(slaPill, Qt::AlignCenter, slaText);
        right -= width + 8;
    }

    int x = int(pill.right()) + 8;
    const int priority = index.data(Roles::PriorityLevel).toInt();
    if (priority > 0) {
        const QString label = Domain::priorityDisplayName(Domain::Priority(priority));
        painter->setPen(Theme::priorityColor(priority));
        const QString text = QStringLiteral("▲ ") + label;
        painter->drawText(QRect(x, y, textRight - x, smallMetrics.height() + 2), Qt::AlignLeft | Qt::AlignVCenter, text);
        x += smallMetrics.horizontalAdvance(text) + 10;
    }
    const QString assignee = index.data(Roles::AssigneeName).toString();
    painter->setPen(muted);
    const QString owner = assignee.isEmpty() ? tr("Unassigned") : assignee;
    if (x < right)
        painter->drawText(QRect(x, y, right - x, smallMetrics.height() + 2), Qt::AlignLeft | Qt::AlignVCenter,
                          smallMetrics.elidedText(owner, Qt::ElideRight, right - x));
    painter->restore();
}

} // namespace Counterpart::Ui
