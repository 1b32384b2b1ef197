#pragma once

#include "notify/Notification.h"

#include <QObject>
#include <QPointer>

class QAction;
class QSystemTrayIcon;

namespace Counterpart::Notify {
class NotificationWatcher;
}

namespace Counterpart::Ui {

class MainWindow;

/**
 * Tells the agent, through the system tray, when a conversation is assigned to them or a
 * customer replies in one of theirs (NotificationWatcher decides what deserves it). Clicking the
 * notification brings the window forward on that conversation. Where there is no system tray
 * (offscreen, some desktops) nothing is shown and nothing complains. The "Tray notifications"
 * command turns it off and on; the choice is kept in the workspace.
 */
class TrayNotifier : public QObject
{
    Q_OBJECT
public:
    static constexpr const char *SettingKey = "notifications.tray";

    explicit TrayNotifier(MainWindow *window);

    bool isEnabled() const;
    void setEnabled(bool enabled);
    bool hasTray() const { return m_tray != nullptr; }
    Notify::NotificationWatcher *watcher() const { return m_watcher; }
    /** The last notification shown (what a click on the balloon opens). */
    const Notify::Notification &lastNotification() const { return m_last; }
    /** What a click on a notification does: the window comes forward on its conversation. */
    void activate(const Notify::Notification &notification);

signals:
    /** Raised for every notification, shown in a tray or not. */
    void notified(const Counterpart::Notify::Notification &notification);

private:
    void show(const Notify::Notification &notification);
    void bringWindowForward();

    MainWindow *m_window;
    Notify::NotificationWatcher *m_watcher;
    QAction *m_toggle = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
    Notify::Notification m_last;
};

} // namespace Counterpart::Ui
