#include "SyncCommand.h"

#include "AccountCommand.h"
#include "CommandLine.h"
#include "common/Profile.h"
#include "credentials/KeychainCredentialStore.h"
#include "sync/AccountStore.h"
#include "sync/OutboxStore.h"
#include "sync/SyncEngine.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QTimer>

#include <iostream>
#include <memory>
#include <string>

namespace Counterpart::Cli {

namespace {

int fail(const QString &message, int code = 1)
{
    err() << "counterpart-cli sync: " << message << '\n';
    err().flush();
    return code;
}

} // namespace

int runSync(const QStringList &arguments)
{
    QStringList rest = arguments;
    takeOption(rest, QStringLiteral("data-dir"));
    const bool once = takeFlag(rest, QStringLiteral("once"));
    const bool tokenStdin = takeFlag(rest, QStringLiteral("token-stdin"));
    if (!rest.isEmpty())
        return fail(QStringLiteral("unexpected argument: %1").arg(rest.first()), 2);
    if (!once)
        return fail(QStringLiteral("only --once is supported on the command line (the desktop app keeps syncing)"), 2);

    Profile profile(Storage::DataLocation::resolve(arguments));
    Profile::DemoSettings noDemo;
    noDemo.createIfEmpty = false;
    const auto opened = profile.open(noDemo);
    if (!opened.ok)
        return fail(opened.error);

    Sync::AccountStore accounts(profile.workspace());
    const auto all = accounts.accounts();
    if (all.isEmpty())
        return fail(QStringLiteral("no accounts are configured; add one with: counterpart-cli account add"
                                   " --url URL --account-id N --token-stdin"));

    QString stdinToken;
    if (tokenStdin) {
        std::string line;
        std::getline(std::cin, line);
        stdinToken = QString::fromStdString(line).trimmed();
    }

    Sync::OutboxStore outbox(profile.workspace());
    Sync::SyncEngine engine(profile.cache(), &outbox);
    Sync::SyncEngine::Options options;
    options.realtime = false;
    engine.setOptions(options);
    QNetworkAccessManager network;
    Credentials::KeychainCredentialStore keychain;
    const ConnectorFactory factory = defaultConnectorFactory();
    QStringList problems;
    for (const auto &account : all) {
        QString token;
        if (account.sessionOnly) {
            token = stdinToken;
            if (token.isEmpty()) {
                problems.append(QStringLiteral("%1: its token is kept for one session only; give it with --token-stdin")
                                    .arg(account.displayName));
                continue;
            }
        } else {
            std::unique_ptr<Credentials::CredentialJob> job(keychain.readSecret(account.credentialKey()));
            job->exec();
            if (job->error() != Credentials::CredentialJob::Error::None) {
                problems.append(QStringLiteral("%1: %2").arg(account.displayName, job->errorString()));
                continue;
            }
            token = job->secret();
        }
        Sync::Connector *connector = factory(account, token, &network);
        if (!connector) {
            problems.append(QStringLiteral("%1: unknown account kind %2").arg(account.displayName, account.kind));
            continue;
        }
        engine.addConnector(connector);
    }

    QObject::connect(&engine, &Sync::SyncEngine::progress,
                     [](const QString &uid, const QString &what, int done, int total) {
                         err() << uid << ": " << what << ' ' << done << " / " << total << '\n';
                         err().flush();
                     });
    bool ok = true;
    QString message;
    if (!engine.sourceUids().isEmpty()) {
        QEventLoop loop;
        QObject::connect(&engine, &Sync::SyncEngine::finished, &loop,
                         [&](bool finishedOk, const QString &text) {
                             ok = finishedOk;
                             message = text;
                             loop.quit();
                         });
        // Bounded: a sync that has not ended after an hour is reported, not waited for.
        QTimer::singleShot(3600 * 1000, &loop, [&] {
            engine.cancel();
            loop.quit();
        });
        QTimer::singleShot(0, &engine, &Sync::SyncEngine::syncOnce);
        loop.exec();
        if (!ok && !message.isEmpty())
            problems.append(message);
    }
    if (!problems.isEmpty()) {
        err() << "counterpart-cli sync: could not finish:\n";
        for (const QString &problem : std::as_const(problems))
            err() << "  " << problem << '\n';
        err().flush();
        return 1;
    }
    out() << "Synced " << all.size() << " account(s): " << profile.cache()->conversationCount()
          << " conversations, " << profile.cache()->messageCount() << " messages; outbox empty\n";
    return 0;
}

} // namespace Counterpart::Cli
