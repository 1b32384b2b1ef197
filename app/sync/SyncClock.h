#pragma once

#include <QDateTime>

#include <functional>

namespace Counterpart::Sync {

/** Milliseconds since the epoch; injected so tests decide what "now" is. */
using SyncClock = std::function<qint64()>;

inline SyncClock systemClock()
{
    return [] { return QDateTime::currentMSecsSinceEpoch(); };
}

} // namespace Counterpart::Sync
