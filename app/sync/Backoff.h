#pragma once

#include <QtGlobal>

#include <functional>

namespace Counterpart::Sync {

/**
 * Exponential backoff with jitter: attempt n waits between half and all of
 * min(maximum, initial * 2^(n-1)). The jitter spreads the retries of many clients after a
 * server outage; the lower half bound keeps a retry from coming back almost at once.
 * `random` returns a value in [0, 1); injected so tests get a fixed schedule.
 */
class Backoff
{
public:
    struct Policy
    {
        qint64 initialMs = 1000;
        qint64 maximumMs = 5 * 60 * 1000;
    };

    Backoff();
    explicit Backoff(Policy policy, std::function<double()> random = {});

    const Policy &policy() const { return m_policy; }
    /** Delay before attempt `attempt` (1 = the first retry); 0 for attempt <= 0. */
    qint64 delayMs(int attempt) const;
    /** The moment to try again, given a server's Retry-After in ms (0: none), never earlier. */
    qint64 nextAttemptAt(qint64 nowMs, int attempt, qint64 retryAfterMs = 0) const;

private:
    Policy m_policy;
    std::function<double()> m_random;
};

} // namespace Counterpart::Sync
