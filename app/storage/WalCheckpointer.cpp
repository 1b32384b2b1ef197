#include "WalCheckpointer.h"

#include <sqlite3.h>

namespace Counterpart::Storage {

WalCheckpointer::~WalCheckpointer() { stop(); }

bool WalCheckpointer::start(sqlite3 *writer, const QString &path, QString *error)
{
    stop();
    if (!writer)
        return false;
    if (sqlite3_open_v2(path.toUtf8().constData(), &m_own, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        if (error)
            *error = QString::fromUtf8(sqlite3_errmsg(m_own));
        sqlite3_close(m_own);
        m_own = nullptr;
        return false;
    }
    // SQLite 3.40 only checkpoints through a connection that has the WAL open, and a connection
    // opens it on its first read: without this every checkpoint is a silent no-op.
    if (sqlite3_exec(m_own, "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr) != SQLITE_OK) {
        if (error)
            *error = QString::fromUtf8(sqlite3_errmsg(m_own));
        sqlite3_close(m_own);
        m_own = nullptr;
        return false;
    }
    m_writer = writer;
    m_stopping = false;
    m_pending = false;
    // Replaces the automatic checkpoint, which is itself a WAL hook (sqlite3_wal_autocheckpoint).
    sqlite3_wal_hook(m_writer, &WalCheckpointer::onCommit, this);
    m_thread = std::thread([this] { run(); });
    return true;
}

void WalCheckpointer::stop()
{
    if (!m_thread.joinable())
        return;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    m_thread.join();
    sqlite3_wal_autocheckpoint(m_writer, kWakePages);
    sqlite3_close(m_own);
    m_own = nullptr;
    m_writer = nullptr;
}

int WalCheckpointer::completedCheckpoints() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_completed;
}

int WalCheckpointer::onCommit(void *self, sqlite3 *db, const char *schema, int walPages)
{
    auto *checkpointer = static_cast<WalCheckpointer *>(self);
    if (walPages >= kInlinePages) {
        sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    } else if (walPages >= kWakePages) {
        {
            std::lock_guard<std::mutex> lock(checkpointer->m_mutex);
            checkpointer->m_pending = true;
        }
        checkpointer->m_wake.notify_one();
    }
    return SQLITE_OK;
}

void WalCheckpointer::run()
{
    std::unique_lock<std::mutex> lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_pending || m_stopping; });
        if (m_stopping)
            return;
        m_pending = false;
        lock.unlock();
        // PASSIVE never waits for the writer or readers: it copies what no snapshot still needs,
        // and the next commit wakes it for the rest.
        const bool done = sqlite3_wal_checkpoint_v2(m_own, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr)
            == SQLITE_OK;
        lock.lock();
        if (done)
            ++m_completed;
    }
}

} // namespace Counterpart::Storage
