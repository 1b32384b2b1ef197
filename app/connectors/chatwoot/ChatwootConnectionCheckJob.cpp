#include "ChatwootConnectionCheckJob.h"

#include "ChatwootParser.h"
#include "ChatwootRequestJob.h"

#include <QCoreApplication>

namespace Counterpart::Connectors::Chatwoot {

ChatwootConnectionCheckJob::ChatwootConnectionCheckJob(const ChatwootEndpoint &endpoint, QObject *parent)
    : QObject(parent)
    , m_endpoint(endpoint)
{
    // A check answers the person typing the URL: no long retry series.
    m_endpoint.retry.maxAttempts = 1;
}

void ChatwootConnectionCheckJob::start()
{
    const QUrl base = m_endpoint.baseUrl;
    if (!base.isValid() || base.host().isEmpty()
        || (base.scheme() != QLatin1String("http") && base.scheme() != QLatin1String("https"))) {
        finish(Error::Unreachable, QCoreApplication::translate("Chatwoot", "The server URL is not valid. It looks like https://desk.example.com."));
        return;
    }
    auto *job = new ChatwootRequestJob(m_endpoint, ChatwootRequestJob::Method::Get,
                                       m_endpoint.url(QStringLiteral("/api/v1/profile")), QJsonValue(QJsonValue::Undefined), this);
    connect(job, &ChatwootRequestJob::finished, this, &ChatwootConnectionCheckJob::onProfile);
    job->start();
}

void ChatwootConnectionCheckJob::onProfile(ChatwootRequestJob *job)
{
    job->deleteLater();
    const QString host = m_endpoint.baseUrl.host();
    switch (job->error()) {
    case Error::None:
        break;
    case Error::Unreachable:
        finish(Error::Unreachable, QCoreApplication::translate("Chatwoot", "Nothing answers at %1. Check the server URL and your connection (%2).")
                                       .arg(m_endpoint.baseUrl.toDisplayString(), job->errorString()));
        return;
    case Error::Tls:
        finish(Error::Tls, QCoreApplication::translate("Chatwoot", "A secure connection to %1 failed (TLS certificate or handshake). "
                                                                   "Check that the URL uses the right scheme (https or http) and that the certificate is valid.")
                               .arg(host));
        return;
    case Error::Unauthorized:
        finish(Error::Unauthorized, QCoreApplication::translate("Chatwoot", "The server refused the access token (401). "
                                                                            "Copy it again from your Chatwoot profile page, or sign in with email and password."));
        return;
    case Error::NotFound:
    case Error::NotHelpdesk:
    case Error::BadResponse:
        finish(Error::NotHelpdesk, QCoreApplication::translate("Chatwoot", "%1 answers, but not as a Chatwoot server. Check the URL (the address you open Chatwoot at in a browser).")
                                       .arg(m_endpoint.baseUrl.toDisplayString()));
        return;
    default:
        finish(job->error(), job->errorString());
        return;
    }
    m_profile = ChatwootParser::profile(job->json().toObject());
    if (!m_profile.isValid() || m_profile.pubsubToken.isEmpty()) {
        finish(Error::NotHelpdesk, QCoreApplication::translate("Chatwoot", "%1 answers, but not as a Chatwoot server. Check the URL.")
                                       .arg(m_endpoint.baseUrl.toDisplayString()));
        return;
    }
    if (!m_profile.accountIds.contains(m_endpoint.accountId)) {
        finish(Error::NotFound, QCoreApplication::translate("Chatwoot", "You are not a member of account %1 on this server. Check the account number in the Chatwoot address bar (/app/accounts/<number>/…).")
                                    .arg(m_endpoint.accountId));
        return;
    }
    auto *account = new ChatwootRequestJob(m_endpoint, ChatwootRequestJob::Method::Get,
                                           m_endpoint.accountUrl(QStringLiteral("/inboxes")), QJsonValue(QJsonValue::Undefined), this);
    connect(account, &ChatwootRequestJob::finished, this, &ChatwootConnectionCheckJob::onAccount);
    account->start();
}

void ChatwootConnectionCheckJob::onAccount(ChatwootRequestJob *job)
{
    job->deleteLater();
    if (job->error() == Error::None) {
        finish(Error::None, QCoreApplication::translate("Chatwoot", "Connected as %1.").arg(m_profile.name));
        return;
    }
    if (job->error() == Error::NotFound || job->error() == Error::Unauthorized) {
        // Signed in, but this account is unknown or closed to us (Pundit answers 401 here).
        finish(Error::NotFound, QCoreApplication::translate("Chatwoot", "Account %1 does not exist on this server or is not open to you.")
                                    .arg(m_endpoint.accountId));
        return;
    }
    finish(job->error(), job->errorString());
}

void ChatwootConnectionCheckJob::finish(Error error, const QString &message)
{
    m_error = error;
    m_errorString = message;
    emit finished(this);
}

} // namespace Counterpart::Connectors::Chatwoot
