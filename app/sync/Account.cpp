#include "Account.h"

namespace Counterpart::Sync {

QString Account::makeSourceUid(const QString &kind, const QString &baseUrl, qint64 remoteAccountId)
{
    QString url = baseUrl.trimmed();
    while (url.endsWith(QLatin1Char('/')))
        url.chop(1);
    return kind + QLatin1Char(':') + url + QLatin1Char('#') + QString::number(remoteAccountId);
}

} // namespace Counterpart::Sync
