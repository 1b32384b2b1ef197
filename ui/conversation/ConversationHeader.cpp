#include "ConversationHeader.h"

#include "common/ChannelBadge.h"
#include "common/Theme.h"
#include "domain/Entities.h"
#include "storage/CacheStore.h"

#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

namespace Counterpart::Ui {

using namespace Domain;

namespace {
constexpr int kBadgeSize = 34;
}

ConversationHeader::ConversationHeader(Storage::CacheStore *cache, QWidget *parent)
    : QWidget(parent)
    , m_cache(cache)
    , m_title(new QLabel(this))
    , m_details(new QLabel(this))
{
    setObjectName(QStringLiteral("conversationHeader"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(kBadgeSize + 24, 10, 12, 10);
    layout->setSpacing(2);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_title->setObjectName(QStringLiteral("conversationTitle"));
    m_details->setObjectName(QStringLiteral("conversationDetails"));
    m_title->setTextFormat(Qt::PlainText);
    m_details->setTextFormat(Qt::PlainText);
    m_details->setWordWrap(true);
    m_title->setWordWrap(true);
    QPalette muted = m_details->palette();
    muted.setColor(QPalette::WindowText, Theme::mutedText(palette()));
    m_details->setPalette(muted);
    layout->addWidget(m_title);
    layout->addWidget(m_details);
    showConversation(0);
}

void ConversationHeader::showConversation(qint64 conversationId)
{
    const auto conversation = m_cache->conversation(conversationId);
    if (!conversation) {
        m_channelKey.clear();
        m_title->setText(tr("No conversation selected"));
        m_details->setText(tr("Pick one from the list, or press J and K to move through it."));
        update();
        return;
    }
    const auto contact = m_cache->contact(conversation->contactId);
    QString inboxName;
    for (const auto &inbox : m_cache->inboxes()) {
        if (inbox.id == conversation->inboxId) {
            inboxName = inbox.name;
            m_channelKey = channelKey(inbox.channel);
        }
    }
    const QString customer = contact ? contact->name : tr("Unknown customer");
    // Only e-mail has a subject worth a headline; chats are about the person.
    const bool bySubject = m_channelKey == QLatin1String("email") && !conversation->subject.isEmpty();
    m_title->setText(bySubject ? conversation->subject : customer);
    QStringList details;
    if (bySubject)
        details.append(customer);
    details.append(inboxName);
    details.append(QStringLiteral("#") + QString::number(conversation->remoteId));
    details.append(statusDisplayName(conversation->status));
    if (conversation->priority != Priority::None)
        details.append(tr("%1 priority").arg(priorityDisplayName(conversation->priority)));
    if (!conversation->labels.isEmpty())
        details.append(conversation->labels.join(QStringLiteral(", ")));
    m_details->setText(details.join(QStringLiteral(" · ")));
    setAccessibleName(m_title->text());
    update();
}

void ConversationHeader::paintEvent(QPaintEvent *event)
{
    QWidget::paintEvent(event);
    QPainter painter(this);
    painter.setPen(Theme::divider(palette()));
    painter.drawLine(rect().bottomLeft(), rect().bottomRight());
    if (!m_channelKey.isEmpty())
        ChannelBadge::paint(&painter, QRectF(12, (height() - kBadgeSize) / 2.0, kBadgeSize, kBadgeSize), m_channelKey);
}

} // namespace Counterpart::Ui
