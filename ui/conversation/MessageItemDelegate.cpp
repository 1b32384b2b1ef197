#include "MessageItemDelegate.h"

#include "common/Theme.h"
#include "common/TimeText.h"
#include "models/ItemRoles.h"

#include <QLocale>
#include <QPainter>

namespace Counterpart::Ui {

namespace Roles = Models::Roles;

namespace {
constexpr int kMargin = 12;
constexpr int kPad = 10;
constexpr int kTextFlags = Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop;

QFont smallFont(const QFont &font)
{
    QFont small = font;
    small.setPointSizeF(font.pointSizeF() * 0.85);
    return small;
}
} // namespace

QString MessageItemDelegate::headerText(const QModelIndex &index)
{
    const QString kind = index.data(Roles::MessageKindKey).toString();
    QString header = index.data(Roles::SenderName).toString();
    if (header.isEmpty())
        header = kind == QLatin1String("incoming") ? tr("Customer") : tr("Agent");
    if (kind == QLatin1String("note"))
        header = tr("Private note · %1").arg(header);
    return header;
}

QString MessageItemDelegate::trailerText(const QModelIndex &index)
{
    const QDateTime time = index.data(Roles::MessageTime).toDateTime();
    QString trailer = TimeText::dateTime(time);
    const QString delivery = index.data(Roles::DeliveryKey).toString();
    if (index.data(Roles::MessageKindKey).toString() == QLatin1String("outgoing") && delivery != QLatin1String("sent"))
        trailer += QStringLiteral(" · ") + delivery;
    return trailer;
}

QString MessageItemDelegate::attachmentLine(const QVariantMap &attachment)
{
    QString line = QStringLiteral("📎 ") + attachment.value(QStringLiteral("name")).toString();
    const int duration = attachment.value(QStringLiteral("duration")).toInt();
    if (duration > 0)
        line += QStringLiteral(" · %1:%2").arg(duration / 60).arg(duration % 60, 2, 10, QLatin1Char('0'));
    const qint64 size = attachment.value(QStringLiteral("size")).toLongLong();
    if (size > 0)
        line += QStringLiteral(" · ") + TimeText::fileSize(size);
    return line;
}

MessageItemDelegate::Layout MessageItemDelegate::layoutFor(const QStyleOptionViewItem &option,
                                                           const QModelIndex &index, int width) const
{
    Layout layout;
    const QString kind = index.data(Roles::MessageKindKey).toString();
    const QFontMetrics metrics(option.font);
    const QFontMetrics small(smallFont(option.font));
    const QString text = index.data(Roles::MessageText).toString();

    if (kind == QLatin1String("activity")) {
        const QRect body = small.boundingRect(QRect(0, 0, width - 2 * kMargin, 10000),
                                              kTextFlags | Qt::AlignHCenter, text);
        layout.body = QRect(kMargin, 6, width - 2 * kMargin, body.height());
        layout.height = body.height() + 12;
        return layout;
    }

    const bool note = kind == QLatin1String("note");
    const int maxBubble = note ? width - 2 * kMargin : std::min(width - 2 * kMargin, std::max(240, width * 3 / 4));
    const int innerWidth = maxBubble - 2 * kPad;
    const QRect textRect = metrics.boundingRect(QRect(0, 0, innerWidth, 100000), kTextFlags, text);
    const QVariantList attachments = index.data(Roles::Attachments).toList();
    int attachmentsHeight = 0;
    int attachmentsWidth = 0;
    for (const auto &attachment : attachments) {
        attachmentsHeight += small.height() + 2;
        attachmentsWidth = std::max(attachmentsWidth, small.horizontalAdvance(attachmentLine(attachment.toMap())));
    }
    const int headerHeight = small.height() + 4;
    QFont boldSmall = smallFont(option.font);
    boldSmall.setBold(true);
    const int headerWidth = QFontMetrics(boldSmall).horizontalAdvance(headerText(index)) + 8
        + small.horizontalAdvance(trailerText(index));
    const int bubbleWidth = note ? maxBubble
                                 : std::min(maxBubble, std::max({textRect.width(), attachmentsWidth, headerWidth, 160}) + 2 * kPad);
    const int bubbleHeight = kPad + headerHeight + textRect.height() + (attachmentsHeight ? attachmentsHeight + 6 : 0) + kPad;
    const bool outgoing = kind == QLatin1String("outgoing");
    const int left = outgoing ? width - kMargin - bubbleWidth : kMargin;
    layout.bubble = QRect(left, 6, bubbleWidth, bubbleHeight);
    layout.header = QRect(left + kPad, 6 + kPad, bubbleWidth - 2 * kPad, small.height());
    layout.body = QRect(left + kPad, layout.header.bottom() + 5, bubbleWidth - 2 * kPad, textRect.height());
    layout.attachments = QRect(left + kPad, layout.body.bottom() + 6, bubbleWidth - 2 * kPad, attachmentsHeight);
    layout.height = bubbleHeight + 12;
    return layout;
}

QSize MessageItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    return QSize(m_width, layoutFor(option, index, m_width).height);
}

void MessageItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    painter->save();
    const QPalette &palette = option.palette;
    const Layout layout = layoutFor(option, index, option.rect.width());
    painter->translate(option.rect.topLeft());
    const QString kind = index.data(Roles::MessageKindKey).toString();
    const QString text = index.data(Roles::MessageText).toString();
    const QFont small = smallFont(option.font);

    if (kind == QLatin1String("activity")) {
        painter->setFont(small);
        painter->setPen(Theme::mutedText(palette));
        painter->drawText(layout.body, kTextFlags | Qt::AlignHCenter, text);
        painter->restore();
        return;
    }

    const QColor fill = kind == QLatin1String("outgoing") ? Theme::outgoingBubble(palette)
                        : kind == QLatin1String("note")   ? Theme::noteBubble(palette)
                                                          : Theme::incomingBubble(palette);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen((option.state & QStyle::State_Selected) ? QPen(palette.color(QPalette::Highlight), 2) : QPen(Qt::NoPen));
    painter->setBrush(fill);
    painter->drawRoundedRect(layout.bubble, 10, 10);

    const QString header = headerText(index);
    const QString trailer = trailerText(index);
    painter->setFont(small);
    const QFontMetrics smallMetrics(small);
    const int trailerWidth = smallMetrics.horizontalAdvance(trailer);
    painter->setPen(Theme::mutedText(palette));
    painter->drawText(layout.header, Qt::AlignRight | Qt::AlignVCenter, trailer);
    QFont bold = small;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(palette.color(QPalette::Text));
    painter->drawText(layout.header.adjusted(0, 0, -trailerWidth - 8, 0), Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(bold).elidedText(header, Qt::ElideRight, layout.header.width() - trailerWidth - 8));

    painter->setFont(option.font);
    painter->setPen(palette.color(QPalette::Text));
    painter->drawText(layout.body, kTextFlags, text);

    const QVariantList attachments = index.data(Roles::Attachments).toList();
    painter->setFont(small);
    painter->setPen(Theme::mutedText(palette));
    int y = layout.attachments.top();
    for (const auto &attachment : attachments) {
        painter->drawText(QRect(layout.attachments.left(), y, layout.attachments.width(), smallMetrics.height()),
                          Qt::AlignLeft | Qt::AlignVCenter,
                          smallMetrics.elidedText(attachmentLine(attachment.toMap()), Qt::ElideMiddle,
                                                  layout.attachments.width()));
        y += smallMetrics.height() + 2;
    }
    painter->restore();
}

} // namespace Counterpart::Ui
