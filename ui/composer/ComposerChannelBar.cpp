#include "ComposerChannelBar.h"

#include "common/Theme.h"
#include "compose/SmsSegments.h"

#include <QHBoxLayout>
#include <QLabel>

namespace Counterpart::Ui {

using Domain::ChannelKind;

ComposerChannelBar::ComposerChannelBar(QWidget *parent)
    : QWidget(parent)
    , m_info(new QLabel(this))
    , m_warning(new QLabel(this))
{
    setObjectName(QStringLiteral("composerChannelBar"));
    m_info->setObjectName(QStringLiteral("composerChannelInfo"));
    m_info->setAccessibleName(tr("Message length"));
    m_warning->setObjectName(QStringLiteral("composerChannelWarning"));
    m_warning->setAccessibleName(tr("Channel warning"));
    m_warning->setWordWrap(true);
    m_warning->setAutoFillBackground(true);
    m_warning->setContentsMargins(8, 4, 8, 4);
    QPalette warningPalette = m_warning->palette();
    warningPalette.setColor(QPalette::Window, Theme::isDark(warningPalette) ? QColor(0x5a, 0x3a, 0x10)
                                                                           : QColor(0xff, 0xf0, 0xc8));
    m_warning->setPalette(warningPalette);
    QPalette muted = m_info->palette();
    muted.setColor(QPalette::WindowText, Theme::mutedText(muted));
    m_info->setPalette(muted);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_warning);
    layout->addWidget(m_info);
    m_warning->hide();
}

int ComposerChannelBar::lengthLimit(ChannelKind channel)
{
    // Limits the platforms document for one text message.
    switch (channel) {
    case ChannelKind::WhatsApp:
    case ChannelKind::Telegram:
        return 4096;
    case ChannelKind::Facebook:
        return 2000;
    case ChannelKind::Instagram:
        return 1000;
    case ChannelKind::WebChat:
    case ChannelKind::Api:
        return 10000;
    case ChannelKind::Email:
    case ChannelKind::Sms:
    case ChannelKind::Phone:
        return 0;
    }
    return 0;
}

bool ComposerChannelBar::whatsAppWindowOpen(const QDateTime &lastCustomerMessageAt, const QDateTime &now)
{
    return lastCustomerMessageAt.isValid() && lastCustomerMessageAt.secsTo(now) < 24 * 3600;
}

void ComposerChannelBar::setChannel(ChannelKind channel, const QDateTime &lastCustomerMessageAt)
{
    m_channel = channel;
    m_lastCustomerMessageAt = lastCustomerMessageAt;
}

void ComposerChannelBar::setNote(bool note) { m_note = note; }

QString ComposerChannelBar::infoText() const { return m_info->text(); }
QString ComposerChannelBar::warningText() const { return m_warning->isHidden() ? QString() : m_warning->text(); }

void ComposerChannelBar::setWarning(const QString &text)
{
    m_warning->setText(text);
    m_warning->setVisible(!text.isEmpty());
}

void ComposerChannelBar::updateText(const QString &text)
{
    // A private note never reaches the customer, so no channel rule applies to it.
    if (m_note) {
        m_info->setText(tr("Private note: only agents see it. Type @ to mention a colleague."));
        setWarning(QString());
        return;
    }
    QString warning;
    if (m_channel == ChannelKind::WhatsApp) {
        if (!whatsAppWindowOpen(m_lastCustomerMessageAt, now())) {
            warning = tr("⚠ Outside WhatsApp's 24-hour window: the customer last wrote %1. Only an "
                         "approved template message can be sent now.")
                          .arg(m_lastCustomerMessageAt.isValid()
                                   ? QLocale().toString(m_lastCustomerMessageAt.toLocalTime(), QStringLiteral("d MMM yyyy, HH:mm"))
                                   : tr("never"));
        }
    }

    if (m_channel == ChannelKind::Sms) {
        const Compose::SmsCount sms = Compose::SmsSegments::count(text);
        const QString encoding = sms.encoding == Compose::SmsEncoding::Gsm7 ? QStringLiteral("GSM-7")
                                                                            : QStringLiteral("UCS-2");
        const int perSegment = sms.encoding == Compose::SmsEncoding::Gsm7 ? 160 : 70;
        // Spelled out instead of %n: the English plural needs no translation file this way.
        const QString segments = sms.segments == 1 ? tr("1 SMS segment")
                                                   : tr("%1 SMS segments").arg(sms.segments);
        m_info->setText(tr("%1 · %2 (%3 characters per segment) · %4 left in this segment")
                            .arg(segments, encoding, QString::number(perSegment), QString::number(sms.remaining)));
    } else if (const int limit = lengthLimit(m_channel); limit > 0) {
        const int length = int(text.size());
        m_info->setText(tr("%1 / %2 characters").arg(length).arg(limit));
        if (length > limit)
            warning = tr("%1 accepts at most %2 characters in one message; shorten it by %3.")
                          .arg(Domain::channelDisplayName(m_channel))
                          .arg(limit)
                          .arg(length - limit);
    } else {
        m_info->setText(tr("%1 characters").arg(text.size()));
    }
    if (m_channel == ChannelKind::WhatsApp && !whatsAppWindowOpen(m_lastCustomerMessageAt, now())) {
        // The window warning outranks a length warning: nothing free-form can be sent anyway.
    }
    setWarning(warning);
}

} // namespace Counterpart::Ui
