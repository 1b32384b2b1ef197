#include "MessageItemDelegate.h"

#include "common/Theme.h"
#include "common/TimeText.h"
#include "models/ItemRoles.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

namespace Counterpart::Ui {

namespace Roles = Models::Roles;

namespace {
constexpr int kMargin = 12;
constexpr int kPad = 10;
constexpr int kGap = 5;
constexpr int kGlyph = 28;
constexpr int kTextFlags = Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop;

QFont smallFont(const QFont &font)
{
    QFont small = font;
    small.setPointSizeF(font.pointSizeF() * 0.85);
    return small;
}

QFont boldFont(const QFont &font)
{
    QFont bold = font;
    bold.setBold(true);
    return bold;
}

// The palette's link blue is made for light backgrounds; on a dark bubble it all but disappears.
QColor linkColor(const QPalette &palette)
{
    return Theme::isDark(palette) ? QColor(0x8a, 0xb4, 0xf8) : palette.color(QPalette::Link);
}

// Quoted history is reference material: paragraphs one line apart keep it compact when unfolded.
QString compactQuote(const QString &quoted)
{
    QString compact = quoted;
    while (compact.contains(QLatin1String("\n\n")))
        compact.replace(QLatin1String("\n\n"), QLatin1String("\n"));
    return compact;
}

QRect textBounds(const QFont &font, int width, const QString &text)
{
    if (text.isEmpty())
        return {};
    return QFontMetrics(font).boundingRect(QRect(0, 0, width, 100000), kTextFlags, text);
}
} // namespace

bool MessageItemDelegate::isEmail(const QModelIndex &index)
{
    return !index.data(Roles::MessageHtml).toString().isEmpty();
}

bool MessageItemDelegate::isVoicemail(const QModelIndex &index)
{
    const QVariantList attachments = index.data(Roles::Attachments).toList();
    for (const auto &attachment : attachments) {
        const QVariantMap map = attachment.toMap();
        if (map.value(QStringLiteral("type")).toString().startsWith(QLatin1String("audio/"))
            && map.value(QStringLiteral("duration")).toInt() > 0)
            return true;
    }
    return false;
}

QString MessageItemDelegate::durationText(int seconds)
{
    return QStringLiteral("%1:%2").arg(seconds / 60, 2, 10, QLatin1Char('0')).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

Compose::EmailParts MessageItemDelegate::emailParts(const QModelIndex &index) const
{
    const qint64 id = index.data(Roles::MessageId).toLongLong();
    const auto cached = m_parts.constFind(id);
    if (cached != m_parts.constEnd())
        return *cached;
    // Split once per message: sizeHint and paint ask many times while the agent scrolls.
    const QString html = index.data(Roles::MessageHtml).toString();
    Compose::EmailParts parts = html.isEmpty() ? Compose::EmailText::split(index.data(Roles::MessageText).toString())
                                               : Compose::EmailText::splitHtml(html);
    if (parts.text.isEmpty() && !html.isEmpty())
        parts.text = index.data(Roles::MessageText).toString();
    if (m_parts.size() > 4000)
        m_parts.clear();
    m_parts.insert(id, parts);
    return parts;
}

bool MessageItemDelegate::toggleQuote(const QModelIndex &index)
{
    if (!isEmail(index) || !emailParts(index).hasQuote())
        return false;
    const qint64 id = index.data(Roles::MessageId).toLongLong();
    if (!m_expanded.remove(id))
        m_expanded.insert(id);
    emit sizeHintChanged(index);
    return true;
}

void MessageItemDelegate::clearState()
{
    m_expanded.clear();
    m_parts.clear();
}

QString MessageItemDelegate::bodyText(const QModelIndex &index) const
{
    return isEmail(index) ? emailParts(index).text : index.data(Roles::MessageText).toString();
}

QString MessageItemDelegate::toggleText(const QModelIndex &index) const
{
    const Compose::EmailParts parts = emailParts(index);
    if (!parts.hasQuote())
        return {};
    if (isQuoteExpanded(index.data(Roles::MessageId).toLongLong()))
        return tr("▾ Hide quoted text");
    const int lines = std::max(1, parts.quotedLines);
    return lines == 1 ? tr("▸ Show quoted text (1 line)") : tr("▸ Show quoted text (%1 lines)").arg(lines);
}

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
    // No emoji paperclip: most desktop fonts (and offscreen) have no glyph for it and show a box.
    QString line = tr("Attachment: %1").arg(attachment.value(QStringLiteral("name")).toString());
    const int duration = attachment.value(QStringLiteral("duration")).toInt();
    if (duration > 0)
        line += QStringLiteral(" · ") + durationText(duration);
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
    const QFont small = smallFont(option.font);
    const QFontMetrics smallMetrics(small);

    if (kind == QLatin1String("activity")) {
        const QString text = index.data(Roles::MessageText).toString();
        const QRect body = smallMetrics.boundingRect(QRect(0, 0, width - 2 * kMargin, 10000),
                                                     kTextFlags | Qt::AlignHCenter, text);
        layout.body = QRect(kMargin, 6, width - 2 * kMargin, body.height());
        layout.height = body.height() + 12;
        return layout;
    }

    const bool note = kind == QLatin1String("note");
    const bool email = isEmail(index);
    const bool voicemail = !email && isVoicemail(index);
    // Email is a document, not a chat line: it gets the full width like a note.
    const bool fullWidth = note || email;
    const int maxBubble = fullWidth ? width - 2 * kMargin : std::min(width - 2 * kMargin, std::max(240, width * 3 / 4));
    const int innerWidth = maxBubble - 2 * kPad;

    const QString subject = email ? index.data(Roles::MessageSubject).toString() : QString();
    const QRect subjectRect = textBounds(boldFont(option.font), innerWidth, subject);
    const int voicemailHeight = voicemail ? kGlyph + kGap : 0;
    const QRect textRect = textBounds(option.font, innerWidth, bodyText(index));

    Compose::EmailParts parts;
    bool expanded = false;
    if (email) {
        parts = emailParts(index);
        expanded = isQuoteExpanded(index.data(Roles::MessageId).toLongLong());
    }
    const QRect quoteHeaderRect = expanded ? textBounds(small, innerWidth - kPad, parts.quoteHeader) : QRect();
    const QRect quotedRect = expanded ? textBounds(small, innerWidth - kPad, compactQuote(parts.quoted)) : QRect();

    const QVariantList attachments = index.data(Roles::Attachments).toList();
    int attachmentsHeight = 0;
    int attachmentsWidth = 0;
    for (const auto &attachment : attachments) {
        attachmentsHeight += smallMetrics.height() + 2;
        attachmentsWidth = std::max(attachmentsWidth, smallMetrics.horizontalAdvance(attachmentLine(attachment.toMap())));
    }
    const int headerHeight = smallMetrics.height();
    const int headerWidth = QFontMetrics(boldFont(small)).horizontalAdvance(headerText(index)) + 8
        + smallMetrics.horizontalAdvance(trailerText(index));
    const int bubbleWidth = fullWidth ? maxBubble
                                      : std::min(maxBubble, std::max({textRect.width(), attachmentsWidth, headerWidth,
                                                                      voicemail ? 220 : 160}) + 2 * kPad);
    const bool outgoing = kind == QLatin1String("outgoing");
    const int left = outgoing ? width - kMargin - bubbleWidth : kMargin;
    const int inner = bubbleWidth - 2 * kPad;
    const int x = left + kPad;
    int y = 6 + kPad;
    layout.header = QRect(x, y, inner, headerHeight);
    y += headerHeight + kGap;
    if (!subject.isEmpty()) {
        layout.subject = QRect(x, y, inner, subjectRect.height());
        y += subjectRect.height() + kGap;
    }
    if (voicemail) {
        layout.voicemail = QRect(x, y, inner, kGlyph);
        y += voicemailHeight;
    }
    layout.body = QRect(x, y, inner, textRect.height());
    y += textRect.height();
    if (email) {
        y += kGap;
        const QString toggle = toggleText(index);
        if (!toggle.isEmpty())
            layout.toggle = QRect(x, y, smallMetrics.horizontalAdvance(toggle) + 4, smallMetrics.height());
        const QString original = tr("View original");
        const int originalWidth = smallMetrics.horizontalAdvance(original) + 4;
        layout.original = QRect(x + inner - originalWidth, y, originalWidth, smallMetrics.height());
        y += smallMetrics.height();
        if (expanded) {
            y += kGap;
            const int quoteX = x + kPad;
            if (!parts.quoteHeader.isEmpty()) {
                layout.quoteHeader = QRect(quoteX, y, inner - kPad, quoteHeaderRect.height());
                y += quoteHeaderRect.height() + 2;
            }
            layout.quoted = QRect(quoteX, y, inner - kPad, quotedRect.height());
            y += quotedRect.height();
        }
    }
    if (attachmentsHeight) {
        y += 6;
        layout.attachments = QRect(x, y, inner, attachmentsHeight);
        y += attachmentsHeight;
    }
    const int bubbleHeight = y + kPad - 6;
    layout.bubble = QRect(left, 6, bubbleWidth, bubbleHeight);
    layout.height = bubbleHeight + 12;
    return layout;
}

QSize MessageItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    return QSize(m_width, layoutFor(option, index, m_width).height);
}

bool MessageItemDelegate::editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                                      const QModelIndex &index)
{
    if (event->type() == QEvent::MouseButtonRelease && isEmail(index)) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::LeftButton) {
            const Layout layout = layoutFor(option, index, option.rect.width());
            const QPoint at = mouse->position().toPoint() - option.rect.topLeft();
            if (layout.toggle.isValid() && layout.toggle.adjusted(-4, -4, 4, 4).contains(at))
                return toggleQuote(index);
            if (layout.original.adjusted(-4, -4, 4, 4).contains(at)) {
                emit originalRequested(index);
                return true;
            }
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

void MessageItemDelegate::paintEmailParts(QPainter *painter, const QStyleOptionViewItem &option,
                                          const QModelIndex &index, const Layout &layout) const
{
    const QPalette &palette = option.palette;
    const QFont small = smallFont(option.font);
    painter->setFont(small);
    painter->setPen(linkColor(palette));
    if (layout.toggle.isValid())
        painter->drawText(layout.toggle, Qt::AlignLeft | Qt::AlignVCenter, toggleText(index));
    painter->drawText(layout.original, Qt::AlignRight | Qt::AlignVCenter, tr("View original"));
    if (!layout.quoted.isValid() && !layout.quoteHeader.isValid())
        return;
    const Compose::EmailParts parts = emailParts(index);
    const int top = layout.quoteHeader.isValid() ? layout.quoteHeader.top() : layout.quoted.top();
    const int bottom = layout.quoted.isValid() ? layout.quoted.bottom() : layout.quoteHeader.bottom();
    painter->fillRect(QRect(layout.body.left(), top, 3, bottom - top + 1), Theme::divider(palette));
    painter->setPen(Theme::mutedText(palette));
    if (layout.quoteHeader.isValid())
        painter->drawText(layout.quoteHeader, kTextFlags, parts.quoteHeader);
    if (layout.quoted.isValid())
        painter->drawText(layout.quoted, kTextFlags, compactQuote(parts.quoted));
}

void MessageItemDelegate::paintVoicemail(QPainter *painter, const QStyleOptionViewItem &option,
                                         const QModelIndex &index, const Layout &layout) const
{
    const QPalette &palette = option.palette;
    const QRectF circle(layout.voicemail.left(), layout.voicemail.top(), kGlyph, kGlyph);
    painter->setPen(Qt::NoPen);
    painter->setBrush(palette.color(QPalette::Highlight));
    painter->drawEllipse(circle);
    QPainterPath triangle;
    const QPointF c = circle.center();
    triangle.moveTo(c.x() - 4, c.y() - 7);
    triangle.lineTo(c.x() + 7, c.y());
    triangle.lineTo(c.x() - 4, c.y() + 7);
    triangle.closeSubpath();
    painter->setBrush(palette.color(QPalette::HighlightedText));
    painter->drawPath(triangle);

    int seconds = 0;
    const QVariantList attachments = index.data(Roles::Attachments).toList();
    for (const auto &attachment : attachments)
        seconds = std::max(seconds, attachment.toMap().value(QStringLiteral("duration")).toInt());
    const QRect label = layout.voicemail.adjusted(kGlyph + 8, 0, 0, 0);
    painter->setFont(boldFont(option.font));
    painter->setPen(palette.color(QPalette::Text));
    const QString title = tr("Voicemail · %1").arg(durationText(seconds));
    painter->drawText(label, Qt::AlignLeft | Qt::AlignVCenter, title);
    const int titleWidth = QFontMetrics(boldFont(option.font)).horizontalAdvance(title);
    painter->setFont(smallFont(option.font));
    painter->setPen(Theme::mutedText(palette));
    painter->drawText(label.adjusted(titleWidth + 8, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, tr("Transcript:"));
}

void MessageItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    painter->save();
    const QPalette &palette = option.palette;
    const Layout layout = layoutFor(option, index, option.rect.width());
    painter->translate(option.rect.topLeft());
    const QString kind = index.data(Roles::MessageKindKey).toString();
    const QFont small = smallFont(option.font);

    if (kind == QLatin1String("activity")) {
        painter->setFont(small);
        painter->setPen(Theme::mutedText(palette));
        painter->drawText(layout.body, kTextFlags | Qt::AlignHCenter, index.data(Roles::MessageText).toString());
        painter->restore();
        return;
    }

    const QColor fill = kind == QLatin1String("outgoing") ? Theme::outgoingBubble(palette)
                        : kind == QLatin1String("note")   ? Theme::noteBubble(palette)
                                                          : Theme::incomingBubble(palette);
    painter->setRenderHint(QPainter::Antialiasing);
    const bool selected = option.state & QStyle::State_Selected;
    painter->setPen(selected ? QPen(palette.color(QPalette::Highlight), 2) : QPen(Qt::NoPen));
    painter->setBrush(fill);
    painter->drawRoundedRect(layout.bubble, 10, 10);
    if (kind == QLatin1String("note")) {
        // A stripe on the edge: private even when the fill is hard to tell apart on a dim screen.
        painter->fillRect(QRect(layout.bubble.left(), layout.bubble.top() + 6, 3, layout.bubble.height() - 12),
                          QColor(0xd9, 0xa4, 0x00));
    }

    const QString header = headerText(index);
    const QString trailer = trailerText(index);
    painter->setFont(small);
    const QFontMetrics smallMetrics(small);
    const int trailerWidth = smallMetrics.horizontalAdvance(trailer);
    painter->setPen(Theme::mutedText(palette));
    painter->drawText(layout.header, Qt::AlignRight | Qt::AlignVCenter, trailer);
    const QFont boldSmall = boldFont(small);
    painter->setFont(boldSmall);
    painter->setPen(palette.color(QPalette::Text));
    painter->drawText(layout.header.adjusted(0, 0, -trailerWidth - 8, 0), Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(boldSmall).elidedText(header, Qt::ElideRight, layout.header.width() - trailerWidth - 8));

    if (layout.subject.isValid()) {
        painter->setFont(boldFont(option.font));
        painter->drawText(layout.subject, kTextFlags, index.data(Roles::MessageSubject).toString());
    }
    if (layout.voicemail.isValid())
        paintVoicemail(painter, option, index, layout);

    painter->setFont(option.font);
    painter->setPen(palette.color(QPalette::Text));
    painter->drawText(layout.body, kTextFlags, bodyText(index));

    if (isEmail(index))
        paintEmailParts(painter, option, index, layout);

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
