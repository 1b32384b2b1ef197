#include "compose/SmsSegments.h"

#include <QTest>

using namespace Counterpart::Compose;

class TestSmsSegments : public QObject
{
    Q_OBJECT

private slots:
    void count_data();
    void count();
    void escapePairIsNeverSplit();
    void surrogatePairIsNeverSplit();
    void reportsWhichCharactersForceUcs2();
};

void TestSmsSegments::count_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("encoding");
    QTest::addColumn<int>("units");
    QTest::addColumn<int>("segments");
    QTest::addColumn<int>("remaining");

    const int gsm = int(SmsEncoding::Gsm7);
    const int ucs2 = int(SmsEncoding::Ucs2);
    QTest::newRow("empty") << QString() << gsm << 0 << 0 << 160;
    QTest::newRow("plain") << QStringLiteral("Hi Nina, your parcel is out for delivery.") << gsm
                           << 41 << 1 << 119;
    QTest::newRow("160 fits one") << QString(160, QLatin1Char('a')) << gsm << 160 << 1 << 0;
    QTest::newRow("161 needs two") << QString(161, QLatin1Char('a')) << gsm << 161 << 2 << 145;
    QTest::newRow("306 is two") << QString(306, QLatin1Char('a')) << gsm << 306 << 2 << 0;
    QTest::newRow("307 is three") << QString(307, QLatin1Char('a')) << gsm << 307 << 3 << 152;
    QTest::newRow("euro counts two") << QStringLiteral("Refund: 20€") << gsm << 12 << 1 << 148;
    QTest::newRow("braces count two") << QStringLiteral("{[~]}") << gsm << 10 << 1 << 150;
    QTest::newRow("accented latin in table") << QStringLiteral("café à Zürich") << gsm << 13
                                             << 1 << 147;
    QTest::newRow("greek capitals in table") << QStringLiteral("ΔΦΓΛΩΠΨΣΘΞ") << gsm << 10 << 1
                                             << 150;
    QTest::newRow("greek lowercase is ucs2") << QStringLiteral("Γεια σας") << ucs2 << 8 << 1 << 62;
    QTest::newRow("curly apostrophe forces ucs2")
        << QStringLiteral("We’re on it") << ucs2 << 11 << 1 << 59;
    QTest::newRow("chinese 70 fits one") << QString(70, QChar(0x6211)) << ucs2 << 70 << 1 << 0;
    QTest::newRow("chinese 71 needs two") << QString(71, QChar(0x6211)) << ucs2 << 71 << 2 << 63;
    QTest::newRow("chinese sentence") << QStringLiteral("您的包裹已发出，预计周五送达。") << ucs2
                                      << 15 << 1 << 55;
    QTest::newRow("emoji is a surrogate pair") << QStringLiteral("Thanks 😊") << ucs2 << 9 << 1
                                               << 61;
    QTest::newRow("35 emoji fill one") << QStringLiteral("😊").repeated(35) << ucs2 << 70 << 1
                                       << 0;
    QTest::newRow("36 emoji need two") << QStringLiteral("😊").repeated(36) << ucs2 << 72 << 2
                                       << 67 - 6;
}

void TestSmsSegments::count()
{
    QFETCH(QString, text);
    QFETCH(int, encoding);
    QFETCH(int, units);
    QFETCH(int, segments);
    QFETCH(int, remaining);

    const SmsCount c = SmsSegments::count(text);
    QCOMPARE(int(c.encoding), encoding);
    QCOMPARE(c.units, units);
    QCOMPARE(c.segments, segments);
    QCOMPARE(c.remaining, remaining);
}

void TestSmsSegments::escapePairIsNeverSplit()
{
    // 152 plain septets then "€": the escape pair cannot start at position 153 of segment one.
    const QString text = QString(152, QLatin1Char('a')) + QStringLiteral("€") + QString(10, QLatin1Char('b'));
    const SmsCount c = SmsSegments::count(text);
    QCOMPARE(c.units, 164);
    QCOMPARE(c.segments, 2);
    QCOMPARE(c.remaining, 153 - 12);
}

void TestSmsSegments::surrogatePairIsNeverSplit()
{
    // 66 Han characters fill 66 of 67 units; the emoji's pair must move to segment two.
    const QString text = QString(66, QChar(0x4F60)) + QStringLiteral("😊") + QString(4, QChar(0x597D));
    const SmsCount c = SmsSegments::count(text);
    QCOMPARE(c.encoding, SmsEncoding::Ucs2);
    QCOMPARE(c.units, 72);
    QCOMPARE(c.segments, 2);
    QCOMPARE(c.remaining, 67 - 6);

    const QString sixtyEightPairs = QString(34, QChar(0x4F60)) + QStringLiteral("😊").repeated(18);
    QCOMPARE(SmsSegments::count(sixtyEightPairs).units, 70);
    QCOMPARE(SmsSegments::count(sixtyEightPairs).segments, 1);
}

void TestSmsSegments::reportsWhichCharactersForceUcs2()
{
    const SmsCount c = SmsSegments::count(QStringLiteral("It’s “ready” ’"));
    QCOMPARE(c.nonGsmCharacters, QStringLiteral("’“”"));
    QVERIFY(SmsSegments::count(QStringLiteral("It's \"ready\"")).nonGsmCharacters.isEmpty());
}

QTEST_GUILESS_MAIN(TestSmsSegments)
#include "TestSmsSegments.moc"
