#include "search/SearchText.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using Counterpart::Search::SearchText;

class TestSearchText : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void fold_data();
    void fold();
    void indexSplitsHanRuns_data();
    void indexSplitsHanRuns();
    void queryTerms_data();
    void queryTerms();
    void matchExpression_data();
    void matchExpression();
    void everyExpressionIsValidFts5_data();
    void everyExpressionIsValidFts5();
    void indexAndQueryAgree_data();
    void indexAndQueryAgree();

private:
    QSqlDatabase m_db;
};

void TestSearchText::initTestCase()
{
    // The same table definition as cache.sqlite's messages_fts (detail=column refuses phrases
    // of several tokens, so it is the strictest judge of what we send).
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("searchtext"));
    m_db.setDatabaseName(QStringLiteral(":memory:"));
    QVERIFY(m_db.open());
    QSqlQuery query(m_db);
    QVERIFY2(query.exec(QStringLiteral("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='unicode61"
                                       " remove_diacritics 2', detail=column)")),
             qPrintable(query.lastError().text()));
}

void TestSearchText::cleanupTestCase()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("searchtext"));
}

void TestSearchText::fold_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("greek tonos") << QStringLiteral("καλημέρα") << QStringLiteral("καλημερα");
    QTest::newRow("greek capitals with tonos") << QStringLiteral("ΚΑΛΗΜΈΡΑ") << QStringLiteral("καλημερα");
    QTest::newRow("greek dialytika") << QStringLiteral("προϊόν") << QStringLiteral("προιον");
    QTest::newRow("greek dialytika and tonos") << QStringLiteral("ΐ ΰ") << QStringLiteral("ι υ");
    QTest::newRow("greek final sigma") << QStringLiteral("πολλές") << QStringLiteral("πολλεσ");
    QTest::newRow("greek capital sigma") << QStringLiteral("ΠΟΛΛΈΣ") << QStringLiteral("πολλεσ");
    QTest::newRow("latin accents") << QStringLiteral("Crème Brûlée Ñandú") << QStringLiteral("creme brulee nandu");
    QTest::newRow("already decomposed") << QStringLiteral("cafe\u0301") << QStringLiteral("cafe");
    QTest::newRow("english case") << QStringLiteral("ReFuNd") << QStringLiteral("refund");
    QTest::newRow("chinese unchanged") << QStringLiteral("我想申请退款") << QStringLiteral("我想申请退款");
    QTest::newRow("traditional unchanged") << QStringLiteral("退貨") << QStringLiteral("退貨");
    QTest::newRow("empty") << QString() << QString();
}

void TestSearchText::fold()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(SearchText::fold(input), expected);
}

void TestSearchText::indexSplitsHanRuns_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QStringList>("tokens");

    QTest::newRow("one character") << QStringLiteral("退") << QStringList{QStringLiteral("退")};
    QTest::newRow("two characters") << QStringLiteral("退款")
                                    << QStringList{QStringLiteral("退"), QStringLiteral("退款"),
                                                   QStringLiteral("款")};
    QTest::newRow("sentence") << QStringLiteral("我想申请退款")
                              << QStringList{QStringLiteral("我"), QStringLiteral("我想"),
                                             QStringLiteral("想"), QStringLiteral("想申"),
                                             QStringLiteral("申"), QStringLiteral("申请"),
                                             QStringLiteral("请"), QStringLiteral("请退"),
                                             QStringLiteral("退"), QStringLiteral("退款"),
                                             QStringLiteral("款")};
    QTest::newRow("punctuation splits runs")
        << QStringLiteral("退货，好")
        << QStringList{QStringLiteral("退"), QStringLiteral("退货"), QStringLiteral("货"),
                       QStringLiteral("，"), QStringLiteral("好")};
    QTest::newRow("mixed with latin") << QStringLiteral("iPhone退款")
                                      << QStringList{QStringLiteral("iphone"), QStringLiteral("退"),
                                                     QStringLiteral("退款"), QStringLiteral("款")};
    QTest::newRow("latin only is only folded") << QStringLiteral("Καλημέρα σας")
                                               << QStringList{QStringLiteral("καλημερα"),
                                                              QStringLiteral("σασ")};
}

void TestSearchText::indexSplitsHanRuns()
{
    QFETCH(QString, input);
    QFETCH(QStringList, tokens);
    QCOMPARE(SearchText::forIndex(input).split(QLatin1Char(' '), Qt::SkipEmptyParts), tokens);
}

void TestSearchText::queryTerms_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("terms");

    QTest::newRow("english") << QStringLiteral("Refund order") << QStringList{QStringLiteral("refund"), QStringLiteral("order")};
    QTest::newRow("greek accented") << QStringLiteral("Καλημέρα") << QStringList{QStringLiteral("καλημερα")};
    QTest::newRow("greek final sigma") << QStringLiteral("πολλές") << QStringList{QStringLiteral("πολλεσ")};
    QTest::newRow("chinese one") << QStringLiteral("退") << QStringList{QStringLiteral("退")};
    QTest::newRow("chinese two") << QStringLiteral("退款") << QStringList{QStringLiteral("退款")};
    QTest::newRow("chinese three") << QStringLiteral("退款单")
                                   << QStringList{QStringLiteral("退款"), QStringLiteral("款单")};
    QTest::newRow("chinese four") << QStringLiteral("申请退款")
                                  << QStringList{QStringLiteral("申请"), QStringLiteral("请退"), QStringLiteral("退款")};
    QTest::newRow("chinese beyond the BMP") << QStringLiteral("𠮷野家")
                                            << QStringList{QStringLiteral("𠮷野"), QStringLiteral("野家")};
    QTest::newRow("mixed") << QStringLiteral("iPhone退款") << QStringList{QStringLiteral("iphone"), QStringLiteral("退款")};
    QTest::newRow("chinese punctuation splits") << QStringLiteral("退款，发票")
                                                << QStringList{QStringLiteral("退款"), QStringLiteral("发票")};
    QTest::newRow("duplicates once") << QStringLiteral("refund REFUND") << QStringList{QStringLiteral("refund")};
    QTest::newRow("punctuation only") << QStringLiteral("?!…,.;:-") << QStringList{};
    QTest::newRow("quotes") << QStringLiteral("\"refund\"") << QStringList{QStringLiteral("refund")};
    QTest::newRow("operators are words") << QStringLiteral("refund AND NOT order OR x")
                                         << QStringList{QStringLiteral("refund"), QStringLiteral("and"),
                                                        QStringLiteral("not"), QStringLiteral("order"),
                                                        QStringLiteral("or"), QStringLiteral("x")};
    QTest::newRow("NEAR group") << QStringLiteral("NEAR(refund order, 5)")
                                << QStringList{QStringLiteral("near"), QStringLiteral("refund"),
                                               QStringLiteral("order"), QStringLiteral("5")};
    QTest::newRow("star minus caret column") << QStringLiteral("ref* -order ^x body:y")
                                             << QStringList{QStringLiteral("ref"), QStringLiteral("order"),
                                                            QStringLiteral("x"), QStringLiteral("body"),
                                                            QStringLiteral("y")};
    QTest::newRow("e-mail address") << QStringLiteral("anna.k@example.com")
                                    << QStringList{QStringLiteral("anna"), QStringLiteral("k"),
                                                   QStringLiteral("example"), QStringLiteral("com")};
    QTest::newRow("emoji dropped") << QStringLiteral("🙂 thanks") << QStringList{QStringLiteral("thanks")};
}

void TestSearchText::queryTerms()
{
    QFETCH(QString, query);
    QFETCH(QStringList, terms);
    QCOMPARE(SearchText::queryTerms(query), terms);
}

void TestSearchText::matchExpression_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("expression");

    QTest::newRow("prefix word") << QStringLiteral("refun") << QStringLiteral("\"refun\"*");
    QTest::newRow("short words are exact") << QStringLiteral("re x") << QStringLiteral("\"re\" AND \"x\"");
    QTest::newRow("three letters are a prefix") << QStringLiteral("ref") << QStringLiteral("\"ref\"*");
    QTest::newRow("han is exact") << QStringLiteral("退款") << QStringLiteral("\"退款\"");
    QTest::newRow("mixed") << QStringLiteral("iPhone退款") << QStringLiteral("\"iphone\"* AND \"退款\"");
    QTest::newRow("greek") << QStringLiteral("Καλημέρα") << QStringLiteral("\"καλημερα\"*");
    QTest::newRow("nothing searchable") << QStringLiteral("\"*-:()") << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestSearchText::matchExpression()
{
    QFETCH(QString, query);
    QFETCH(QString, expression);
    QCOMPARE(SearchText::matchExpression(query), expression);
}

void TestSearchText::everyExpressionIsValidFts5_data()
{
    QTest::addColumn<QString>("query");
    const QStringList inputs = {
        QStringLiteral("\""), QStringLiteral("\"\""), QStringLiteral("\"refund"),
        QStringLiteral("refund\""), QStringLiteral("'"), QStringLiteral("refund AND"),
        QStringLiteral("AND"), QStringLiteral("OR OR"), QStringLiteral("NOT"),
        QStringLiteral("NEAR("), QStringLiteral("NEAR(a b, 3)"), QStringLiteral("*"),
        QStringLiteral("a*b*"), QStringLiteral("-"), QStringLiteral("-refund"),
        QStringLiteral("body:"), QStringLiteral("{body}: x"), QStringLiteral("^"),
        QStringLiteral("(((")    , QStringLiteral(")"), QStringLiteral("+"), QStringLiteral("退款*"),
        QStringLiteral("退\"款"), QStringLiteral("καλη*μέρα"), QStringLiteral("x:y:z"),
        QStringLiteral("'; DROP TABLE t; --"), QStringLiteral("\\"), QStringLiteral("%_"),
        QStringLiteral("\u00A0\u3000"), QStringLiteral("ꟁꟂ"), QStringLiteral("ǅ"),
    };
    for (const QString &input : inputs)
        QTest::newRow(qPrintable(input)) << input;
}

void TestSearchText::everyExpressionIsValidFts5()
{
    QFETCH(QString, query);
    const QString expression = SearchText::matchExpression(query);
    if (expression.isEmpty())
        return; // SearchIndex never runs an empty expression; nothing to check
    QSqlQuery sql(m_db);
    QVERIFY(sql.prepare(QStringLiteral("SELECT rowid FROM t WHERE t MATCH ?")));
    sql.addBindValue(expression);
    QVERIFY2(sql.exec(), qPrintable(expression + QStringLiteral(": ") + sql.lastError().text()));
}

void TestSearchText::indexAndQueryAgree_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("query");
    QTest::addColumn<bool>("found");

    QTest::newRow("greek without accents finds accented") << QStringLiteral("Καλημέρα σας") << QStringLiteral("καλημερα") << true;
    QTest::newRow("greek accented finds unaccented") << QStringLiteral("καλημερα σας") << QStringLiteral("Καλημέρα") << true;
    QTest::newRow("greek final sigma") << QStringLiteral("ΠΟΛΛΈΣ ΕΥΧΑΡΙΣΤΊΕΣ") << QStringLiteral("πολλές") << true;
    QTest::newRow("dialytika") << QStringLiteral("Το προϊόν") << QStringLiteral("προιον") << true;
    QTest::newRow("chinese two in a run") << QStringLiteral("我想申请退款") << QStringLiteral("退款") << true;
    QTest::newRow("chinese one in a run") << QStringLiteral("我想申请退款") << QStringLiteral("申") << true;
    QTest::newRow("chinese apart") << QStringLiteral("退一步，款项") << QStringLiteral("退款") << false;
    QTest::newRow("chinese four") << QStringLiteral("我想申请退款") << QStringLiteral("申请退款") << true;
    QTest::newRow("mixed") << QStringLiteral("我的iPhone退款呢") << QStringLiteral("iphone退款") << true;
    QTest::newRow("prefix") << QStringLiteral("refunded twice") << QStringLiteral("refun") << true;
    QTest::newRow("short word is whole") << QStringLiteral("refunded twice") << QStringLiteral("re") << false;
    QTest::newRow("short word itself") << QStringLiteral("Re: your order") << QStringLiteral("re") << true;
    QTest::newRow("not inside a word") << QStringLiteral("refunded") << QStringLiteral("fund") << false;
}

void TestSearchText::indexAndQueryAgree()
{
    QFETCH(QString, text);
    QFETCH(QString, query);
    QFETCH(bool, found);
    QSqlQuery sql(m_db);
    QVERIFY(sql.exec(QStringLiteral("DELETE FROM t")));
    QVERIFY(sql.prepare(QStringLiteral("INSERT INTO t(rowid, body) VALUES(1, ?)")));
    sql.addBindValue(SearchText::forIndex(text));
    QVERIFY(sql.exec());
    QVERIFY(sql.prepare(QStringLiteral("SELECT count(*) FROM t WHERE t MATCH ?")));
    sql.addBindValue(SearchText::matchExpression(query));
    QVERIFY2(sql.exec() && sql.next(), qPrintable(sql.lastError().text()));
    QCOMPARE(sql.value(0).toInt() == 1, found);
}

QTEST_GUILESS_MAIN(TestSearchText)
#include "TestSearchText.moc"
