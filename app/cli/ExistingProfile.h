#pragma once

#include "common/Profile.h"

#include <QStringList>

#include <memory>

namespace Counterpart::Cli {

/**
 * Opens the profile named by `--data-dir` (taken from `arguments`), or the default one, without
 * ever creating a demo: commands that read data say plainly when there is none. Errors are
 * printed prefixed with `command`; nullptr then.
 */
std::unique_ptr<Profile> openExistingProfile(const QString &command, QStringList &arguments);

} // namespace Counterpart::Cli
