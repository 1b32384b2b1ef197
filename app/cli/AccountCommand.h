#pragma once

#include <QStringList>

#include <functional>

class QNetworkAccessManager;
class QObject;

namespace Counterpart::Sync {
class Connector;
struct Account;
}

namespace Counterpart::Cli {

/** Makes the connector for an account; replaced in tests. Null for an unknown kind. */
using ConnectorFactory = std::function<Sync::Connector *(const Sync::Account &account, const QString &token,
                                                         QNetworkAccessManager *network)>;
ConnectorFactory defaultConnectorFactory();

/**
 * `account add --url URL --account-id N --token-stdin [--session-only] [--name NAME]`,
 * `account list`, `account remove ID` (all with [--data-dir DIR]). The token is read from
 * standard input only, checked against the server, then kept in the system keychain; it is never
 * printed, logged or written to a file.
 */
int runAccount(const QStringList &arguments);

} // namespace Counterpart::Cli
