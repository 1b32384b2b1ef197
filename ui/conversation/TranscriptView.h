#pragma once

#include <QListView>

namespace Counterpart::Models {
class MessageListModel;
}

namespace Counterpart::Ui {

class MessageItemDelegate;

/**
 * The transcript list. Opens scrolled to the newest message; reaching the top pulls the previous
 * page from the model while keeping the message under the agent's eyes where it was.
 */
class TranscriptView : public QListView
{
    Q_OBJECT
public:
    explicit TranscriptView(Models::MessageListModel *model, QWidget *parent = nullptr);

    void showConversation(qint64 conversationId);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void loadOlderIfAtTop(int value);

    Models::MessageListModel *m_model;
    MessageItemDelegate *m_delegate;
    bool m_loadingOlder = false;
};

} // namespace Counterpart::Ui
