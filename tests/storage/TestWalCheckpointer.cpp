#include "storage/WalCheckpointer.h"
#include "support/TempDataDir.h"

#include <QFileInfo>
#include <QTest>

#include <sqlite3.h>

using Counterpart::Storage::WalCheckpointer;
using Counterpart::Testing::TempDataDir;

namespace {

constexpr int kPageSize = 4096;

bool exec(sqlite3 *db, const char *sql)
{
    return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
}

/** One transaction that adds `rows` rows of ~2 KB: about rows / 2 pages in the WAL. */
bool commitRows(sqlite3 *db, int rows)
{
    if (!exec(db, "BEGIN"))
        return false;
    for (int i = 0; i < rows; ++i) {
        if (!exec(db, "INSERT INTO t(payload) VALUES(randomblob(2000))"))
            return false;
    }
    return exec(db, "COMMIT");
}

qint64 rowCount(sqlite3 *db)
{
    sqlite3_stmt *statement = nullptr;
    sqlite3_prepare_v2(db, "SELECT count(*) FROM t", -1, &statement, nullptr);
    const qint64 count = sqlite3_step(statement) == SQLITE_ROW ? sqlite3_column_int64(statement, 0) : -1;
    sqlite3_finalize(statement);
    return count;
}

sqlite3 *openWal(const QString &path)
{
    sqlite3 *db = nullptr;
    sqlite3_open(path.toUtf8().constData(), &db);
    exec(db, "PRAGMA journal_mode=WAL");
    exec(db, "PRAGMA synchronous=NORMAL");
    return db;
}

/** A WAL database with one table, its writer connection, and a checkpointer not yet started. */
struct Rig
{
    Rig()
        : path(dir.cachePath()), writer(openWal(path))
    {
        created = exec(writer, "CREATE TABLE t(id INTEGER PRIMARY KEY, payload BLOB)");
    }
    ~Rig()
    {
        checkpointer.stop();
        sqlite3_close(writer);
    }
    bool start()
    {
        QString error;
        if (!checkpointer.start(writer, path, &error))
            qWarning("%s", qPrintable(error));
        return created && error.isEmpty();
    }

    TempDataDir dir;
    QString path;
    sqlite3 *writer = nullptr;
    bool created = false;
    WalCheckpointer checkpointer;
};

} // namespace

class TestWalCheckpointer : public QObject
{
    Q_OBJECT

private slots:
    void commitsAreCopiedBackByTheThread()
    {
        Rig rig;
        QVERIFY(rig.start());

        // Each commit leaves ~1,500 pages in the WAL: past the wake-up mark every time.
        for (int i = 0; i < 4; ++i)
            QVERIFY(commitRows(rig.writer, 3000));
        QTRY_VERIFY(rig.checkpointer.completedCheckpoints() > 0);
        // Copied back: the main file holds the rows without the WAL's help.
        QTRY_VERIFY2(QFileInfo(rig.path).size() > qint64(4 * 3000) * 2000,
                     qPrintable(QStringLiteral("%1 bytes").arg(QFileInfo(rig.path).size())));
        rig.checkpointer.stop();
        sqlite3_close(rig.writer);
        rig.writer = nullptr;

        sqlite3 *reader = openWal(rig.path);
        QCOMPARE(rowCount(reader), 12000);
        sqlite3_close(reader);
    }

    void aReaderHoldingASnapshotSeesItAndTheWalStartsOverAfterwards()
    {
        // A snapshot kept open (the dashboard's worker reading while a sync writes) stops every
        // checkpoint short of it, the thread's and the writer's inline one alike. The reader must
        // keep seeing its snapshot, and once it lets go the WAL must start over rather than grow
        // for the rest of the session.
        Rig rig;
        QVERIFY(commitRows(rig.writer, 10));
        QVERIFY(rig.start());

        const int commitsDuringSnapshot = WalCheckpointer::kInlinePages / 1000 + 2; // ~1,000 pages each
        sqlite3 *reader = openWal(rig.path);
        QVERIFY(exec(reader, "BEGIN"));
        QCOMPARE(rowCount(reader), 10); // the snapshot starts here
        for (int i = 0; i < commitsDuringSnapshot; ++i)
            QVERIFY(commitRows(rig.writer, 2000));
        QCOMPARE(rowCount(reader), 10);
        QVERIFY(exec(reader, "COMMIT"));
        QCOMPARE(rowCount(reader), 10 + commitsDuringSnapshot * 2000);

        for (int i = 0; i < 3; ++i)
            QVERIFY(commitRows(rig.writer, 2000));
        QTRY_VERIFY(rig.checkpointer.completedCheckpoints() > 0);
        // The frames now in the WAL: only what came after it started over. (Asking is itself a
        // checkpoint, which answers "busy" while the thread is running one.)
        auto framesInWal = [reader] {
            int frames = -1;
            int copied = -1;
            return sqlite3_wal_checkpoint_v2(reader, nullptr, SQLITE_CHECKPOINT_PASSIVE, &frames, &copied) == SQLITE_OK
                ? frames
                : -1;
        };
        int frames = -1;
        QTRY_VERIFY2((frames = framesInWal()) >= 0 && frames < WalCheckpointer::kInlinePages,
                     qPrintable(QString::number(frames)));
        QCOMPARE(rowCount(reader), 10 + (commitsDuringSnapshot + 3) * 2000);
        sqlite3_close(reader);
    }

    void stoppingHandsCheckpointsBackToSqlite()
    {
        Rig rig;
        QVERIFY(rig.start());
        rig.checkpointer.stop();
        const int before = rig.checkpointer.completedCheckpoints();
        for (int i = 0; i < 3; ++i)
            QVERIFY(commitRows(rig.writer, 3000));
        // No thread any more, and SQLite's automatic checkpoint is back: the WAL restarts
        // instead of holding all three commits (~4,500 pages).
        QCOMPARE(rig.checkpointer.completedCheckpoints(), before);
        const qint64 walBytes = QFileInfo(rig.path + QStringLiteral("-wal")).size();
        QVERIFY2(walBytes < qint64(3000) * (kPageSize + 24), qPrintable(QString::number(walBytes)));
    }

    void aFolderItCannotOpenLeavesTheWriterAlone()
    {
        Rig rig;
        QString error;
        QVERIFY(!rig.checkpointer.start(rig.writer, rig.dir.path() + QStringLiteral("/missing/cache.sqlite"), &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(commitRows(rig.writer, 100));
        QCOMPARE(rowCount(rig.writer), 100);
    }
};

QTEST_GUILESS_MAIN(TestWalCheckpointer)
#include "TestWalCheckpointer.moc"
