#pragma once

#include "domain/Channel.h"

#include <QDateTime>
#include <QWidget>

class QLabel;

namespace Counterpart::Ui {

/**
 * The line under the editor that keeps the channel's rules in sight while typing: SMS segments
 * and encoding, the WhatsApp 24-hour customer-service window, and length limits of chat channels.
 */
class ComposerChannelBar : public QWidget
{
    Q_OBJECT
public:
    explicit ComposerChannelBar(QWidget *parent = nullptr);

    void setChannel(Domain::ChannelKind channel, const QDateTime &lastCustomerMessageAt);
    void setNote(bool note);
    void setNow(const QDateTime &now) { m_now = now; }
    /** Re-evaluates the rules for the current text. */
    void updateText(const QString &text);

    /** Characters a channel accepts in one message; 0 = no practical limit (e-mail). */
    static int lengthLimit(Domain::ChannelKind channel);
    static bool whatsAppWindowOpen(const QDateTime &lastCustomerMessageAt, const QDateTime &now);

    QString infoText() const;
    QString warningText() const;

private:
    QDateTime now() const { return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc(); }
    void setWarning(const QString &text);

    QLabel *m_info;
    QLabel *m_warning;
    Domain::ChannelKind m_channel = Domain::ChannelKind::Email;
    QDateTime m_lastCustomerMessageAt;
    QDateTime m_now;
    bool m_note = false;
};

} // namespace Counterpart::Ui
