#pragma once

// Shared by the GUI tests under tests/ui (header-only: the support library links no widgets).

#include "MainWindow.h"
#include "storage/CacheStore.h"
#include "storage/WorkspaceStore.h"
#include "support/CacheFixture.h"
#include "support/TempDataDir.h"

#include <QDir>
#include <QTest>
#include <QWidget>

#include <memory>

namespace Counterpart::Testing {

/** Opens both stores in `dir` and fills the cache with CacheFixture::multilingual(), agent 1 as "me". */
inline bool openMultilingualProfile(const TempDataDir &dir, Storage::CacheStore &cache,
                                    Storage::WorkspaceStore &workspace, QString *error)
{
    if (!cache.open(dir.cachePath()).ok || !workspace.open(dir.workspacePath()).ok) {
        *error = QStringLiteral("could not open the stores in ") + dir.path();
        return false;
    }
    const qint64 sourceId = CacheFixture::multilingual().ingestInto(cache, error);
    return sourceId != 0 && cache.setMeAgent(sourceId, CacheFixture::SupportAgent);
}

/** The real main window over a cache and workspace, shown, clock pinned to one hour in. */
inline std::unique_ptr<Ui::MainWindow> openMainWindow(Storage::CacheStore *cache,
                                                      Storage::WorkspaceStore *workspace)
{
    Ui::MainWindow::Options options;
    options.now = CacheFixture::at(60);
    Ui::Services services;
    services.cache = cache;
    services.workspace = workspace;
    auto window = std::make_unique<Ui::MainWindow>(services, options);
    window->show();
    window->activateWindow(); // window shortcuts only fire in the active window
    return window;
}

/** Saves a widget's rendering under the build folder's screenshots/, for a person to look at. */
inline bool saveScreenshot(QWidget *widget, const QString &name)
{
    const QString dir = QStringLiteral(COUNTERPART_BUILD_DIR "/screenshots");
    QDir().mkpath(dir);
    return widget->grab().save(dir + u'/' + name);
}

} // namespace Counterpart::Testing
