#include "storage/Database.h"
#include "support/TempDataDir.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace Counterpart::Storage;
using Counterpart::Testing::TempDataDir;

namespace {

Migration migration(int version, const QStringList &statements)
{
    Migration m;
    m.version = version;
    m.description = QStringLiteral("step %1").arg(version);
    m.statements = statements;
    return m;
}

// Three steps where each depends on the one before, so running them out of order or twice fails.
QList<Migration> threeSteps(int *dataStepRuns = nullptr)
{
    Migration third = migration(3, {QStringLiteral("ALTER TABLE orders ADD COLUMN note TEXT NOT NULL DEFAULT ''")});
    third.afterStatements = [dataStepRuns](QSqlDatabase &db, QString *error) {
        if (dataStepRuns)
            ++*dataStepRuns;
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("UPDATE orders SET note = 'migrated'"))) {
            *error = QStringLiteral("update failed");
            return false;
        }
        return true;
    };
    return {
        migration(1, {QStringLiteral("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")}),
        migration(2, {QStringLiteral("CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER"
                                     " NOT NULL REFERENCES customers(id))"),
                      QStringLiteral("INSERT INTO customers(id, name) VALUES(1, 'first')"),
                      QStringLiteral("INSERT INTO orders(customer_id) VALUES(1)")}),
        third,
    };
}

QVariant scalar(const Database &db, const QString &sql)
{
    QSqlQuery query(db.connection());
    if (!query.exec(sql) || !query.next())
        return QVariant();
    return query.value(0);
}

// A database written by someone else (a newer Counterpart, or sqlite3 by hand), outside Database.
void writeRawDatabase(const QString &path, int userVersion)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("CREATE TABLE future (x)")));
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version=%1").arg(userVersion)));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
}

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT

private slots:
    void pragmasOnEveryConnection();
    void freshFileRunsEveryStepInOrder();
    void olderFileRunsOnlyMissingSteps();
    void tooNewIsRefusedAndLeftAlone();
    void failingStepRollsBackToOldVersion_data();
    void failingStepRollsBackToOldVersion();
    void notADatabaseIsCorrupt();
    void missingFolderIsUnwritable();
    void twoDatabasesOnOneFile();
};

void TestDatabase::pragmasOnEveryConnection()
{
    TempDataDir dir;
    Database db;
    QCOMPARE(db.open(dir.filePath(QStringLiteral("a.sqlite")), threeSteps()), Database::OpenStatus::Ok);
    QVERIFY(db.isOpen());
    QCOMPARE(scalar(db, QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    QCOMPARE(scalar(db, QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
    // foreign_keys is enforced, not only reported.
    QSqlQuery query(db.connection());
    QVERIFY(!query.exec(QStringLiteral("INSERT INTO orders(customer_id) VALUES(42)")));
    db.close();
    QVERIFY(!db.isOpen());

    // A second open of the same file gets the pragmas again (foreign_keys is per connection).
    Database again;
    QCOMPARE(again.open(dir.filePath(QStringLiteral("a.sqlite")), threeSteps()), Database::OpenStatus::Ok);
    QCOMPARE(scalar(again, QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
}

void TestDatabase::freshFileRunsEveryStepInOrder()
{
    TempDataDir dir;
    int dataRuns = 0;
    Database db;
    QCOMPARE(db.open(dir.filePath(QStringLiteral("a.sqlite")), threeSteps(&dataRuns)),
             Database::OpenStatus::Ok);
    QCOMPARE(db.schemaVersion(), 3);
    QCOMPARE(Database::latestVersion(threeSteps()), 3);
    QCOMPARE(dataRuns, 1);
    QCOMPARE(scalar(db, QStringLiteral("SELECT note FROM orders")).toString(), QStringLiteral("migrated"));
    db.close();

    // Opening again runs nothing: re-running step 1 would fail ("table customers already exists").
    QCOMPARE(db.open(dir.filePath(QStringLiteral("a.sqlite")), threeSteps(&dataRuns)),
             Database::OpenStatus::Ok);
    QCOMPARE(dataRuns, 1);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM orders")).toInt(), 1);
}

void TestDatabase::olderFileRunsOnlyMissingSteps()
{
    TempDataDir dir;
    const QString path = dir.filePath(QStringLiteral("a.sqlite"));
    {
        Database db;
        QCOMPARE(db.open(path, threeSteps().mid(0, 1)), Database::OpenStatus::Ok);
        QCOMPARE(db.schemaVersion(), 1);
        QSqlQuery query(db.connection());
        QVERIFY(query.exec(QStringLiteral("INSERT INTO customers(id, name) VALUES(7, 'kept')")));
    }
    int dataRuns = 0;
    Database db;
    QCOMPARE(db.open(path, threeSteps(&dataRuns)), Database::OpenStatus::Ok);
    QCOMPARE(db.schemaVersion(), 3);
    QCOMPARE(dataRuns, 1);
    QCOMPARE(scalar(db, QStringLiteral("SELECT name FROM customers WHERE id=7")).toString(), QStringLiteral("kept"));
}

void TestDatabase::tooNewIsRefusedAndLeftAlone()
{
    TempDataDir dir;
    const QString path = dir.filePath(QStringLiteral("future.sqlite"));
    writeRawDatabase(path, 9);
    const QByteArray before = TempDataDir::readFile(path);
    const QStringList entriesBefore = dir.entries();

    Database db;
    QCOMPARE(db.open(path, threeSteps()), Database::OpenStatus::TooNew);
    QVERIFY(!db.isOpen());
    QVERIFY2(db.errorString().contains(path), qPrintable(db.errorString()));
    QVERIFY2(db.errorString().contains(QLatin1String("9")), qPrintable(db.errorString()));
    QCOMPARE(TempDataDir::readFile(path), before);
    QCOMPARE(dir.entries(), entriesBefore);
}

void TestDatabase::failingStepRollsBackToOldVersion_data()
{
    QTest::addColumn<bool>("failInDataStep");
    QTest::newRow("failing statement") << false;
    QTest::newRow("failing data step") << true;
}

void TestDatabase::failingStepRollsBackToOldVersion()
{
    QFETCH(bool, failInDataStep);
    TempDataDir dir;
    const QString path = dir.filePath(QStringLiteral("a.sqlite"));
    {
        Database db;
        QCOMPARE(db.open(path, threeSteps().mid(0, 2)), Database::OpenStatus::Ok);
    }
    QList<Migration> broken = threeSteps();
    broken.append(migration(4, {QStringLiteral("CREATE TABLE invoices (id INTEGER PRIMARY KEY)"),
                                QStringLiteral("UPDATE orders SET note = 'half done'")}));
    if (failInDataStep) {
        broken.last().afterStatements = [](QSqlDatabase &, QString *error) {
            *error = QStringLiteral("data step refused");
            return false;
        };
    } else {
        broken.last().statements.append(QStringLiteral("INSERT INTO no_such_table VALUES(1)"));
    }

    Database db;
    QCOMPARE(db.open(path, broken), Database::OpenStatus::MigrationFailed);
    QVERIFY(!db.isOpen());
    QVERIFY(!db.errorString().isEmpty());
    if (failInDataStep)
        QCOMPARE(db.errorString(), QStringLiteral("data step refused"));
    else
        QVERIFY2(db.errorString().contains(QLatin1String("no_such_table")), qPrintable(db.errorString()));

    // Step 3 succeeded and was committed on its own; step 4 left nothing behind.
    QCOMPARE(db.open(path, threeSteps()), Database::OpenStatus::Ok);
    QCOMPARE(db.schemaVersion(), 3);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name='invoices'")).toInt(), 0);
    QCOMPARE(scalar(db, QStringLiteral("SELECT note FROM orders")).toString(), QStringLiteral("migrated"));
}

void TestDatabase::notADatabaseIsCorrupt()
{
    TempDataDir dir;
    const QString path = dir.filePath(QStringLiteral("junk.sqlite"));
    const QByteArray junk = QByteArray("this is a spreadsheet, not a database\n").repeated(200);
    QVERIFY(TempDataDir::writeFile(path, junk));
    Database db;
    QCOMPARE(db.open(path, threeSteps()), Database::OpenStatus::Corrupt);
    QVERIFY2(db.errorString().contains(path), qPrintable(db.errorString()));
    QCOMPARE(TempDataDir::readFile(path), junk);

    // The header is right but the rest is garbage: still refused, never "repaired".
    const QString halfPath = dir.filePath(QStringLiteral("half.sqlite"));
    QByteArray half = QByteArray("SQLite format 3\0", 16) + QByteArray(4096, '\xAB');
    QVERIFY(TempDataDir::writeFile(halfPath, half));
    QCOMPARE(db.open(halfPath, threeSteps()), Database::OpenStatus::Corrupt);
    QCOMPARE(TempDataDir::readFile(halfPath), half);
}

void TestDatabase::missingFolderIsUnwritable()
{
    TempDataDir dir;
    Database db;
    const auto status = db.open(dir.filePath(QStringLiteral("no/such/folder/a.sqlite")), threeSteps());
    QCOMPARE(status, Database::OpenStatus::Unwritable);
    QVERIFY(!db.errorString().isEmpty());
    QVERIFY(!db.isOpen());
}

void TestDatabase::twoDatabasesOnOneFile()
{
    TempDataDir dir;
    const QString path = dir.filePath(QStringLiteral("a.sqlite"));
    Database first;
    Database second;
    QCOMPARE(first.open(path, threeSteps()), Database::OpenStatus::Ok);
    QCOMPARE(second.open(path, threeSteps()), Database::OpenStatus::Ok);
    QVERIFY(first.connection().connectionName() != second.connection().connectionName());
    QSqlQuery insert(first.connection());
    QVERIFY(insert.exec(QStringLiteral("INSERT INTO customers(name) VALUES('shared')")));
    QCOMPARE(scalar(second, QStringLiteral("SELECT count(*) FROM customers")).toInt(), 2);
    first.close();
    QVERIFY(second.isOpen());
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "TestDatabase.moc"
