#pragma once

#include "ChatwootEndpoint.h"
#include "ChatwootTypes.h"
#include "sync/Connector.h"

#include <QObject>

namespace Counterpart::Connectors::Chatwoot {

class ChatwootRequestJob;

/** Trades email and password for the user's access token (POST /auth/sign_in). */
class ChatwootSignInJob : public QObject
{
    Q_OBJECT
public:
    using Error = Sync::Connector::Error;

    ChatwootSignInJob(const QUrl &baseUrl, QNetworkAccessManager *network, const QString &email,
                      const QString &password, QObject *parent = nullptr);

    void start();
    Error error() const { return m_error; }
    QString errorString() const { return m_errorString; }
    QString accessToken() const { return m_profile.accessToken; }
    ChatwootProfile profile() const { return m_profile; }

signals:
    void finished(Counterpart::Connectors::Chatwoot::ChatwootSignInJob *job);

private:
    ChatwootEndpoint m_endpoint;
    QString m_email;
    QString m_password;
    ChatwootProfile m_profile;
    Error m_error = Error::None;
    QString m_errorString;
};

} // namespace Counterpart::Connectors::Chatwoot
