#include "ChatwootSignInJob.h"

#include "ChatwootParser.h"
#include "ChatwootRequestJob.h"

#include <QCoreApplication>

namespace Counterpart::Connectors::Chatwoot {

ChatwootSignInJob::ChatwootSignInJob(const QUrl &baseUrl, QNetworkAccessManager *network, const QString &email,
                                     const QString &password, QObject *parent)
    : QObject(parent)
    , m_email(email)
    , m_password(password)
{
    m_endpoint.baseUrl = baseUrl;
    m_endpoint.network = network;
    // The server allows 5 sign-ins per 5 minutes: never retry on our own.
    m_endpoint.retry.maxAttempts = 1;
}

void ChatwootSignInJob::start()
{
    auto *job = new ChatwootRequestJob(m_endpoint, ChatwootRequestJob::Method::Post, m_endpoint.url(QStringLiteral("/auth/sign_in")),
                                       QJsonObject{{QStringLiteral("email"), m_email}, {QStringLiteral("password"), m_password}}, this);
    job->setSendToken(false);
    job->setRetryTransient(false);
    connect(job, &ChatwootRequestJob::finished, this, [this](ChatwootRequestJob *job) {
        job->deleteLater();
        m_error = job->error();
        m_errorString = job->errorString();
        if (m_error == Error::Unauthorized) {
            m_errorString = QCoreApplication::translate("Chatwoot", "The email or password is not correct.");
        } else if (m_error == Error::None) {
            m_profile = ChatwootParser::profile(job->json().toObject().value(QLatin1String("data")).toObject());
            if (m_profile.accessToken.isEmpty()) {
                m_error = Error::NotHelpdesk;
                m_errorString = QCoreApplication::translate("Chatwoot", "The server did not hand out an access token. Is this a Chatwoot server?");
            }
        }
        emit finished(this);
    });
    job->start();
}

} // namespace Counterpart::Connectors::Chatwoot
