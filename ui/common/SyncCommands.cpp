#include "SyncCommands.h"

#include "ActionRegistry.h"
#include "OutboxPanel.h"
#include "SyncStatusWidget.h"
#include "settings/AccountsDialog.h"
#include "sync/SyncEngine.h"

#include <QDialog>
#include <QMainWindow>
#include <QStatusBar>
#include <QVBoxLayout>

namespace Counterpart::Ui {

SyncCommands::SyncCommands(QMainWindow *window, ActionRegistry *actions, const Services &services)
    : QObject(window), m_window(window), m_services(services)
{
    const QString category = tr("Sync");
    actions->add({QStringLiteral("accounts.manage"), tr("Manage helpdesk accounts…"), category, {}},
                 [this] { manageAccounts(); });
    actions->add({QStringLiteral("sync.now"), tr("Sync now"), category, {QKeySequence(QKeySequence::Refresh)}},
                 [this] { syncNow(); });
    actions->add({QStringLiteral("outbox.show"), tr("Show the outbox"), category, {}}, [this] { showOutbox(); });
    if (!m_services.sync)
        return;
    m_status = new SyncStatusWidget(m_services.sync, m_services.outbox, m_services.connectors, window);
    window->statusBar()->addPermanentWidget(m_status);
    connect(m_status, &SyncStatusWidget::outboxRequested, this, &SyncCommands::showOutbox);
}

void SyncCommands::manageAccounts()
{
    AccountsDialog dialog(m_services.accounts, m_services.connectors, m_window);
    dialog.exec();
}

void SyncCommands::syncNow()
{
    if (!m_services.sync)
        return;
    const QStringList uids = m_services.sync->sourceUids();
    for (const QString &uid : uids)
        m_services.sync->syncNow(uid);
}

void SyncCommands::showOutbox()
{
    if (!m_services.outbox)
        return;
    if (!m_outbox) {
        auto *dialog = new QDialog(m_window);
        dialog->setWindowTitle(tr("Outbox"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        auto *layout = new QVBoxLayout(dialog);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(new OutboxPanel(m_services.outbox, m_services.sync, dialog));
        dialog->resize(520, 360);
        m_outbox = dialog;
    }
    m_outbox->show();
    m_outbox->raise();
}

} // namespace Counterpart::Ui
