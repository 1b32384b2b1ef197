#pragma once

#include "ChatwootEndpoint.h"
#include "ChatwootTypes.h"
#include "sync/Connector.h"

#include <QObject>
#include <QPointer>

namespace Counterpart::Connectors::Chatwoot {

class ChatwootRequestJob;

/**
 * Checks URL, token and account in two calls (profile, then the account's inboxes) and turns
 * every failure into a sentence an agent can act on: wrong URL, TLS problem, invalid token,
 * unknown account, server unreachable, not a Chatwoot server.
 */
class ChatwootConnectionCheckJob : public QObject
{
    Q_OBJECT
public:
    using Error = Sync::Connector::Error;

    ChatwootConnectionCheckJob(const ChatwootEndpoint &endpoint, QObject *parent = nullptr);

    void start();
    Error error() const { return m_error; }
    QString errorString() const { return m_errorString; }
    ChatwootProfile profile() const { return m_profile; }

signals:
    void finished(Counterpart::Connectors::Chatwoot::ChatwootConnectionCheckJob *job);

private:
    void onProfile(ChatwootRequestJob *job);
    void onAccount(ChatwootRequestJob *job);
    void finish(Error error, const QString &message);

    ChatwootEndpoint m_endpoint;
    ChatwootProfile m_profile;
    Error m_error = Error::None;
    QString m_errorString;
};

} // namespace Counterpart::Connectors::Chatwoot
