#pragma once

#include <QListView>

namespace Counterpart::Models {
class MessageListModel;
}

namespace Counterpart::Ui {

class MessageItemDelegate;
class OriginalEmailDialog;

/**
 * The transcript list. Opens scrolled to the newest message; reaching the top pulls the previous
 * page from the model while keeping the message under the agent's eyes where it was. On an email,
 * Return or Space (or a click on the line) folds and unfolds the quoted history, and Ctrl+Return
 * (or "View original") opens the sanitised original.
 */
class TranscriptView : public QListView
{
    Q_OBJECT
public:
    explicit TranscriptView(Models::MessageListModel *model, QWidget *parent = nullptr);

    void showConversation(qint64 conversationId);
    MessageItemDelegate *messageDelegate() const { return m_delegate; }
    /** Opens the original of an email message (non-modal, deleted on close); null for other kinds. */
    OriginalEmailDialog *openOriginal(const QModelIndex &index);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void loadOlderIfAtTop(int value);
    void fillViewport();

    Models::MessageListModel *m_model;
    MessageItemDelegate *m_delegate;
    bool m_loadingOlder = false;
};

} // namespace Counterpart::Ui
