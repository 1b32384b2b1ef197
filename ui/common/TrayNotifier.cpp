#include "TrayNotifier.h"

#include "ActionRegistry.h"
#include "MainWindow.h"
#include "notify/NotificationWatcher.h"
#include "storage/WorkspaceStore.h"

#include <QApplication>
#include <QMenu>
#include <QStyle>
#include <QSystemTrayIcon>

namespace Counterpart::Ui {

using Notify::Notification;

TrayNotifier::TrayNotifier(MainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_watcher(new Notify::NotificationWatcher(window->services().cache, {}, this))
{
    setObjectName(QStringLiteral("trayNotifier"));
    m_watcher->setFocusProbe([window] {
        // Looking at it already: only when the window is in front, not merely open behind others.
        return window->isActiveWindow() && !window->isMinimized() ? window->currentConversationId() : 0;
    });
    connect(m_watcher, &Notify::NotificationWatcher::notificationRaised, this, &TrayNotifier::show);

    m_toggle = window->actions()->add({QStringLiteral("notifications.toggle"), tr("Tray notifications"),
                                       tr("General"), {}},
                                      [this] { setEnabled(m_toggle->isChecked()); });
    m_toggle->setCheckable(true);
    const Storage::WorkspaceStore *workspace = window->services().workspace;
    const bool enabled = !workspace
        || workspace->setting(QLatin1String(SettingKey), QStringLiteral("on")) != QLatin1String("off");
    m_toggle->setChecked(enabled);
    m_watcher->setEnabled(enabled);

    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return; // offscreen or a desktop without a tray: notifications are simply not shown
    m_tray = new QSystemTrayIcon(this);
    QIcon icon = QApplication::windowIcon();
    if (icon.isNull())
        icon = window->style()->standardIcon(QStyle::SP_MessageBoxInformation);
    m_tray->setIcon(icon);
    m_tray->setToolTip(tr("Counterpart"));
    auto *menu = new QMenu(window);
    menu->addAction(tr("Show Counterpart"), this, &TrayNotifier::bringWindowForward);
    menu->addAction(m_toggle);
    m_tray->setContextMenu(menu);
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] { activate(m_last); });
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger)
            bringWindowForward();
    });
    m_tray->show();
}

bool TrayNotifier::isEnabled() const { return m_watcher->isEnabled(); }

void TrayNotifier::setEnabled(bool enabled)
{
    m_watcher->setEnabled(enabled);
    m_toggle->setChecked(enabled);
    if (Storage::WorkspaceStore *workspace = m_window->services().workspace)
        workspace->setSetting(QLatin1String(SettingKey), enabled ? QStringLiteral("on") : QStringLiteral("off"));
}

void TrayNotifier::show(const Notification &notification)
{
    m_last = notification;
    emit notified(notification);
    if (m_tray && QSystemTrayIcon::supportsMessages())
        m_tray->showMessage(notification.title, notification.body, QSystemTrayIcon::Information);
}

void TrayNotifier::bringWindowForward()
{
    if (m_window->isMinimized())
        m_window->showNormal();
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
}

void TrayNotifier::activate(const Notification &notification)
{
    bringWindowForward();
    if (notification.conversationId != 0)
        m_window->openConversation(notification.conversationId);
    else if (notification.kind == Notification::Kind::Summary)
        m_window->selectView(QStringLiteral("mine"));
}

} // namespace Counterpart::Ui
