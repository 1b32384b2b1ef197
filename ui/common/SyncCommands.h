#pragma once

#include "Services.h"

#include <QObject>
#include <QPointer>

class QMainWindow;

namespace Counterpart::Ui {

class ActionRegistry;
class SyncStatusWidget;

/**
 * Everything sync adds to a window, in one place so MainWindow only installs it: the status-bar
 * widget and the commands "accounts.manage", "sync.now" and "outbox.show".
 */
class SyncCommands : public QObject
{
    Q_OBJECT
public:
    SyncCommands(QMainWindow *window, ActionRegistry *actions, const Services &services);

    SyncStatusWidget *statusWidget() const { return m_status; }
    void manageAccounts();
    void syncNow();
    void showOutbox();

private:
    QMainWindow *m_window;
    Services m_services;
    SyncStatusWidget *m_status = nullptr;
    QPointer<QWidget> m_outbox;
};

} // namespace Counterpart::Ui
