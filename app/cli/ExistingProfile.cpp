#include "ExistingProfile.h"

#include "CommandLine.h"
#include "storage/DataLocation.h"

#include <QFileInfo>

namespace Counterpart::Cli {

std::unique_ptr<Profile> openExistingProfile(const QString &command, QStringList &arguments)
{
    const QString directory = Storage::DataLocation::resolve(
        {QStringLiteral("--data-dir"), takeOption(arguments, QStringLiteral("data-dir"))});
    Storage::DataLocation location(directory);
    if (!QFileInfo::exists(location.cachePath())) {
        err() << command << ": there is no cache in " << directory << " yet. Run `counterpart-cli demo --data-dir "
              << directory << "` or open Counterpart once.\n";
        return nullptr;
    }
    auto profile = std::make_unique<Profile>(directory);
    Profile::DemoSettings noDemo;
    noDemo.createIfEmpty = false;
    const auto opened = profile->open(noDemo);
    if (!opened.ok) {
        err() << command << ": " << opened.error << "\n";
        return nullptr;
    }
    if (!opened.notice.isEmpty())
        err() << opened.notice << "\n";
    return profile;
}

} // namespace Counterpart::Cli
