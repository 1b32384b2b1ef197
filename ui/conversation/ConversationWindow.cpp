#include "ConversationWindow.h"

#include "ConversationHeader.h"
#include "TranscriptView.h"
#include "models/MessageListModel.h"
#include "storage/CacheStore.h"

#include <QKeySequence>
#include <QShortcut>
#include <QVBoxLayout>

namespace Counterpart::Ui {

ConversationWindow::ConversationWindow(Storage::CacheStore *cache, qint64 conversationId,
                                       QWidget *parent)
    // Qt::Window: a top-level window of its own, still owned (and closed) by the main window.
    : QWidget(parent, Qt::Window)
    , m_conversationId(conversationId)
    , m_messages(new Models::MessageListModel(cache, this))
    , m_header(new ConversationHeader(cache, this))
    , m_transcript(new TranscriptView(m_messages, this))
{
    setObjectName(QStringLiteral("conversationWindow"));
    setAttribute(Qt::WA_DeleteOnClose);
    QString title = tr("Conversation");
    if (const auto conversation = cache->conversation(conversationId)) {
        if (const auto contact = cache->contact(conversation->contactId))
            title = contact->name.isEmpty() ? title : contact->name;
        if (!conversation->subject.isEmpty())
            title = title % QStringLiteral(" — ") % conversation->subject;
    }
    setWindowTitle(title);
    setAccessibleName(tr("Conversation window: %1").arg(title));
    m_transcript->setAccessibleName(tr("Transcript"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_header);
    layout->addWidget(m_transcript, 1);
    m_header->showConversation(conversationId);
    m_transcript->showConversation(conversationId);

    // Without the main window's commands here, the keyboard still needs a way to close it.
    auto *close = new QShortcut(QKeySequence::Close, this);
    connect(close, &QShortcut::activated, this, &QWidget::close);
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    connect(escape, &QShortcut::activated, this, &QWidget::close);
    resize(560, 680);
    m_transcript->setFocus();
}

} // namespace Counterpart::Ui
