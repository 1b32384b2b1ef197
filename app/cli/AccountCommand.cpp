#include "AccountCommand.h"

#include "CommandLine.h"
#include "connectors/chatwoot/ChatwootConnector.h"
#include "credentials/KeychainCredentialStore.h"
#include "storage/DataLocation.h"
#include "storage/WorkspaceStore.h"
#include "sync/AccountStore.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QTimer>
#include <QUrl>

#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

namespace Counterpart::Cli {

namespace {

int fail(const QString &message, int code = 1)
{
    err() << "counterpart-cli account: " << message << '\n';
    err().flush();
    return code;
}

QString readTokenFromStdin()
{
    std::string line;
    std::getline(std::cin, line);
    return QString::fromStdString(line).trimmed();
}

bool openWorkspace(const QStringList &arguments, Storage::WorkspaceStore &workspace, QString *error)
{
    const Storage::DataLocation location(Storage::DataLocation::resolve(arguments));
    if (!location.ensureExists(error))
        return false;
    const auto report = workspace.open(location.workspacePath());
    if (!report.ok)
        *error = report.message;
    return report.ok;
}

/** Asks the server once; empty when the URL, account and token work. */
QString checkConnection(Sync::Connector *connector)
{
    QEventLoop loop;
    QString problem = QStringLiteral("the server did not answer within 60 s");
    QObject::connect(connector, &Sync::Connector::connectionChecked, &loop,
                     [&](Sync::Connector::Error error, const QString &message) {
                         problem = error == Sync::Connector::Error::None ? QString() : message;
                         loop.quit();
                     });
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    connector->checkConnection();
    loop.exec();
    return problem;
}

int add(QStringList rest, const QStringList &arguments)
{
    const QString url = takeOption(rest, QStringLiteral("url"));
    bool ok = false;
    const qint64 remoteAccountId = takeOption(rest, QStringLiteral("account-id")).toLongLong(&ok);
    const QString name = takeOption(rest, QStringLiteral("name"));
    const bool tokenStdin = takeFlag(rest, QStringLiteral("token-stdin"));
    const bool sessionOnly = takeFlag(rest, QStringLiteral("session-only"));
    if (!rest.isEmpty())
        return fail(QStringLiteral("unexpected argument: %1").arg(rest.first()), 2);
    const QUrl parsed(url);
    if (url.isEmpty() || !parsed.isValid() || parsed.host().isEmpty()
        || !(parsed.scheme() == QLatin1String("https") || parsed.scheme() == QLatin1String("http")))
        return fail(QStringLiteral("--url needs the helpdesk's address, like https://desk.example.com"), 2);
    if (!ok || remoteAccountId <= 0)
        return fail(QStringLiteral("--account-id needs the account number (a whole number above 0)"), 2);
    if (!tokenStdin)
        return fail(QStringLiteral("give the access token on standard input with --token-stdin"
                                   " (it is never taken as an argument, where other users could see it)"), 2);
    const QString token = readTokenFromStdin();
    if (token.isEmpty())
        return fail(QStringLiteral("no token arrived on standard input"), 2);

    Storage::WorkspaceStore workspace;
    QString error;
    if (!openWorkspace(arguments, workspace, &error))
        return fail(error);

    Sync::Account account;
    account.kind = QStringLiteral("chatwoot");
    account.baseUrl = parsed.toString(QUrl::StripTrailingSlash);
    account.remoteAccountId = remoteAccountId;
    account.displayName = name.isEmpty() ? parsed.host() : name;
    account.sessionOnly = sessionOnly;

    QNetworkAccessManager network;
    std::unique_ptr<Sync::Connector> connector(defaultConnectorFactory()(account, token, &network));
    if (!connector)
        return fail(QStringLiteral("unknown account kind %1").arg(account.kind));
    account.sourceUid = connector->sourceUid();
    Sync::AccountStore accounts(&workspace);
    if (accounts.accountBySourceUid(account.sourceUid))
        return fail(QStringLiteral("this account is already connected (%1)").arg(account.sourceUid));
    err() << "Checking " << account.baseUrl << " ...\n";
    err().flush();
    const QString problem = checkConnection(connector.get());
    if (!problem.isEmpty())
        return fail(QStringLiteral("the connection check failed: %1").arg(problem));

    if (!sessionOnly) {
        Credentials::KeychainCredentialStore keychain;
        std::unique_ptr<Credentials::CredentialJob> job(keychain.writeSecret(account.credentialKey(), token));
        job->exec();
        if (job->error() != Credentials::CredentialJob::Error::None) {
            return fail(QStringLiteral("%1 The token was not stored anywhere. To use it for this session"
                                       " only, add --session-only (sync then needs --token-stdin again).")
                            .arg(job->errorString()), 3);
        }
    }
    const qint64 id = accounts.add(account);
    if (id == 0)
        return fail(accounts.errorString());
    out() << "Added account " << id << ": " << account.displayName << " (" << account.baseUrl
          << ", account " << remoteAccountId << ")"
          << (sessionOnly ? ", token kept for this session only" : ", token in the system keychain")
          << '\n';
    return 0;
}

int list(const QStringList &rest, const QStringList &arguments)
{
    if (!rest.isEmpty())
        return fail(QStringLiteral("unexpected argument: %1").arg(rest.first()), 2);
    Storage::WorkspaceStore workspace;
    QString error;
    if (!openWorkspace(arguments, workspace, &error))
        return fail(error);
    Sync::AccountStore accounts(&workspace);
    const auto all = accounts.accounts();
    if (all.isEmpty()) {
        out() << "No accounts. Add one with: counterpart-cli account add --url URL --account-id N --token-stdin\n";
        return 0;
    }
    for (const auto &account : all) {
        out() << account.id << '\t' << account.kind << '\t' << account.baseUrl << '\t' << account.remoteAccountId
              << '\t' << account.displayName << '\t'
              << (account.sessionOnly ? "session only" : "keychain") << '\n';
    }
    return 0;
}

int remove(QStringList rest, const QStringList &arguments)
{
    bool ok = false;
    const qint64 id = rest.isEmpty() ? 0 : rest.takeFirst().toLongLong(&ok);
    if (!ok || !rest.isEmpty())
        return fail(QStringLiteral("usage: account remove ID (see account list)"), 2);
    Storage::WorkspaceStore workspace;
    QString error;
    if (!openWorkspace(arguments, workspace, &error))
        return fail(error);
    Sync::AccountStore accounts(&workspace);
    const auto account = accounts.account(id);
    if (!account)
        return fail(QStringLiteral("there is no account %1").arg(id));
    if (!account->sessionOnly) {
        Credentials::KeychainCredentialStore keychain;
        std::unique_ptr<Credentials::CredentialJob> job(keychain.removeSecret(account->credentialKey()));
        job->exec();
        if (job->error() != Credentials::CredentialJob::Error::None)
            err() << "counterpart-cli account: the token could not be removed from the keychain: "
                  << job->errorString() << '\n';
    }
    if (!accounts.remove(id))
        return fail(accounts.errorString());
    out() << "Removed account " << id << '\n';
    return 0;
}

} // namespace

ConnectorFactory defaultConnectorFactory()
{
    return [](const Sync::Account &account, const QString &token,
              QNetworkAccessManager *network) -> Sync::Connector * {
        if (account.kind == QLatin1String("chatwoot"))
            return new Connectors::Chatwoot::ChatwootConnector(QUrl(account.baseUrl), account.remoteAccountId,
                                                               token, network);
        return nullptr;
    };
}

int runAccount(const QStringList &arguments)
{
    QStringList rest = arguments;
    takeOption(rest, QStringLiteral("data-dir"));
    if (rest.isEmpty())
        return fail(QStringLiteral("usage: account add|list|remove ..."), 2);
    const QString verb = rest.takeFirst();
    if (verb == QLatin1String("add"))
        return add(rest, arguments);
    if (verb == QLatin1String("list"))
        return list(rest, arguments);
    if (verb == QLatin1String("remove"))
        return remove(rest, arguments);
    return fail(QStringLiteral("unknown account command %1 (add, list, remove)").arg(verb), 2);
}

} // namespace Counterpart::Cli
