#pragma once

#include "Migration.h"

namespace Counterpart::Storage {

/** The ordered migrations of cache.sqlite, the disposable mirror of the helpdesk. */
QList<Migration> cacheMigrations();

} // namespace Counterpart::Storage
