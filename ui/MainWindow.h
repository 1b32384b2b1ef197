#pragma once

#include "Services.h"

#include <QDateTime>
#include <QMainWindow>

class QLabel;
class QListView;
class QSplitter;
class QStackedWidget;

namespace Counterpart::Storage {
class CacheStore;
class WorkspaceStore;
} // namespace Counterpart::Storage

namespace Counterpart::Models {
class ConversationListModel;
class MessageListModel;
class ViewListModel;
} // namespace Counterpart::Models

namespace Counterpart::Ui {

class ActionRegistry;
class ConversationHeader;
class ConversationItemDelegate;
class CustomerSidebar;
class TranscriptView;

/**
 * The three panes (with the navigation column on their left): views, conversation list,
 * transcript, customer. It only wires widgets to models; every pane is its own class.
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    struct Options
    {
        bool demo = false;       ///< show the "demo workspace" banner
        QString notice;          ///< a message to show once (e.g. the cache was rebuilt)
        QDateTime now;           ///< pinned clock for screenshots and tests; invalid = real time
    };

    MainWindow(const Services &services, const Options &options, QWidget *parent = nullptr);
    ~MainWindow() override;

    void selectView(const QString &key);
    QString currentView() const;
    void selectConversationRow(int row);
    qint64 currentConversationId() const { return m_currentConversation; }
    void openConversation(qint64 conversationId);

    /** Every command of the window; features register theirs here (see ActionRegistry). */
    ActionRegistry *actions() const { return m_actions; }
    const Services &services() const { return m_services; }
    QDateTime now() const;

    Models::ConversationListModel *conversationModel() const { return m_conversations; }
    Models::ViewListModel *viewModel() const { return m_views; }
    Models::MessageListModel *messageModel() const { return m_messages; }

signals:
    /** The conversation shown in the transcript changed (0: none). */
    void conversationOpened(qint64 conversationId);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    QWidget *buildNavigation();
    QWidget *buildConversationList();
    QWidget *buildConversationPane();
    QWidget *buildDemoBanner();
    void registerNavigationCommands();
    void moveSelection(int delta);
    void updateListState();

    Services m_services;
    Options m_options;
    ActionRegistry *m_actions;
    Models::ViewListModel *m_views;
    Models::ConversationListModel *m_conversations;
    Models::MessageListModel *m_messages;

    QSplitter *m_splitter = nullptr;
    QListView *m_navigation = nullptr;
    QListView *m_list = nullptr;
    QStackedWidget *m_listStack = nullptr;
    QLabel *m_listEmpty = nullptr;
    ConversationItemDelegate *m_listDelegate = nullptr;
    ConversationHeader *m_header = nullptr;
    TranscriptView *m_transcript = nullptr;
    CustomerSidebar *m_sidebar = nullptr;
    qint64 m_currentConversation = 0;
};

} // namespace Counterpart::Ui
