#include "Backoff.h"

#include <QRandomGenerator>

#include <algorithm>

namespace Counterpart::Sync {

Backoff::Backoff()
    : Backoff(Policy{})
{
}

Backoff::Backoff(Policy policy, std::function<double()> random)
    : m_policy(policy), m_random(std::move(random))
{
    if (!m_random)
        m_random = [] { return QRandomGenerator::global()->generateDouble(); };
}

qint64 Backoff::delayMs(int attempt) const
{
    if (attempt <= 0)
        return 0;
    // Doubling stops once the cap is reached, so a long outage cannot overflow the shift.
    qint64 ceiling = std::max<qint64>(1, m_policy.initialMs);
    for (int i = 1; i < attempt && ceiling < m_policy.maximumMs; ++i)
        ceiling *= 2;
    ceiling = std::min(ceiling, m_policy.maximumMs);
    const double jitter = std::clamp(m_random(), 0.0, 1.0);
    return ceiling / 2 + qint64(double(ceiling - ceiling / 2) * jitter);
}

qint64 Backoff::nextAttemptAt(qint64 nowMs, int attempt, qint64 retryAfterMs) const
{
    return nowMs + std::max(delayMs(attempt), retryAfterMs);
}

} // namespace Counterpart::Sync
