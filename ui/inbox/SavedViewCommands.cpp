#include "SavedViewCommands.h"

#include "MainWindow.h"
#include "SavedViewDialog.h"
#include "common/ActionRegistry.h"
#include "models/ConversationListModel.h"
#include "models/ItemRoles.h"
#include "models/SavedView.h"
#include "models/ViewListModel.h"
#include "storage/WorkspaceStore.h"

#include <QListView>
#include <QMenu>
#include <QStatusBar>

namespace Counterpart::Ui {

namespace Roles = Models::Roles;
using Models::SavedView;

namespace {
const QLatin1String kSavedPrefix("saved:");
int savedIndexOf(const QString &key) { return key.startsWith(kSavedPrefix) ? key.mid(6).toInt() : -1; }
} // namespace

SavedViewCommands::SavedViewCommands(MainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_navigation(window->findChild<QListView *>(QStringLiteral("views")))
{
    setObjectName(QStringLiteral("savedViewCommands"));
    const QString category = tr("Navigation");
    window->actions()->add({QStringLiteral("views.saved.edit"), tr("Edit saved views…"), category, {}},
                           [this] {
                               const int index = savedIndexOf(m_window->currentView());
                               openDialog(std::max(index, 0));
                           });
    window->actions()->add({QStringLiteral("views.saved.new"), tr("New saved view…"), category, {}},
                           [this] {
                               const QString key = m_window->currentView();
                               openDialogForNew(m_window->viewModel()->filterOf(key), QString());
                           });
    if (!m_navigation)
        return;
    m_navigation->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_navigation, &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        const QModelIndex index = m_navigation->indexAt(at);
        QMenu *menu = contextMenu(index.isValid() ? index.row() : -1);
        menu->popup(m_navigation->viewport()->mapToGlobal(at));
    });
}

QMenu *SavedViewCommands::contextMenu(int row)
{
    auto *menu = new QMenu(m_window);
    menu->setObjectName(QStringLiteral("viewsContextMenu"));
    menu->setAccessibleName(tr("View actions"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    Models::ViewListModel *views = m_window->viewModel();
    const QModelIndex index = row >= 0 ? views->index(row) : QModelIndex();
    const bool isView = index.isValid() && !index.data(Roles::ViewIsSection).toBool();
    const QString key = isView ? index.data(Roles::ViewKey).toString() : QString();
    const QString title = index.data(Qt::DisplayRole).toString();
    const int saved = savedIndexOf(key);
    if (saved >= 0) {
        menu->addAction(tr("Edit “%1”…").arg(title), this, [this, saved] { openDialog(saved); })
            ->setObjectName(QStringLiteral("editSavedView"));
        menu->addAction(tr("Delete “%1”").arg(title), this, [this, saved] { deleteView(saved); })
            ->setObjectName(QStringLiteral("deleteSavedView"));
        menu->addSeparator();
    }
    if (isView && saved < 0) {
        menu->addAction(tr("New saved view from “%1”…").arg(title), this,
                        [this, key, title] { openDialogForNew(m_window->viewModel()->filterOf(key), title); })
            ->setObjectName(QStringLiteral("newSavedViewFrom"));
    } else {
        menu->addAction(tr("New saved view…"), this, [this] { openDialogForNew({}, QString()); })
            ->setObjectName(QStringLiteral("newSavedView"));
    }
    return menu;
}

SavedViewDialog *SavedViewCommands::createDialog()
{
    if (m_dialog)
        m_dialog->close();
    Models::ViewListModel *views = m_window->viewModel();
    auto *dialog = new SavedViewDialog(m_window->services().cache, views->savedViews(),
                                       [views](const Models::ConversationFilter &filter) {
                                           return views->countMatching(filter);
                                       },
                                       m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QList<SavedView> result = dialog->views();
        // Stay on the view the agent was looking at, or on the one just made.
        const QString current = m_window->currentView();
        const int before = int(m_window->viewModel()->savedViews().size());
        const QString select = result.size() > before
            ? kSavedPrefix + QString::number(result.size() - 1)
            : (savedIndexOf(current) >= int(result.size()) ? QStringLiteral("all") : current);
        store(result, select);
    });
    m_dialog = dialog;
    return dialog;
}

SavedViewDialog *SavedViewCommands::openDialog(int index)
{
    SavedViewDialog *dialog = createDialog();
    dialog->editView(index);
    dialog->open();
    return dialog;
}

SavedViewDialog *SavedViewCommands::openDialogForNew(const Models::ConversationFilter &filter, const QString &name)
{
    SavedViewDialog *dialog = createDialog();
    dialog->open();
    dialog->addView(filter);
    if (!name.isEmpty())
        dialog->setProposedName(tr("%1 (copy)").arg(name));
    return dialog;
}

bool SavedViewCommands::deleteView(int index)
{
    QList<SavedView> views = m_window->viewModel()->savedViews();
    if (index < 0 || index >= views.size())
        return false;
    const QString name = views.takeAt(index).name;
    const QString current = m_window->currentView();
    const int selected = savedIndexOf(current);
    QString select = current;
    if (selected == index)
        select = QStringLiteral("all");
    else if (selected > index)
        select = kSavedPrefix + QString::number(selected - 1);
    store(views, select);
    m_window->statusBar()->showMessage(tr("Saved view “%1” deleted").arg(name), 5000);
    return true;
}

void SavedViewCommands::store(const QList<SavedView> &views, const QString &selectKey)
{
    if (Storage::WorkspaceStore *workspace = m_window->services().workspace) {
        if (!SavedView::save(*workspace, views))
            m_window->statusBar()->showMessage(tr("The saved views could not be stored."), 8000);
    }
    m_window->viewModel()->setSavedViews(views);
    m_window->selectView(selectKey);
    // The same key may now mean a different filter: apply it even when the row did not change.
    if (selectKey.startsWith(kSavedPrefix))
        m_window->conversationModel()->setFilter(m_window->viewModel()->filterOf(selectKey));
}

} // namespace Counterpart::Ui
