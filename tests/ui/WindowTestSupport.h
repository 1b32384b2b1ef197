#pragma once

// Shared by the GUI tests under tests/ui (header-only: the support library links no widgets).

#include "KeyboardController.h"
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

/**
 * One agent's profile in the real main window, for the GUI tests that take the multilingual
 * fixture as it is: a fresh data folder, both stores with CacheFixture::multilingual() in the
 * cache (agent 1 as "me"), and the window over them, shown, clock pinned to one hour in.
 * open() in init() and reset() in cleanup() give every test function the same start.
 */
class MainWindowFixture
{
public:
    MainWindowFixture() = default;
    MainWindowFixture(const MainWindowFixture &) = delete;
    MainWindowFixture &operator=(const MainWindowFixture &) = delete;
    ~MainWindowFixture() { reset(); }

    /** Replaces whatever was open. The window is shown and asked to activate, not waited for. */
    bool open(QString *error)
    {
        reset();
        m_dir = std::make_unique<TempDataDir>();
        m_cache = std::make_unique<Storage::CacheStore>();
        m_workspace = std::make_unique<Storage::WorkspaceStore>();
        if (!openMultilingualProfile(error))
            return false;
        reopenWindow();
        return true;
    }

    /** A new window over the same stores, as the agent's next start would show it. */
    void reopenWindow()
    {
        // One window at a time, as after a restart: the old one's parts still listen to the stores.
        m_window.reset();
        Ui::MainWindow::Options options;
        options.now = CacheFixture::at(60);
        Ui::Services services;
        services.cache = m_cache.get();
        services.workspace = m_workspace.get();
        m_window = std::make_unique<Ui::MainWindow>(services, options);
        m_window->show();
        m_window->activateWindow(); // window shortcuts only fire in the active window
    }

    /** The window first: it and its models use the stores until they are gone. */
    void reset()
    {
        m_window.reset();
        m_cache.reset();
        m_workspace.reset();
        m_dir.reset();
    }

    Ui::MainWindow *window() const { return m_window.get(); }
    Storage::CacheStore *cache() const { return m_cache.get(); }
    Storage::WorkspaceStore *workspace() const { return m_workspace.get(); }
    Ui::KeyboardController *keyboard() const
    {
        return m_window->findChild<Ui::KeyboardController *>(QStringLiteral("keyboardController"));
    }

private:
    bool openMultilingualProfile(QString *error)
    {
        if (!m_cache->open(m_dir->cachePath()).ok
            || !m_workspace->open(m_dir->workspacePath()).ok) {
            *error = QStringLiteral("could not open the stores in ") + m_dir->path();
            return false;
        }
        const qint64 sourceId = CacheFixture::multilingual().ingestInto(*m_cache, error);
        if (sourceId == 0)
            return false;
        if (!m_cache->setMeAgent(sourceId, CacheFixture::SupportAgent)) {
            *error = QStringLiteral("could not make the support agent \"me\"");
            return false;
        }
        return true;
    }

    std::unique_ptr<TempDataDir> m_dir;
    std::unique_ptr<Storage::CacheStore> m_cache;
    std::unique_ptr<Storage::WorkspaceStore> m_workspace;
    std::unique_ptr<Ui::MainWindow> m_window;
};

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
