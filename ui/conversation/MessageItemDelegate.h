#pragma once

#include "compose/EmailText.h"

#include <QHash>
#include <QSet>
#include <QStyledItemDelegate>

namespace Counterpart::Ui {

/**
 * Paints one message the way its channel reads: customer bubbles on the left, agent bubbles on the
 * right; an email as a card with its subject, sender, the new text and its quoted history folded
 * behind "Show quoted text (N lines)"; a voicemail with a play glyph, its duration and the
 * transcript; private notes as full-width yellow cards; activity events as a centred grey line.
 */
class MessageItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    /** The viewport width, which sizeHint() needs to wrap text (QListView does not pass it). */
    void setWidth(int width) { m_width = width; }

    bool isQuoteExpanded(qint64 messageId) const { return m_expanded.contains(messageId); }
    /** Shows or hides an email's quoted history; returns false for a message without one. */
    bool toggleQuote(const QModelIndex &index);
    /** Forgets folded/unfolded state and cached email parts (another conversation). */
    void clearState();
    /** The email's new text and its quoted history, as the delegate shows them. */
    Compose::EmailParts emailParts(const QModelIndex &index) const;

    static bool isEmail(const QModelIndex &index);
    static bool isVoicemail(const QModelIndex &index);
    static QString durationText(int seconds);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

signals:
    void originalRequested(const QModelIndex &index);

protected:
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;

private:
    struct Layout
    {
        QRect bubble;
        QRect header;
        QRect subject;
        QRect voicemail;
        QRect body;
        QRect toggle;
        QRect original;
        QRect quoteHeader;
        QRect quoted;
        QRect attachments;
        int height = 0;
    };
    Layout layoutFor(const QStyleOptionViewItem &option, const QModelIndex &index, int width) const;
    void paintEmailParts(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index,
                         const Layout &layout) const;
    void paintVoicemail(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index,
                        const Layout &layout) const;
    QString bodyText(const QModelIndex &index) const;
    QString toggleText(const QModelIndex &index) const;
    static QString attachmentLine(const QVariantMap &attachment);
    static QString headerText(const QModelIndex &index);
    static QString trailerText(const QModelIndex &index);

    int m_width = 600;
    QSet<qint64> m_expanded;
    mutable QHash<qint64, Compose::EmailParts> m_parts;
};

} // namespace Counterpart::Ui
