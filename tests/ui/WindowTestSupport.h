#pragma once

// Shared by the GUI tests under tests/ui (header-only: the support library links no widgets).

#include "MainWindow.h"
#include "storage/CacheStore.h"
#include "storage/WorkspaceStore.h"
#include "support/CacheFixture.h"
#include "support/TempDataDir.h"

#include <QApplication>
#include <QDir>
#include <QTest>
#include <QTimer>
#include <QWidget>

#include <functional>
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

/**
 * Handles the next modal dialog (exec() blocks the test while it is open) with `handle`. Lives
 * on the stack: a dialog that never opened leaves no handler behind to catch the next test's.
 */
class NextModal
{
public:
    explicit NextModal(std::function<void(QWidget *)> handle)
    {
        m_timer.setInterval(20);
        QObject::connect(&m_timer, &QTimer::timeout, [this, handle = std::move(handle)] {
            if (QWidget *modal = QApplication::activeModalWidget()) {
                m_timer.stop();
                handle(modal);
            }
        });
        m_timer.start();
    }
    NextModal(const NextModal &) = delete;
    NextModal &operator=(const NextModal &) = delete;

private:
    QTimer m_timer;
};

/** Types any text, one key event per character as an input method delivers it: QTest::keyClicks
 *  only knows Latin-1 and aborts on Greek or Chinese. */
inline void typeText(QWidget *widget, const QString &text)
{
    for (const QChar c : text) {
        QTest::sendKeyEvent(QTest::Press, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
        QTest::sendKeyEvent(QTest::Release, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
    }
}

/** Saves a widget's rendering under the build folder's screenshots/, for a person to look at. */
inline bool saveScreenshot(QWidget *widget, const QString &name)
{
    const QString dir = QStringLiteral(COUNTERPART_BUILD_DIR "/screenshots");
    QDir().mkpath(dir);
    return widget->grab().save(dir + u'/' + name);
}

} // namespace Counterpart::Testing
