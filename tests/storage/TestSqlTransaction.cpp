#include "storage/Database.h"
#include "storage/SqlTransaction.h"
#include "support/TempDataDir.h"

#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>

using namespace Counterpart::Storage;
using Counterpart::Testing::TempDataDir;

class TestSqlTransaction : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void commitKeepsRows();
    void leavingTheScopeRollsBack();
    void earlyReturnRollsBack();
    void commitTwiceIsRefused();
    void nestedTransactionIsInactive();

private:
    int rowCount();
    bool insertRow(int value);

    std::unique_ptr<TempDataDir> m_dir;
    std::unique_ptr<Database> m_db;
};

void TestSqlTransaction::init()
{
    m_dir = std::make_unique<TempDataDir>();
    m_db = std::make_unique<Database>();
    Migration table;
    table.version = 1;
    table.statements = {QStringLiteral("CREATE TABLE t (v INTEGER NOT NULL)")};
    QCOMPARE(m_db->open(m_dir->filePath(QStringLiteral("t.sqlite")), {table}), Database::OpenStatus::Ok);
}

void TestSqlTransaction::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

int TestSqlTransaction::rowCount()
{
    QSqlQuery query(m_db->connection());
    return query.exec(QStringLiteral("SELECT count(*) FROM t")) && query.next() ? query.value(0).toInt() : -1;
}

bool TestSqlTransaction::insertRow(int value)
{
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("INSERT INTO t(v) VALUES(?)"));
    query.addBindValue(value);
    return query.exec();
}

void TestSqlTransaction::commitKeepsRows()
{
    {
        SqlTransaction transaction(m_db->connection());
        QVERIFY(transaction.isActive());
        QVERIFY(insertRow(1));
        QVERIFY(insertRow(2));
        QVERIFY(transaction.commit());
        QVERIFY(!transaction.isActive());
    }
    QCOMPARE(rowCount(), 2);
}

void TestSqlTransaction::leavingTheScopeRollsBack()
{
    {
        SqlTransaction transaction(m_db->connection());
        QVERIFY(insertRow(1));
        QCOMPARE(rowCount(), 1); // visible inside the transaction
    }
    QCOMPARE(rowCount(), 0);
    // The connection is usable again: a new transaction starts and commits.
    SqlTransaction again(m_db->connection());
    QVERIFY(again.isActive());
    QVERIFY(insertRow(3));
    QVERIFY(again.commit());
    QCOMPARE(rowCount(), 1);
}

void TestSqlTransaction::earlyReturnRollsBack()
{
    auto writeHalfAndFail = [this] {
        SqlTransaction transaction(m_db->connection());
        if (!insertRow(1))
            return false;
        QSqlQuery bad(m_db->connection());
        if (!bad.exec(QStringLiteral("INSERT INTO t(v) VALUES(NULL)"))) // NOT NULL violated
            return false;
        return transaction.commit();
    };
    QVERIFY(!writeHalfAndFail());
    QCOMPARE(rowCount(), 0);
}

void TestSqlTransaction::commitTwiceIsRefused()
{
    SqlTransaction transaction(m_db->connection());
    QVERIFY(insertRow(1));
    QVERIFY(transaction.commit());
    QVERIFY(!transaction.commit());
    QCOMPARE(rowCount(), 1);
}

void TestSqlTransaction::nestedTransactionIsInactive()
{
    SqlTransaction outer(m_db->connection());
    QVERIFY(outer.isActive());
    QVERIFY(insertRow(1));
    {
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("could not begin transaction")));
        SqlTransaction inner(m_db->connection());
        QVERIFY(!inner.isActive());
        QVERIFY(!inner.commit());
    } // must not roll back the outer transaction's work
    QVERIFY(insertRow(2));
    QVERIFY(outer.commit());
    QCOMPARE(rowCount(), 2);
}

QTEST_GUILESS_MAIN(TestSqlTransaction)
#include "TestSqlTransaction.moc"
