#include "search/SearchIndex.h"
#include "storage/CacheSchema.h"
#include "storage/CacheStore.h"
#include "storage/Database.h"
#include "storage/WorkspaceSchema.h"
#include "storage/WorkspaceStore.h"
#include "support/CacheFixture.h"
#include "support/TempDataDir.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Counterpart;
using namespace Counterpart::Storage;
using Counterpart::Search::SearchHit;
using Counterpart::Search::SearchIndex;
using Counterpart::Testing::CacheFixture;
using Counterpart::Testing::TempDataDir;

namespace {

QStringList messageSnippets(const QSqlDatabase &db, const QString &query)
{
    QStringList result;
    for (const SearchHit &hit : SearchIndex(db).searchMessages(query))
        result.append(hit.snippet);
    return result;
}

QStringList contactTitles(const QSqlDatabase &db, const QString &query)
{
    QStringList result;
    for (const SearchHit &hit : SearchIndex(db).searchContacts(query))
        result.append(hit.title);
    return result;
}

int userVersion(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    return query.exec(QStringLiteral("PRAGMA user_version")) && query.next() ? query.value(0).toInt() : -1;
}

// Every table, index and trigger with its SQL: what an upgraded file must share with a new one.
QStringList schemaOf(const QSqlDatabase &db)
{
    QStringList schema;
    QSqlQuery query(db);
    query.exec(QStringLiteral("SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master"
                              " ORDER BY type, name"));
    while (query.next())
        schema.append(query.value(0).toString());
    return schema;
}

bool exec(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return true;
    qWarning() << query.lastError().text() << sql;
    return false;
}

// A version-1 cache written through Database with only the first migration, filled by plain SQL
// the way version 1 of the program stored rows (no search index existed yet).
void writeCacheV1(const QString &path)
{
    Database db;
    QCOMPARE(db.open(path, {cacheMigrations().first()}), Database::OpenStatus::Ok);
    QCOMPARE(db.schemaVersion(), 1);
    QSqlDatabase c = db.connection();
    const qint64 t = 1709283600;
    QVERIFY(exec(c, QStringLiteral("INSERT INTO sources(id, uid, kind) VALUES(1, 'demo', 'demo')")));
    QVERIFY(exec(c, QStringLiteral("INSERT INTO inboxes(id, source_id, remote_id, name, channel) VALUES(1, 1, 1, 'Chat', 'webchat')")));
    QVERIFY(exec(c, QStringLiteral("INSERT INTO contacts(id, source_id, remote_id, name, email) VALUES(1, 1, 1, 'Ελένη Γεωργίου', 'eleni@example.gr')")));
    QVERIFY(exec(c, QStringLiteral("INSERT INTO contacts(id, source_id, remote_id, name, email) VALUES(2, 1, 2, '李娜', 'lina@example.cn')")));
    QVERIFY(exec(c, QStringLiteral("INSERT INTO conversations(id, source_id, remote_id, inbox_id, contact_id) VALUES(1, 1, 10, 1, 1)")));
    QVERIFY(exec(c, QStringLiteral("INSERT INTO conversations(id, source_id, remote_id, inbox_id, contact_id) VALUES(2, 1, 11, 1, 2)")));
    const QString message = QStringLiteral(
        "INSERT INTO messages(id, source_id, remote_id, conversation_id, kind, sender_kind, text, created_at)"
        " VALUES(%1, 1, %2, %3, 'incoming', 'contact', '%4', %5)");
    QVERIFY(exec(c, message.arg(CacheStore::messageKey(t, 1)).arg(100).arg(1).arg(QStringLiteral("Καλημέρα, πού είναι η παραγγελία μου;")).arg(t)));
    QVERIFY(exec(c, message.arg(CacheStore::messageKey(t + 60, 2)).arg(101).arg(1).arg(QStringLiteral("ΚΑΛΗΜΕΡΑ ξανά")).arg(t + 60)));
    QVERIFY(exec(c, message.arg(CacheStore::messageKey(t + 120, 3)).arg(102).arg(2).arg(QStringLiteral("我想申请退款")).arg(t + 120)));
}

void loadSqlFixture(const QString &fixture, const QString &path)
{
    QFile file(fixture);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(fixture));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("fixture"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        for (const QString &line : lines) {
            if (line.trimmed().isEmpty() || line.startsWith(QLatin1String("--")))
                continue;
            QVERIFY2(exec(db, line), qPrintable(line));
        }
        QCOMPARE(userVersion(db), 1);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("fixture"));
}

} // namespace

class TestMigrations : public QObject
{
    Q_OBJECT

private slots:
    void cacheV1IsUpgradedAndSearchable();
    void cacheV1FixtureFileIsUpgraded();
    void workspaceV1KeepsDrafts();
};

void TestMigrations::cacheV1IsUpgradedAndSearchable()
{
    TempDataDir dir;
    writeCacheV1(dir.cachePath());
    if (QTest::currentTestFailed())
        return;

    CacheStore store;
    const auto report = store.open(dir.cachePath());
    QVERIFY2(report.ok, qPrintable(report.message));
    QVERIFY(!report.rebuilt); // upgraded in place, not thrown away
    QCOMPARE(userVersion(store.connection()), Database::latestVersion(cacheMigrations()));
    QCOMPARE(userVersion(store.connection()), 4);
    QCOMPARE(store.messageCount(), 3);

    // Rows written before the index existed are found, newest first, accents folded both ways.
    QCOMPARE(messageSnippets(store.connection(), QStringLiteral("καλημερα")),
             (QStringList{QStringLiteral("[ΚΑΛΗΜΕΡΑ] ξανά"),
                          QStringLiteral("[Καλημέρα], πού είναι η παραγγελία μου;")}));
    QCOMPARE(messageSnippets(store.connection(), QStringLiteral("παραγγελια")).size(), 1);
    QCOMPARE(messageSnippets(store.connection(), QStringLiteral("退款")),
             QStringList{QStringLiteral("我想申请[退款]")});
    QCOMPARE(contactTitles(store.connection(), QStringLiteral("ελενη")), QStringList{QStringLiteral("Ελένη Γεωργίου")});
    QCOMPARE(contactTitles(store.connection(), QStringLiteral("李娜")), QStringList{QStringLiteral("李娜")});

    // The upgraded file has exactly the schema of a new one.
    TempDataDir fresh;
    CacheStore freshStore;
    QVERIFY(freshStore.open(fresh.cachePath()).ok);
    QCOMPARE(schemaOf(store.connection()), schemaOf(freshStore.connection()));
}

void TestMigrations::cacheV1FixtureFileIsUpgraded()
{
    TempDataDir dir;
    loadSqlFixture(QStringLiteral(COUNTERPART_TEST_DATA_DIR "/cache-v1.sql"), dir.cachePath());
    if (QTest::currentTestFailed())
        return;

    CacheStore store;
    const auto report = store.open(dir.cachePath());
    QVERIFY2(report.ok, qPrintable(report.message));
    QVERIFY(!report.rebuilt);
    QCOMPARE(userVersion(store.connection()), 4);
    QCOMPARE(store.conversationCount(), 3);
    QCOMPARE(messageSnippets(store.connection(), QStringLiteral("Καλημέρα")),
             (QStringList{QStringLiteral("[Καλημερα] σας, η αποστολή έφυγε χθες."),
                          QStringLiteral("[Καλημέρα], πού είναι η παραγγελία μου;")}));
    QCOMPARE(messageSnippets(store.connection(), QStringLiteral("αποστολη")).size(), 1);
    QCOMPARE(messageSnippets(store.connection(), QStringLiteral("退")),
             (QStringList{QStringLiteral("我要[退]貨"), QStringLiteral("我想申请[退]款")}));
    QCOMPARE(contactTitles(store.connection(), QStringLiteral("+30 210")), QStringList{QStringLiteral("Ελένη Γεωργίου")});

    // Sync carries on over the old rows: same remote ids update them, nothing is duplicated.
    const auto source = store.sourceByUid(QStringLiteral("chatwoot:help.example.com#3"));
    QVERIFY(source);
    IngestBatch batch;
    Domain::Message edited;
    edited.remoteId = 53;
    edited.conversationId = 42;
    edited.text = QStringLiteral("我想申请换货");
    edited.createdAt = QDateTime::fromSecsSinceEpoch(1709287200, Qt::UTC);
    batch.messages.append(edited);
    QString error;
    QVERIFY2(store.ingest(source->id, batch, &error), qPrintable(error));
    QCOMPARE(store.messageCount(), 4);
    QVERIFY(messageSnippets(store.connection(), QStringLiteral("退款")).isEmpty());
    QCOMPARE(messageSnippets(store.connection(), QStringLiteral("换货")).size(), 1);
}

void TestMigrations::workspaceV1KeepsDrafts()
{
    TempDataDir dir;
    {
        Database db;
        QCOMPARE(db.open(dir.workspacePath(), {workspaceMigrations().first()}), Database::OpenStatus::Ok);
        QSqlDatabase c = db.connection();
        QVERIFY(exec(c, QStringLiteral("INSERT INTO drafts(source_uid, conversation_remote_id, mode, body,"
                                       " updated_at) VALUES('demo', 7, 'reply', 'Σας ευχαριστούμε! 谢谢', 1709283600)")));
        QVERIFY(exec(c, QStringLiteral("INSERT INTO settings(key, value) VALUES('ui/language', 'zh_TW')")));
    }

    WorkspaceStore store;
    const auto report = store.open(dir.workspacePath());
    QVERIFY2(report.ok, qPrintable(report.message));
    QCOMPARE(userVersion(store.connection()), Database::latestVersion(workspaceMigrations()));
    const auto draft = store.draft(QStringLiteral("demo"), 7, QStringLiteral("reply"));
    QVERIFY(draft);
    QCOMPARE(draft->body, QStringLiteral("Σας ευχαριστούμε! 谢谢"));
    QCOMPARE(draft->updatedAt, QDateTime::fromSecsSinceEpoch(1709283600, Qt::UTC));
    QCOMPARE(store.setting(QStringLiteral("ui/language")), QStringLiteral("zh_TW"));

    TempDataDir fresh;
    WorkspaceStore freshStore;
    QVERIFY(freshStore.open(fresh.workspacePath()).ok);
    QCOMPARE(schemaOf(store.connection()), schemaOf(freshStore.connection()));
}

QTEST_GUILESS_MAIN(TestMigrations)
#include "TestMigrations.moc"
