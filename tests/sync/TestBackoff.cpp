#include "sync/Backoff.h"

#include <QTest>

using Counterpart::Sync::Backoff;

class TestBackoff : public QObject
{
    Q_OBJECT
private slots:
    void delayDoublesUpToTheCap_data()
    {
        QTest::addColumn<double>("random");
        QTest::addColumn<int>("attempt");
        QTest::addColumn<qint64>("expected");
        // initial 1000 ms, cap 10000 ms: the ceiling is 1000, 2000, 4000, 8000, 10000, 10000 ...
        QTest::newRow("no attempt") << 0.0 << 0 << qint64(0);
        QTest::newRow("first, low jitter") << 0.0 << 1 << qint64(500);
        QTest::newRow("first, high jitter") << 0.999 << 1 << qint64(999);
        QTest::newRow("second, low") << 0.0 << 2 << qint64(1000);
        QTest::newRow("third, middle") << 0.5 << 3 << qint64(3000);
        QTest::newRow("fourth, low") << 0.0 << 4 << qint64(4000);
        QTest::newRow("fifth, capped low") << 0.0 << 5 << qint64(5000);
        QTest::newRow("hundredth, capped high") << 1.0 << 100 << qint64(10000);
    }
    void delayDoublesUpToTheCap()
    {
        QFETCH(double, random);
        QFETCH(int, attempt);
        QFETCH(qint64, expected);
        const Backoff backoff({1000, 10000}, [random] { return random; });
        QCOMPARE(backoff.delayMs(attempt), expected);
    }

    void retryAfterWinsWhenLonger()
    {
        const Backoff backoff({1000, 10000}, [] { return 0.0; });
        QCOMPARE(backoff.nextAttemptAt(100000, 1, 0), qint64(100500));
        QCOMPARE(backoff.nextAttemptAt(100000, 1, 30000), qint64(130000));
    }

    void realJitterStaysWithinBounds()
    {
        const Backoff backoff({1000, 60000});
        for (int attempt = 1; attempt <= 12; ++attempt) {
            const qint64 delay = backoff.delayMs(attempt);
            const qint64 ceiling = std::min<qint64>(60000, qint64(1000) << (attempt - 1));
            QVERIFY2(delay >= ceiling / 2 && delay <= ceiling,
                     qPrintable(QStringLiteral("attempt %1: %2").arg(attempt).arg(delay)));
        }
    }
};

QTEST_GUILESS_MAIN(TestBackoff)
#include "TestBackoff.moc"
