#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QNetworkAccessManager;
class QPushButton;
class QSpinBox;
class QStackedWidget;

namespace Counterpart::Sync {
class AccountConnectors;
class AccountStore;
} // namespace Counterpart::Sync

namespace Counterpart::Ui {

/**
 * Settings > Accounts: the connected helpdesk accounts, and a form to add one (server URL,
 * account id, then an access token or e-mail and password) with "Test connection" that shows
 * the plain reason of any failure before anything is stored.
 */
class AccountsDialog : public QDialog
{
    Q_OBJECT
public:
    AccountsDialog(Sync::AccountStore *accounts, Sync::AccountConnectors *connectors,
                   QWidget *parent = nullptr);

    /** The line under the form: the last test result or error, for tests and screenshots. */
    QString statusText() const;
    void setFormValues(const QString &url, qint64 accountId, const QString &token);

    /** Checks URL, account and token (signing in first when e-mail and password are given). */
    void testConnection();

private:
    void reload();
    void addAccount();
    void removeSelected();
    void showStatus(const QString &text, bool failed);
    void setBusy(bool busy);
    void checkToken(const QString &token, bool thenAdd);

    Sync::AccountStore *m_accounts;
    Sync::AccountConnectors *m_connectors;
    QNetworkAccessManager *m_network;
    QListWidget *m_list = nullptr;
    QPushButton *m_remove = nullptr;
    QLineEdit *m_url = nullptr;
    QSpinBox *m_accountId = nullptr;
    QStackedWidget *m_credentials = nullptr;
    QLineEdit *m_token = nullptr;
    QLineEdit *m_email = nullptr;
    QLineEdit *m_password = nullptr;
    QCheckBox *m_sessionOnly = nullptr;
    QPushButton *m_test = nullptr;
    QPushButton *m_add = nullptr;
    QLabel *m_status = nullptr;
    QString m_checkedToken;
};

} // namespace Counterpart::Ui
