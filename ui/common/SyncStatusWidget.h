#pragma once

#include "sync/SyncEngine.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace Counterpart::Sync {
class AccountConnectors;
class OutboxStore;
} // namespace Counterpart::Sync

namespace Counterpart::Ui {

/**
 * The status bar's sync corner: what is syncing and how far (with Cancel), "Offline — N changes
 * waiting" when the server cannot be reached, and a "Sign in again" banner when a token stopped
 * working. Signing in again resumes the paused account with its queued work intact.
 */
class SyncStatusWidget : public QWidget
{
    Q_OBJECT
public:
    SyncStatusWidget(Sync::SyncEngine *engine, Sync::OutboxStore *outbox, Sync::AccountConnectors *connectors,
                     QWidget *parent = nullptr);

    QString text() const;
    bool signInShown() const;
    /** Asks for a new token for the paused account and resumes it. */
    void signInAgain();

signals:
    void outboxRequested();

private:
    void onProgress(const QString &uid, const QString &what, int done, int total);
    void onState(const QString &uid, Sync::SyncEngine::AccountState state, const QString &message);
    void showSignIn(const QString &uid, const QString &message);
    void refresh();
    int waitingCount() const;

    Sync::SyncEngine *m_engine;
    Sync::OutboxStore *m_outbox;
    Sync::AccountConnectors *m_connectors;
    QLabel *m_label;
    QProgressBar *m_bar;
    QPushButton *m_cancel;
    QPushButton *m_signIn;
    QPushButton *m_outboxButton;
    QString m_signInUid;
    QString m_signInMessage;
    bool m_offline = false;
    QString m_offlineReason;
};

} // namespace Counterpart::Ui
