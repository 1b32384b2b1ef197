#pragma once

#include <QString>
#include <QUrl>
#include <QUrlQuery>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
QT_END_NAMESPACE

namespace Counterpart::Connectors::Chatwoot {

/** Timeouts and backoff; tests shrink them so faults are exercised in milliseconds. */
struct ChatwootRetryPolicy
{
    int timeoutMs = 30000;
    int maxAttempts = 5;      ///< per request, for 429, 5xx, timeouts and broken answers
    int backoffBaseMs = 1000; ///< doubled on every attempt, with jitter
    int backoffMaxMs = 60000;

    /** Exponential backoff with +-50 % jitter, so that many clients do not retry in step. */
    int delayMs(int attempt) const;
};

/** Where and as whom to talk: one Chatwoot account. */
struct ChatwootEndpoint
{
    QUrl baseUrl;
    qint64 accountId = 0;
    QString token;
    QNetworkAccessManager *network = nullptr;
    ChatwootRetryPolicy retry;

    /** `path` below the server root, e.g. "/api/v1/profile". */
    QUrl url(const QString &path, const QUrlQuery &query = {}) const;
    /** `path` below /api/v1/accounts/<id>, e.g. "/conversations". */
    QUrl accountUrl(const QString &path, const QUrlQuery &query = {}) const;
};

} // namespace Counterpart::Connectors::Chatwoot
