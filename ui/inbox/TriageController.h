#pragma once

#include <QDateTime>
#include <QObject>
#include <QPointer>

class QComboBox;
class QListView;
class QMenu;

namespace Counterpart::Sync {
class SnoozeWaker;
class TriageService;
} // namespace Counterpart::Sync

namespace Counterpart::Ui {

class LabelPicker;
class MainWindow;
class UndoBar;

/**
 * Triage in the main window: the conversation commands (resolve, snooze, assign, label, reopen,
 * priority, mark unread) in the window's ActionRegistry, applied to every selected conversation;
 * their menus and pickers; the undo bar; the sort menu above the list; saved views' filters.
 */
class TriageController : public QObject
{
    Q_OBJECT
public:
    /** `pinnedNow`: the window's fixed clock for tests and screenshots; invalid = real time. */
    explicit TriageController(MainWindow *window, const QDateTime &pinnedNow = QDateTime());

    Sync::TriageService *service() const { return m_triage; }
    /** Local ids of the selected conversations (the current one when nothing is selected). */
    QList<qint64> selectedConversations() const;
    /** The menu or picker shown by the last command (tests drive it). */
    QWidget *lastPopup() const { return m_popup; }

private:
    void registerCommands();
    void buildListChrome();
    void showPopup(QWidget *popup);
    void selectRowNear(int row);
    QMenu *assignMenu();
    QMenu *snoozeMenu();
    QMenu *priorityMenu();
    LabelPicker *labelPicker();
    void chooseSnoozeTime();
    QDateTime now() const;

    MainWindow *m_window;
    QListView *m_list;
    QDateTime m_pinnedNow;
    Sync::TriageService *m_triage;
    Sync::SnoozeWaker *m_waker;
    UndoBar *m_undoBar = nullptr;
    QComboBox *m_sort = nullptr;
    QPointer<QWidget> m_popup;
};

} // namespace Counterpart::Ui
