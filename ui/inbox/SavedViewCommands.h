#pragma once

#include "SavedViewDialog.h"
#include "models/SavedView.h"

#include <QObject>
#include <QPointer>

class QListView;
class QMenu;

namespace Counterpart::Ui {

class MainWindow;

/**
 * Saved views in the main window: the "Saved views…" and "New saved view…" commands, the views
 * column's context menu (new from the view under the pointer, edit, delete), and storing what
 * the dialog returns in the workspace.
 */
class SavedViewCommands : public QObject
{
    Q_OBJECT
public:
    explicit SavedViewCommands(MainWindow *window);

    /** Opens the dialog (not modal) on the saved view at `index`, or on a new view. */
    SavedViewDialog *openDialog(int index = 0);
    SavedViewDialog *openDialogForNew(const Models::ConversationFilter &filter, const QString &name);
    /** The dialog if open (tests drive it). */
    SavedViewDialog *dialog() const { return m_dialog; }
    /** The context menu for the view at `row` of the views column. */
    QMenu *contextMenu(int row);
    bool deleteView(int index);

private:
    SavedViewDialog *createDialog();
    void store(const QList<Models::SavedView> &views, const QString &selectKey);

    MainWindow *m_window;
    QListView *m_navigation;
    QPointer<SavedViewDialog> m_dialog;
};

} // namespace Counterpart::Ui
