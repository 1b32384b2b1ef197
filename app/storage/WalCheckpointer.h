#pragma once

#include <QString>

#include <condition_variable>
#include <mutex>
#include <thread>

struct sqlite3;

namespace Counterpart::Storage {

/**
 * Copies a WAL database's committed pages back into the main file on a thread and connection of
 * its own, instead of inside the writer's COMMIT. SQLite's automatic checkpoint runs in the
 * committing call and syncs the file twice: during a sync from the server that is most of each
 * page's commit time, spent on the thread that also paints the window.
 *
 * The writer's commits only wake the thread. The WAL file starts over only when a transaction
 * begins with every page already copied back, which a thread working alongside a busy writer
 * seldom allows; so past kInlinePages the writer checkpoints inline, as SQLite would, and that
 * bounds the file (also when a reader holding an old snapshot keeps checkpoints from finishing).
 */
class WalCheckpointer
{
public:
    /** Pages in the WAL after which a checkpoint is started (SQLite's default). */
    static constexpr int kWakePages = 1000;
    /** Pages after which the writer stops waiting for the thread and checkpoints itself. */
    static constexpr int kInlinePages = 40000;

    WalCheckpointer() = default;
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer &) = delete;
    WalCheckpointer &operator=(const WalCheckpointer &) = delete;

    /** Takes over the checkpoints of `writer`, whose database file is `path`. */
    bool start(sqlite3 *writer, const QString &path, QString *error);
    /** Waits for a running checkpoint, stops the thread and gives `writer` back its own. */
    void stop();

    /** Checkpoints the background thread has completed (for tests and the benchmark). */
    int completedCheckpoints() const;

private:
    static int onCommit(void *self, sqlite3 *db, const char *schema, int walPages);
    void run();

    sqlite3 *m_writer = nullptr;
    sqlite3 *m_own = nullptr;
    std::thread m_thread;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_pending = false;
    bool m_stopping = false;
    int m_completed = 0;
};

} // namespace Counterpart::Storage
