#include "MainWindow.h"

#include "KeyboardController.h"
#include "common/ActionRegistry.h"
#include "common/SyncCommands.h"
#include "common/TrayNotifier.h"
#include "common/Theme.h"
#include "composer/ComposerArea.h"
#include "composer/ComposerWidget.h"
#include "conversation/ConversationHeader.h"
#include "conversation/TranscriptView.h"
#include "customer/CustomerSidebar.h"
#include "inbox/ConversationItemDelegate.h"
#include "inbox/SavedViewCommands.h"
#include "inbox/TriageController.h"
#include "inbox/ViewItemDelegate.h"
#include "review/TeamLeadCommands.h"
#include "models/ConversationListModel.h"
#include "models/ItemRoles.h"
#include "models/MessageListModel.h"
#include "models/ViewListModel.h"
#include "storage/CacheStore.h"
#include "storage/WorkspaceStore.h"

#include <QLabel>
#include <QListView>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace Counterpart::Ui {

namespace Roles = Models::Roles;

MainWindow::MainWindow(const Services &services, const Options &options, QWidget *parent)
    : QMainWindow(parent)
    , m_services(services)
    , m_options(options)
    , m_actions(new ActionRegistry(this, this))
    , m_views(new Models::ViewListModel(services.cache, this))
    , m_conversations(new Models::ConversationListModel(services.cache, this))
    , m_messages(new Models::MessageListModel(services.cache, this))
{
    Storage::CacheStore *cache = services.cache;
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(options.demo ? tr("Counterpart — Demo workspace") : tr("Counterpart"));

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    if (options.demo)
        layout->addWidget(buildDemoBanner());

    m_splitter = new QSplitter(Qt::Horizontal, central);
    m_splitter->setObjectName(QStringLiteral("panes"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(buildNavigation());
    m_splitter->addWidget(buildConversationList());
    m_splitter->addWidget(buildConversationPane());
    m_sidebar = new CustomerSidebar(cache, services.workspace, m_splitter);
    m_sidebar->setNow(options.now);
    if (services.outbox)
        m_sidebar->enableNoteEditing(services.outbox, services.sync);
    m_splitter->addWidget(m_sidebar);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 0);
    m_splitter->setStretchFactor(2, 1);
    m_splitter->setStretchFactor(3, 0);
    m_splitter->setSizes({190, 340, 560, 280});
    layout->addWidget(m_splitter, 1);
    setCentralWidget(central);

    connect(m_sidebar, &CustomerSidebar::conversationActivated, this, &MainWindow::openConversation);
    registerNavigationCommands();
    new TriageController(this, options.now); // resolve, snooze, assign, label; undo bar, sort bar
    new KeyboardController(this); // search, palette, cheat-sheet, pop-out; saved shortcuts
    new SyncCommands(this, m_actions, m_services);
    new SavedViewCommands(this); // create, edit, delete saved views; the views column's menu
    new TrayNotifier(this);      // "assigned to you" / "customer replied" in the system tray
    new TeamLeadCommands(this);  // review window and metrics dashboard
    if (!options.notice.isEmpty())
        statusBar()->showMessage(options.notice);
    resize(1360, 820);
    selectView(QStringLiteral("all"));
}

MainWindow::~MainWindow() = default;

void MainWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    // The panes' minimum widths add up to ~1,000 px: below that the customer steps aside first,
    // then the views column, instead of being clipped.
    m_sidebar->setVisible(width() >= 1040);
    m_navigation->setVisible(width() >= 780);
}

QWidget *MainWindow::buildDemoBanner()
{
    auto *banner = new QLabel(tr("<b>Demo workspace</b> — generated customers and conversations to try "
                                 "Counterpart. Nothing here reaches a real customer."),
                              this);
    banner->setObjectName(QStringLiteral("demoBanner"));
    banner->setAccessibleName(tr("Demo workspace notice"));
    banner->setWordWrap(true);
    banner->setContentsMargins(12, 6, 12, 6);
    banner->setAutoFillBackground(true);
    QPalette palette = banner->palette();
    palette.setColor(QPalette::Window, Theme::demoBanner(palette));
    banner->setPalette(palette);
    return banner;
}

QWidget *MainWindow::buildNavigation()
{
    m_navigation = new QListView(this);
    m_navigation->setObjectName(QStringLiteral("views"));
    m_navigation->setAccessibleName(tr("Views"));
    m_navigation->setModel(m_views);
    m_navigation->setItemDelegate(new ViewItemDelegate(m_navigation));
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setMinimumWidth(150);
    m_navigation->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    QPalette palette = m_navigation->palette();
    palette.setColor(QPalette::Base, palette.color(QPalette::Window));
    m_navigation->setPalette(palette);
    connect(m_navigation->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (!current.isValid() || current.data(Roles::ViewIsSection).toBool())
                    return;
                m_conversations->setFilter(
                    Models::ConversationFilter::fromViewKey(current.data(Roles::ViewKey).toString()));
                updateListState();
                selectConversationRow(0);
            });
    return m_navigation;
}

QWidget *MainWindow::buildConversationList()
{
    m_listStack = new QStackedWidget(this);
    m_list = new QListView(m_listStack);
    m_list->setObjectName(QStringLiteral("conversationList"));
    m_list->setAccessibleName(tr("Conversations"));
    m_list->setModel(m_conversations);
    m_listDelegate = new ConversationItemDelegate(m_list);
    m_listDelegate->setNow(m_options.now);
    m_list->setItemDelegate(m_listDelegate);
    m_list->setUniformItemSizes(true); // every row is the same height: no layout pass over 100k rows
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setMinimumWidth(260);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    openConversation(current.data(Roles::ConversationId).toLongLong());
            });
    connect(m_conversations, &QAbstractItemModel::modelReset, this, &MainWindow::updateListState);
    connect(m_conversations, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateListState);

    m_listEmpty = new QLabel(tr("Nothing here.\nConversations in this view will appear as they arrive."), m_listStack);
    m_listEmpty->setObjectName(QStringLiteral("conversationListEmpty"));
    m_listEmpty->setAlignment(Qt::AlignCenter);
    m_listEmpty->setWordWrap(true);
    QPalette muted = m_listEmpty->palette();
    muted.setColor(QPalette::WindowText, Theme::mutedText(palette()));
    m_listEmpty->setPalette(muted);
    m_listStack->addWidget(m_list);
    m_listStack->addWidget(m_listEmpty);
    return m_listStack;
}

QWidget *MainWindow::buildConversationPane()
{
    auto *pane = new QWidget(this);
    pane->setObjectName(QStringLiteral("conversationPane"));
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_header = new ConversationHeader(m_services.cache, pane);
    m_transcript = new TranscriptView(m_messages);
    layout->addWidget(m_header);
    m_messages->setOutbox(m_services.outbox); // unsent replies and notes show at the end, pending
    // Transcript above, composer below, the agent decides how much room each gets.
    auto *split = new QSplitter(Qt::Vertical, pane);
    split->setObjectName(QStringLiteral("transcriptComposerSplit"));
    split->setChildrenCollapsible(false);
    split->addWidget(m_transcript);
    auto *composerArea = new ComposerArea(m_services, m_actions, split);
    composerArea->composer()->setNow(m_options.now);
    split->addWidget(composerArea);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setSizes({520, 240});
    layout->addWidget(split, 1);
    connect(this, &MainWindow::conversationOpened, composerArea, &ComposerArea::showConversation);
    connect(composerArea->composer(), &ComposerWidget::openConversationRequested, this,
            &MainWindow::openConversation);
    pane->setMinimumWidth(320);
    return pane;
}

void MainWindow::registerNavigationCommands()
{
    const QString navigation = tr("Navigation");
    m_actions->add({QStringLiteral("list.next"), tr("Next conversation"), navigation,
                    {QKeySequence(Qt::Key_J), QKeySequence(Qt::ALT | Qt::Key_J)}},
                   [this] { moveSelection(1); });
    m_actions->add({QStringLiteral("list.previous"), tr("Previous conversation"), navigation,
                    {QKeySequence(Qt::Key_K), QKeySequence(Qt::ALT | Qt::Key_K)}},
                   [this] { moveSelection(-1); });
    m_actions->add({QStringLiteral("focus.list"), tr("Focus the conversation list"), navigation,
                    {QKeySequence(Qt::CTRL | Qt::Key_1)}},
                   [this] { m_list->setFocus(); });
    m_actions->add({QStringLiteral("focus.transcript"), tr("Focus the transcript"), navigation,
                    {QKeySequence(Qt::CTRL | Qt::Key_2)}},
                   [this] { m_transcript->setFocus(); });
    m_actions->add({QStringLiteral("focus.views"), tr("Focus the views"), navigation,
                    {QKeySequence(Qt::CTRL | Qt::Key_0)}},
                   [this] { m_navigation->setFocus(); });
}

QDateTime MainWindow::now() const
{
    return m_options.now.isValid() ? m_options.now : QDateTime::currentDateTimeUtc();
}

void MainWindow::moveSelection(int delta)
{
    const int row = m_list->currentIndex().isValid() ? m_list->currentIndex().row() + delta : 0;
    if (row >= m_conversations->rowCount() && m_conversations->canFetchMore({}))
        m_conversations->fetchMore({});
    selectConversationRow(std::clamp(row, 0, std::max(0, m_conversations->rowCount() - 1)));
}

void MainWindow::updateListState()
{
    const bool empty = m_conversations->rowCount() == 0;
    m_listStack->setCurrentWidget(empty ? static_cast<QWidget *>(m_listEmpty) : m_list);
    const QString view = currentView();
    const int total = m_views->countOf(view);
    statusBar()->showMessage(total >= 0 ? tr("%n conversation(s) in this view", nullptr, total) : QString());
    if (empty)
        openConversation(0);
}

void MainWindow::selectView(const QString &key)
{
    const int row = m_views->rowOfView(key);
    if (row >= 0)
        m_navigation->setCurrentIndex(m_views->index(row));
}

QString MainWindow::currentView() const { return m_navigation->currentIndex().data(Roles::ViewKey).toString(); }

void MainWindow::selectConversationRow(int row)
{
    if (row < 0 || row >= m_conversations->rowCount())
        return;
    const QModelIndex index = m_conversations->index(row);
    m_list->setCurrentIndex(index);
    // Before the window has its size, scrolling would put this row at the top and hide the rows
    // above it; showEvent() scrolls once the geometry is known.
    if (m_list->isVisible())
        m_list->scrollTo(index);
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (m_list->currentIndex().isValid())
        m_list->scrollTo(m_list->currentIndex());
}

void MainWindow::openConversation(qint64 conversationId)
{
    if (conversationId == m_currentConversation && conversationId != 0)
        return;
    m_currentConversation = conversationId;
    m_header->showConversation(conversationId);
    m_transcript->showConversation(conversationId);
    m_sidebar->showConversation(conversationId);
    emit conversationOpened(conversationId);
}

} // namespace Counterpart::Ui
