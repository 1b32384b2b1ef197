#include "SyncStatusWidget.h"

#include "sync/AccountConnectors.h"
#include "sync/OutboxStore.h"

#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

#include <algorithm>

namespace Counterpart::Ui {

using State = Sync::SyncEngine::AccountState;

namespace {

QString describe(const QString &what)
{
    if (what == QLatin1String("conversations"))
        return SyncStatusWidget::tr("Syncing conversations");
    if (what == QLatin1String("messages"))
        return SyncStatusWidget::tr("Syncing messages");
    if (what == QLatin1String("changes"))
        return SyncStatusWidget::tr("Fetching changes");
    return SyncStatusWidget::tr("Syncing %1").arg(what);
}

} // namespace

SyncStatusWidget::SyncStatusWidget(Sync::SyncEngine *engine, Sync::OutboxStore *outbox,
                                   Sync::AccountConnectors *connectors, QWidget *parent)
    : QWidget(parent), m_engine(engine), m_outbox(outbox), m_connectors(connectors),
      m_label(new QLabel(this)), m_bar(new QProgressBar(this)), m_cancel(new QPushButton(tr("Cancel"), this)),
      m_signIn(new QPushButton(tr("Sign in again"), this)), m_outboxButton(new QPushButton(this))
{
    setObjectName(QStringLiteral("syncStatus"));
    setAccessibleName(tr("Sync status"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 4, 0);
    m_label->setObjectName(QStringLiteral("syncStatusText"));
    m_bar->setObjectName(QStringLiteral("syncProgress"));
    m_bar->setAccessibleName(tr("Sync progress"));
    m_bar->setFixedWidth(140);
    m_bar->setMaximumHeight(14);
    m_bar->setTextVisible(false);
    m_cancel->setObjectName(QStringLiteral("syncCancel"));
    m_signIn->setObjectName(QStringLiteral("syncSignIn"));
    m_outboxButton->setObjectName(QStringLiteral("syncOutbox"));
    m_outboxButton->setAccessibleName(tr("Show the outbox"));
    m_outboxButton->setFlat(true);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    layout->addWidget(m_signIn);
    layout->addWidget(m_outboxButton);
    m_bar->hide();
    m_cancel->hide();
    m_signIn->hide();
    m_outboxButton->hide();

    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_engine)
            m_engine->cancel();
    });
    connect(m_signIn, &QPushButton::clicked, this, &SyncStatusWidget::signInAgain);
    connect(m_outboxButton, &QPushButton::clicked, this, &SyncStatusWidget::outboxRequested);
    if (m_engine) {
        connect(m_engine, &Sync::SyncEngine::progress, this, &SyncStatusWidget::onProgress);
        connect(m_engine, &Sync::SyncEngine::accountStateChanged, this, &SyncStatusWidget::onState);
        connect(m_engine, &Sync::SyncEngine::signInRequired, this, &SyncStatusWidget::showSignIn);
    }
    if (m_connectors)
        connect(m_connectors, &Sync::AccountConnectors::tokenNeeded, this,
                [this](const QString &uid, const QString &, const QString &reason) { showSignIn(uid, reason); });
    if (m_outbox)
        connect(m_outbox, &Sync::OutboxStore::operationChanged, this, &SyncStatusWidget::refresh);
    refresh();
}

QString SyncStatusWidget::text() const
{
    return m_label->text();
}

bool SyncStatusWidget::signInShown() const
{
    return !m_signIn->isHidden();
}

int SyncStatusWidget::waitingCount() const
{
    return m_outbox ? int(m_outbox->pending().size()) : 0;
}

void SyncStatusWidget::onProgress(const QString &, const QString &what, int done, int total)
{
    m_bar->setRange(0, std::max(total, 0));
    m_bar->setValue(std::clamp(done, 0, std::max(total, 0)));
    m_bar->show();
    m_cancel->show();
    m_label->setText(total > 0 ? tr("%1: %2 of %3").arg(describe(what)).arg(done).arg(total) : describe(what));
}

void SyncStatusWidget::onState(const QString &, State state, const QString &message)
{
    switch (state) {
    case State::Backfilling:
    case State::Syncing:
        m_offline = false;
        m_bar->setRange(0, 0); // busy until the first progress figure arrives
        m_bar->show();
        m_cancel->show();
        m_label->setText(state == State::Backfilling ? tr("Downloading your helpdesk …") : tr("Fetching changes …"));
        return;
    case State::WaitingToRetry:
        m_offline = true;
        m_offlineReason = message;
        break;
    case State::Online:
    case State::Idle:
    case State::Failed:
        m_offline = state == State::Failed && !message.isEmpty() && m_offline;
        break;
    case State::SignInRequired:
        break;
    }
    m_bar->hide();
    m_cancel->hide();
    refresh();
}

void SyncStatusWidget::showSignIn(const QString &uid, const QString &message)
{
    m_signInUid = uid;
    m_signInMessage = message;
    m_signIn->show();
    refresh();
}

void SyncStatusWidget::refresh()
{
    if (m_bar->isVisible())
        return; // the progress text stays until the sync ends
    const int waiting = waitingCount();
    m_outboxButton->setVisible(waiting > 0);
    m_outboxButton->setText(tr("Outbox (%1)").arg(waiting));
    if (!m_signIn->isHidden()) {
        m_label->setText(tr("Sign-in needed: %1 — %n change(s) kept", nullptr, waiting).arg(m_signInMessage));
        m_label->setToolTip(m_signInUid);
    } else if (m_offline) {
        m_label->setText(tr("Offline — %n change(s) waiting", nullptr, waiting));
        m_label->setToolTip(m_offlineReason);
    } else {
        m_label->setText(waiting > 0 ? tr("%n change(s) waiting to be sent", nullptr, waiting) : tr("Up to date"));
        m_label->setToolTip(QString());
    }
}

void SyncStatusWidget::signInAgain()
{
    if (m_signInUid.isEmpty() || !m_connectors)
        return;
    const bool sessionOnly = !m_connectors->keychainAvailable();
    const QString prompt = sessionOnly
                               ? tr("Paste a new access token for %1.\nNo system keychain is available: it is kept "
                                    "for this session only.").arg(m_signInUid)
                               : tr("Paste a new access token for %1.").arg(m_signInUid);
    bool ok = false;
    const QString token = QInputDialog::getText(this, tr("Sign in again"), prompt, QLineEdit::Password, QString(), &ok);
    if (!ok || token.trimmed().isEmpty())
        return;
    m_signIn->hide();
    const QString uid = m_signInUid;
    m_signInUid.clear();
    m_connectors->provideToken(uid, token.trimmed(), sessionOnly);
    refresh();
}

} // namespace Counterpart::Ui
