#include "ChatwootEndpoint.h"

#include <QRandomGenerator>

namespace Counterpart::Connectors::Chatwoot {

int ChatwootRetryPolicy::delayMs(int attempt) const
{
    const qint64 exponential = qint64(backoffBaseMs) << qBound(0, attempt - 1, 20);
    const qint64 capped = qMin<qint64>(exponential, backoffMaxMs);
    const double jitter = 0.5 + QRandomGenerator::global()->generateDouble();
    return int(qMin<qint64>(backoffMaxMs, qint64(double(capped) * jitter)));
}

QUrl ChatwootEndpoint::url(const QString &path, const QUrlQuery &query) const
{
    QUrl result = baseUrl;
    QString basePath = result.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    result.setPath(basePath + path);
    if (!query.isEmpty())
        result.setQuery(query);
    return result;
}

QUrl ChatwootEndpoint::accountUrl(const QString &path, const QUrlQuery &query) const
{
    return url(QStringLiteral("/api/v1/accounts/") + QString::number(accountId) + path, query);
}

} // namespace Counterpart::Connectors::Chatwoot
