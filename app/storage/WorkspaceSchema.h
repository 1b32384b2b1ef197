#pragma once

#include "Migration.h"

namespace Counterpart::Storage {

/**
 * The ordered migrations of workspace.sqlite, the user's own data. Server objects are referred to
 * by (source_uid, remote id), never by cache rowids, because the cache may be rebuilt at any time.
 * New features append a migration at the end; existing ones are never edited.
 */
QList<Migration> workspaceMigrations();

} // namespace Counterpart::Storage
