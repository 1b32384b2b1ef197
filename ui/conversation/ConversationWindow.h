#pragma once

#include <QWidget>

namespace Counterpart::Storage {
class CacheStore;
}

namespace Counterpart::Models {
class MessageListModel;
}

namespace Counterpart::Ui {

class ConversationHeader;
class TranscriptView;

/**
 * One conversation popped out into its own top-level window (Ctrl+Shift+O): its header and
 * transcript, with a model of its own so the main window can move on to other conversations.
 */
class ConversationWindow : public QWidget
{
    Q_OBJECT
public:
    ConversationWindow(Storage::CacheStore *cache, qint64 conversationId, QWidget *parent = nullptr);

    qint64 conversationId() const { return m_conversationId; }
    Models::MessageListModel *messageModel() const { return m_messages; }

private:
    qint64 m_conversationId;
    Models::MessageListModel *m_messages;
    ConversationHeader *m_header;
    TranscriptView *m_transcript;
};

} // namespace Counterpart::Ui
