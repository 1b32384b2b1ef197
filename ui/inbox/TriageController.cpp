#include "TriageController.h"

#include "LabelPicker.h"
#include "MainWindow.h"
#include "UndoBar.h"
#include "common/ActionRegistry.h"
#include "metrics/Sla.h"
#include "models/ConversationListModel.h"
#include "models/ItemRoles.h"
#include "models/SavedView.h"
#include "models/ViewListModel.h"
#include "storage/CacheStore.h"
#include "storage/WorkspaceStore.h"
#include "sync/SnoozeWaker.h"
#include "sync/TriageService.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QSplitter>
#include <QStatusBar>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace Counterpart::Ui {

namespace Roles = Models::Roles;
using Sort = Models::ConversationListModel::Sort;

TriageController::TriageController(MainWindow *window, const QDateTime &pinnedNow)
    : QObject(window)
    , m_window(window)
    , m_list(window->findChild<QListView *>(QStringLiteral("conversationList")))
    , m_pinnedNow(pinnedNow)
{
    const Services &services = window->services();
    m_triage = new Sync::TriageService(services.cache, services.outbox, this);
    m_waker = new Sync::SnoozeWaker(
        services.cache,
        [this] { return now().toMSecsSinceEpoch(); }, this);
    auto *model = window->conversationModel();
    model->setNow(pinnedNow);
    if (services.workspace) {
        model->setSla(Metrics::Sla::fromSettings(*services.workspace));
        window->viewModel()->setSavedViews(Models::SavedView::load(*services.workspace));
    }
    // Many conversations at once: Ctrl/Shift-click; every command applies to all of them.
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    buildListChrome();
    registerCommands();

    connect(m_triage, &Sync::TriageService::undoAvailable, this, [this](int count) {
        m_undoBar->showMessage(count == 1 ? tr("Conversation resolved")
                                          : tr("%n conversation(s) resolved", nullptr, count));
    });
    connect(m_triage, &Sync::TriageService::undoClosed, m_undoBar, &QWidget::hide);
    connect(m_undoBar, &UndoBar::undoClicked, m_triage, &Sync::TriageService::undo);
    connect(m_triage, &Sync::TriageService::failed, this,
            [this](const QString &message) { m_window->statusBar()->showMessage(message, 8000); });

    // MainWindow maps standard view keys to filters; saved views only this controller knows.
    auto *navigation = window->findChild<QListView *>(QStringLiteral("views"));
    if (navigation) {
        connect(navigation->selectionModel(), &QItemSelectionModel::currentChanged, this,
                [this](const QModelIndex &current) {
                    const QString key = current.data(Roles::ViewKey).toString();
                    if (key.startsWith(QLatin1String("saved:")))
                        m_window->conversationModel()->setFilter(m_window->viewModel()->filterOf(key));
                });
    }
}

QDateTime TriageController::now() const
{
    return m_pinnedNow.isValid() ? m_pinnedNow : QDateTime::currentDateTimeUtc();
}

void TriageController::buildListChrome()
{
    // The list pane gets a sort bar above and the undo bar below, without MainWindow knowing.
    auto *stack = qobject_cast<QStackedWidget *>(m_list->parentWidget());
    auto *splitter = stack ? qobject_cast<QSplitter *>(stack->parentWidget()) : nullptr;
    auto *pane = new QWidget;
    pane->setObjectName(QStringLiteral("conversationListPane"));
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    auto *bar = new QWidget(pane);
    bar->setObjectName(QStringLiteral("sortBar"));
    auto *barLayout = new QHBoxLayout(bar);
    barLayout->setContentsMargins(8, 4, 8, 4);
    auto *label = new QLabel(tr("Sort:"), bar);
    m_sort = new QComboBox(bar);
    m_sort->setObjectName(QStringLiteral("sortCombo"));
    m_sort->setAccessibleName(tr("Sort conversations by"));
    m_sort->addItem(tr("Last activity"), int(Sort::LastActivity));
    m_sort->addItem(tr("Longest waiting"), int(Sort::LongestWaiting));
    m_sort->addItem(tr("Priority"), int(Sort::Priority));
    m_sort->addItem(tr("SLA due"), int(Sort::SlaDue));
    label->setBuddy(m_sort);
    barLayout->addWidget(label);
    barLayout->addWidget(m_sort, 1);
    connect(m_sort, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_window->conversationModel()->setSort(Sort(m_sort->itemData(index).toInt()));
        m_window->selectConversationRow(0);
    });
    layout->addWidget(bar);

    m_undoBar = new UndoBar(pane);
    if (splitter) {
        const int index = splitter->indexOf(stack);
        pane->setMinimumWidth(stack->minimumSizeHint().width());
        splitter->replaceWidget(index, pane);
        layout->addWidget(stack, 1);
    }
    layout->addWidget(m_undoBar);
}

void TriageController::selectRowNear(int row)
{
    // The resolved rows left the view; the agent continues with the one that took their place.
    const int count = m_window->conversationModel()->rowCount();
    if (count > 0)
        m_window->selectConversationRow(std::clamp(row, 0, count - 1));
    else
        m_window->openConversation(0);
}

QList<qint64> TriageController::selectedConversations() const
{
    QList<qint64> ids;
    QModelIndexList rows = m_list->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end());
    for (const auto &index : std::as_const(rows))
        ids.append(index.data(Roles::ConversationId).toLongLong());
    if (ids.isEmpty() && m_window->currentConversationId())
        ids.append(m_window->currentConversationId());
    return ids;
}

void TriageController::showPopup(QWidget *popup)
{
    if (m_popup)
        m_popup->close();
    m_popup = popup;
    const QRect row = m_list->visualRect(m_list->currentIndex());
    const QPoint at = m_list->viewport()->mapToGlobal(row.isValid() ? row.center() : QPoint(20, 20));
    if (auto *menu = qobject_cast<QMenu *>(popup))
        menu->popup(at);
    else {
        popup->move(at);
        popup->show();
    }
}

void TriageController::registerCommands()
{
    ActionRegistry *actions = m_window->actions();
    const QString category = tr("Conversation");
    auto run = [this](auto apply) {
        return [this, apply] {
            const QList<qint64> ids = selectedConversations();
            if (!ids.isEmpty())
                apply(ids);
        };
    };
    actions->add({QStringLiteral("conversation.resolve"), tr("Resolve conversation"), category,
                  {QKeySequence(Qt::Key_E)}},
                 run([this](const QList<qint64> &ids) {
                     const int row = m_list->currentIndex().row();
                     if (m_triage->resolve(ids))
                         selectRowNear(row);
                 }));
    actions->add({QStringLiteral("conversation.reopen"), tr("Reopen conversation"), category,
                  {QKeySequence(Qt::SHIFT | Qt::Key_E)}},
                 run([this](const QList<qint64> &ids) { m_triage->reopen(ids); }));
    actions->add({QStringLiteral("conversation.snooze"), tr("Snooze conversation…"), category,
                  {QKeySequence(Qt::Key_S)}},
                 run([this](const QList<qint64> &) { showPopup(snoozeMenu()); }));
    actions->add({QStringLiteral("conversation.assign"), tr("Assign conversation…"), category,
                  {QKeySequence(Qt::Key_A)}},
                 run([this](const QList<qint64> &) { showPopup(assignMenu()); }));
    actions->add({QStringLiteral("conversation.label"), tr("Label conversation…"), category,
                  {QKeySequence(Qt::Key_L)}},
                 run([this](const QList<qint64> &) { showPopup(labelPicker()); }));
    actions->add({QStringLiteral("conversation.priority"), tr("Set priority…"), category,
                  {QKeySequence(Qt::Key_P)}},
                 run([this](const QList<qint64> &) { showPopup(priorityMenu()); }));
    actions->add({QStringLiteral("conversation.markUnread"), tr("Mark as unread"), category,
                  {QKeySequence(Qt::Key_U)}},
                 run([this](const QList<qint64> &ids) { m_triage->markUnread(ids); }));
    actions->add({QStringLiteral("conversation.undo"), tr("Undo resolve"), category,
                  {QKeySequence(Qt::CTRL | Qt::Key_Z)}},
                 [this] { m_triage->undo(); });
}

QMenu *TriageController::assignMenu()
{
    auto *menu = new QMenu(m_window);
    menu->setObjectName(QStringLiteral("assignMenu"));
    menu->setAccessibleName(tr("Assign to"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    const QList<qint64> ids = selectedConversations();
    menu->addAction(tr("Me"), this, [this, ids] { m_triage->assignToMe(ids); })->setObjectName(QStringLiteral("assignMe"));
    menu->addAction(tr("Nobody (unassign)"), this, [this, ids] { m_triage->assign(ids, 0); });
    menu->addSection(tr("Agents"));
    const auto *cache = m_window->services().cache;
    for (const auto &agent : cache->agents())
        menu->addAction(agent.name, this, [this, ids, id = agent.id] { m_triage->assign(ids, id); });
    const auto teams = cache->teams();
    if (!teams.isEmpty())
        menu->addSection(tr("Teams"));
    for (const auto &team : teams)
        menu->addAction(team.name, this, [this, ids, id = team.id] {
            for (const qint64 conversation : ids) {
                const auto c = m_window->services().cache->conversation(conversation);
                m_triage->assign({conversation}, c ? c->assigneeId : 0, id);
            }
        });
    return menu;
}

QMenu *TriageController::snoozeMenu()
{
    auto *menu = new QMenu(m_window);
    menu->setObjectName(QStringLiteral("snoozeMenu"));
    menu->setAccessibleName(tr("Snooze until"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    const QList<qint64> ids = selectedConversations();
    // "Tomorrow" and "next week" mean 9:00 in the agent's own time zone.
    const QDateTime local = now().toLocalTime();
    const QDateTime tomorrow(local.date().addDays(1), QTime(9, 0));
    const QDateTime nextWeek(local.date().addDays(8 - local.date().dayOfWeek()), QTime(9, 0));
    menu->addAction(tr("Until the customer replies"), this, [this, ids] { m_triage->snooze(ids, {}); })
        ->setObjectName(QStringLiteral("snoozeUntilReply"));
    menu->addAction(tr("Tomorrow, %1").arg(QLocale().toString(tomorrow, QLocale::ShortFormat)), this,
                    [this, ids, tomorrow] { m_triage->snooze(ids, tomorrow.toUTC()); })
        ->setObjectName(QStringLiteral("snoozeTomorrow"));
    menu->addAction(tr("Next week, %1").arg(QLocale().toString(nextWeek, QLocale::ShortFormat)), this,
                    [this, ids, nextWeek] { m_triage->snooze(ids, nextWeek.toUTC()); })
        ->setObjectName(QStringLiteral("snoozeNextWeek"));
    menu->addAction(tr("Choose a time…"), this, &TriageController::chooseSnoozeTime)
        ->setObjectName(QStringLiteral("snoozeChoose"));
    return menu;
}

void TriageController::chooseSnoozeTime()
{
    const QList<qint64> ids = selectedConversations();
    auto *dialog = new QDialog(m_window);
    dialog->setObjectName(QStringLiteral("snoozeTimeDialog"));
    dialog->setWindowTitle(tr("Snooze until"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *layout = new QVBoxLayout(dialog);
    auto *edit = new QDateTimeEdit(now().toLocalTime().addSecs(3 * 3600), dialog);
    edit->setObjectName(QStringLiteral("snoozeTime"));
    edit->setAccessibleName(tr("Snooze until"));
    edit->setCalendarPopup(true);
    edit->setMinimumDateTime(now().toLocalTime());
    layout->addWidget(new QLabel(tr("Wake these conversations at:"), dialog));
    layout->addWidget(edit);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(dialog, &QDialog::accepted, this,
            [this, ids, edit] { m_triage->snooze(ids, edit->dateTime().toUTC()); });
    m_popup = dialog;
    dialog->open();
}

QMenu *TriageController::priorityMenu()
{
    auto *menu = new QMenu(m_window);
    menu->setObjectName(QStringLiteral("priorityMenu"));
    menu->setAccessibleName(tr("Priority"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    const QList<qint64> ids = selectedConversations();
    using Domain::Priority;
    for (const Priority priority : {Priority::Urgent, Priority::High, Priority::Medium, Priority::Low, Priority::None}) {
        const QString text = priority == Priority::None ? tr("No priority") : Domain::priorityDisplayName(priority);
        menu->addAction(text, this, [this, ids, priority] { m_triage->setPriority(ids, priority); });
    }
    return menu;
}

LabelPicker *TriageController::labelPicker()
{
    const QList<qint64> ids = selectedConversations();
    QHash<QString, int> counts;
    for (const qint64 id : ids) {
        if (const auto c = m_window->services().cache->conversation(id)) {
            for (const QString &label : c->labels)
                ++counts[label];
        }
    }
    auto *picker = new LabelPicker(m_window->services().cache->labelTitles(), counts, int(ids.size()), m_window);
    connect(picker, &LabelPicker::applied, this, [this, ids, picker] {
        m_triage->changeLabels(ids, picker->added(), picker->removed());
    });
    return picker;
}

} // namespace Counterpart::Ui
