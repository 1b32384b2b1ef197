#include "AccountsDialog.h"

#include "connectors/chatwoot/ChatwootConnectionCheckJob.h"
#include "connectors/chatwoot/ChatwootSignInJob.h"
#include "sync/AccountConnectors.h"
#include "sync/AccountStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace Counterpart::Ui {

using namespace Connectors::Chatwoot;

AccountsDialog::AccountsDialog(Sync::AccountStore *accounts, Sync::AccountConnectors *connectors, QWidget *parent)
    : QDialog(parent), m_accounts(accounts), m_connectors(connectors), m_network(new QNetworkAccessManager(this))
{
    setObjectName(QStringLiteral("accountsDialog"));
    setWindowTitle(tr("Helpdesk accounts"));
    auto *layout = new QVBoxLayout(this);

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("accountList"));
    m_list->setAccessibleName(tr("Connected accounts"));
    m_list->setMinimumHeight(90);
    layout->addWidget(new QLabel(tr("Connected accounts"), this));
    layout->addWidget(m_list);
    m_remove = new QPushButton(tr("Remove account"), this);
    m_remove->setObjectName(QStringLiteral("removeAccount"));
    auto *removeRow = new QHBoxLayout;
    removeRow->addStretch();
    removeRow->addWidget(m_remove);
    layout->addLayout(removeRow);

    auto *group = new QGroupBox(tr("Add a Chatwoot account"), this);
    auto *form = new QFormLayout(group);
    m_url = new QLineEdit(group);
    m_url->setObjectName(QStringLiteral("serverUrl"));
    m_url->setPlaceholderText(QStringLiteral("https://desk.example.com"));
    m_url->setAccessibleName(tr("Server URL"));
    form->addRow(tr("Server URL"), m_url);
    m_accountId = new QSpinBox(group);
    m_accountId->setObjectName(QStringLiteral("accountId"));
    m_accountId->setRange(1, 999999999);
    m_accountId->setAccessibleName(tr("Account id"));
    form->addRow(tr("Account id"), m_accountId);

    auto *method = new QComboBox(group);
    method->setObjectName(QStringLiteral("signInMethod"));
    method->setAccessibleName(tr("How to sign in"));
    method->addItems({tr("Access token"), tr("E-mail and password")});
    form->addRow(tr("Sign in with"), method);
    m_credentials = new QStackedWidget(group);
    m_token = new QLineEdit;
    m_token->setObjectName(QStringLiteral("accessToken"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setAccessibleName(tr("Access token"));
    m_token->setPlaceholderText(tr("Profile settings > Access token"));
    m_credentials->addWidget(m_token);
    auto *emailPage = new QWidget;
    auto *emailLayout = new QHBoxLayout(emailPage);
    emailLayout->setContentsMargins(0, 0, 0, 0);
    m_email = new QLineEdit(emailPage);
    m_email->setPlaceholderText(tr("E-mail"));
    m_email->setAccessibleName(tr("E-mail"));
    m_password = new QLineEdit(emailPage);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("Password"));
    m_password->setAccessibleName(tr("Password"));
    emailLayout->addWidget(m_email);
    emailLayout->addWidget(m_password);
    m_credentials->addWidget(emailPage);
    m_credentials->setFixedHeight(m_token->sizeHint().height());
    form->addRow(QString(), m_credentials);
    connect(method, &QComboBox::currentIndexChanged, m_credentials, &QStackedWidget::setCurrentIndex);

    m_sessionOnly = new QCheckBox(tr("Keep the token for this session only"), group);
    m_sessionOnly->setObjectName(QStringLiteral("sessionOnly"));
    if (m_connectors && !m_connectors->keychainAvailable()) {
        // No keychain: a token can only live in memory, and the agent should know why.
        m_sessionOnly->setChecked(true);
        m_sessionOnly->setEnabled(false);
        m_sessionOnly->setText(tr("No system keychain: the token is kept for this session only"));
    }
    form->addRow(QString(), m_sessionOnly);

    m_status = new QLabel(group);
    m_status->setObjectName(QStringLiteral("connectionStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setAccessibleName(tr("Connection test result"));
    form->addRow(QString(), m_status);

    m_test = new QPushButton(tr("Test connection"), group);
    m_test->setObjectName(QStringLiteral("testConnection"));
    m_add = new QPushButton(tr("Add account"), group);
    m_add->setObjectName(QStringLiteral("addAccount"));
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_test);
    buttons->addWidget(m_add);
    form->addRow(buttons);
    layout->addWidget(group);

    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(close);

    connect(m_test, &QPushButton::clicked, this, &AccountsDialog::testConnection);
    connect(m_add, &QPushButton::clicked, this, &AccountsDialog::addAccount);
    connect(m_remove, &QPushButton::clicked, this, &AccountsDialog::removeSelected);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) { m_remove->setEnabled(row >= 0); });
    if (m_accounts)
        connect(m_accounts, &Sync::AccountStore::accountsChanged, this, &AccountsDialog::reload);
    reload();
    resize(520, sizeHint().height());
}

QString AccountsDialog::statusText() const
{
    return m_status->text();
}

void AccountsDialog::setFormValues(const QString &url, qint64 accountId, const QString &token)
{
    m_url->setText(url);
    m_accountId->setValue(int(accountId));
    m_token->setText(token);
}

void AccountsDialog::reload()
{
    m_list->clear();
    if (!m_accounts)
        return;
    const auto all = m_accounts->accounts();
    for (const auto &account : all) {
        const QString mode = account.sessionOnly ? tr("this session only") : tr("token in the keychain");
        auto *item = new QListWidgetItem(tr("%1 — %2, account %3 (%4)")
                                             .arg(account.displayName, account.baseUrl)
                                             .arg(account.remoteAccountId)
                                             .arg(mode),
                                         m_list);
        item->setData(Qt::UserRole, account.id);
    }
    if (all.isEmpty())
        new QListWidgetItem(tr("No account yet: the demo workspace is shown."), m_list);
    m_remove->setEnabled(false);
}

void AccountsDialog::showStatus(const QString &text, bool failed)
{
    m_status->setText(text);
    m_status->setStyleSheet(failed ? QStringLiteral("color: #b3261e;") : QStringLiteral("color: #1e7b34;"));
}

void AccountsDialog::setBusy(bool busy)
{
    m_test->setEnabled(!busy);
    m_add->setEnabled(!busy);
    if (busy)
        showStatus(tr("Checking %1 …").arg(m_url->text().trimmed()), false);
}

void AccountsDialog::testConnection()
{
    checkToken(QString(), false);
}

void AccountsDialog::addAccount()
{
    checkToken(QString(), true);
}

void AccountsDialog::checkToken(const QString &signedInToken, bool thenAdd)
{
    const QUrl url = QUrl::fromUserInput(m_url->text().trimmed());
    if (!url.isValid() || url.host().isEmpty()) {
        showStatus(tr("Enter the address of your Chatwoot server, e.g. https://desk.example.com."), true);
        return;
    }
    const bool byPassword = m_credentials->currentIndex() == 1;
    if (byPassword && signedInToken.isEmpty()) {
        setBusy(true);
        auto *job = new ChatwootSignInJob(url, m_network, m_email->text().trimmed(), m_password->text(), this);
        connect(job, &ChatwootSignInJob::finished, this, [this, thenAdd](ChatwootSignInJob *job) {
            job->deleteLater();
            setBusy(false);
            if (job->error() != ChatwootSignInJob::Error::None) {
                showStatus(tr("Sign-in failed: %1").arg(job->errorString()), true);
                return;
            }
            checkToken(job->accessToken(), thenAdd);
        });
        job->start();
        return;
    }
    const QString token = byPassword ? signedInToken : m_token->text().trimmed();
    if (token.isEmpty()) {
        showStatus(tr("Paste the access token from your Chatwoot profile settings."), true);
        return;
    }
    ChatwootEndpoint endpoint;
    endpoint.baseUrl = url;
    endpoint.accountId = m_accountId->value();
    endpoint.token = token;
    endpoint.network = m_network;
    setBusy(true);
    auto *job = new ChatwootConnectionCheckJob(endpoint, this);
    connect(job, &ChatwootConnectionCheckJob::finished, this, [this, thenAdd, token, url](ChatwootConnectionCheckJob *job) {
        job->deleteLater();
        setBusy(false);
        if (job->error() != ChatwootConnectionCheckJob::Error::None) {
            showStatus(job->errorString(), true);
            return;
        }
        const QString who = job->profile().name;
        if (!thenAdd) {
            showStatus(tr("Connected as %1.").arg(who), false);
            return;
        }
        if (!m_connectors) {
            showStatus(tr("Sync is not running in this window."), true);
            return;
        }
        Sync::Account account;
        account.kind = QStringLiteral("chatwoot");
        account.baseUrl = url.toString(QUrl::StripTrailingSlash);
        account.remoteAccountId = m_accountId->value();
        account.displayName = who.isEmpty() ? url.host() : tr("%1 on %2").arg(who, url.host());
        account.sessionOnly = m_sessionOnly->isChecked();
        if (m_connectors->connectAccount(account, token) == 0) {
            showStatus(m_connectors->errorString(), true);
            return;
        }
        m_token->clear();
        m_password->clear();
        showStatus(tr("Added. The first sync has started."), false);
    });
    job->start();
}

void AccountsDialog::removeSelected()
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item || !m_connectors || !item->data(Qt::UserRole).isValid())
        return;
    if (!m_connectors->removeAccount(item->data(Qt::UserRole).toLongLong()))
        showStatus(m_connectors->errorString(), true);
}

} // namespace Counterpart::Ui
