#include "models/ItemRoles.h"
#include "models/MetricTableModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Counterpart;
using namespace Counterpart::Models;

class TestMetricTableModel : public QObject
{
    Q_OBJECT

    static Metrics::MetricTable agents()
    {
        return {QStringLiteral("agents"), QStringLiteral("Agents"),
                {QStringLiteral("agent"), QStringLiteral("conversations"), QStringLiteral("first_response_average_s"),
                 QStringLiteral("share"), QStringLiteral("review_score")},
                {{QStringLiteral("Μαρία"), 12, 3725.0, 0.25, QString()},
                 {QStringLiteral("陈伟"), 40, 45.0, 0.75, 81.5}}};
    }

private slots:
    void showsAnyTableWithTitlesFormatsAndRawValues()
    {
        MetricTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        model.setTable(agents());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), 5);
        QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), QStringLiteral("first response average s"));
        model.setColumnTitles({{QStringLiteral("first_response_average_s"), QStringLiteral("First response")}});
        QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), QStringLiteral("First response"));
        QCOMPARE(model.columnOf(QStringLiteral("share")), 3);

        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("Μαρία"));
        QCOMPARE(model.index(0, 2).data().toString(), QLocale().toString(3725.0, 'g', 6));
        model.setColumnFormat(QStringLiteral("first_response_average_s"), MetricTableModel::Format::Seconds);
        model.setColumnFormat(QStringLiteral("share"), MetricTableModel::Format::Share);
        QCOMPARE(model.index(0, 2).data().toString(), QStringLiteral("1 h 02 min"));
        QCOMPARE(model.index(1, 2).data().toString(), QStringLiteral("45 s"));
        QCOMPARE(model.index(1, 3).data().toString(), QLocale().toString(75.0, 'f', 1) + QLatin1Char('%'));
        QCOMPARE(model.index(0, 4).data().toString(), QString()); // never reviewed: empty, not 0
        QCOMPARE(model.index(0, 2).data(Roles::MetricValue).toDouble(), 3725.0);
        QCOMPARE(model.index(1, 1).data(Qt::TextAlignmentRole).toInt(), int(Qt::AlignRight | Qt::AlignVCenter));
        QVERIFY(!model.index(0, 0).data(Qt::TextAlignmentRole).isValid());
    }

    void placesEachNumberAgainstTheLargestForTheHeatmap()
    {
        MetricTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTable({QStringLiteral("traffic"), QStringLiteral("Traffic"),
                        {QStringLiteral("weekday"), QStringLiteral("h00"), QStringLiteral("h01")},
                        {{QStringLiteral("Mon"), 0, 8}, {QStringLiteral("Tue"), 2, 4}}});
        QCOMPARE(model.index(0, 2).data(Roles::MetricCellShare).toDouble(), 1.0);
        QCOMPARE(model.index(1, 1).data(Roles::MetricCellShare).toDouble(), 0.25);
        QCOMPARE(model.index(0, 1).data(Roles::MetricCellShare).toDouble(), 0.0);
        QVERIFY(!model.index(0, 0).data(Roles::MetricCellShare).isValid());

        // New numbers in the same shape update in place (views keep widths and sorting).
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setTable({QStringLiteral("traffic"), QStringLiteral("Traffic"),
                        {QStringLiteral("weekday"), QStringLiteral("h00"), QStringLiteral("h01")},
                        {{QStringLiteral("Mon"), 16, 8}, {QStringLiteral("Tue"), 2, 4}}});
        QCOMPARE(reset.size(), 0);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.index(0, 2).data(Roles::MetricCellShare).toDouble(), 0.5);
        model.setTable({});
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), 0);
    }

    void durationText_data()
    {
        QTest::addColumn<double>("seconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("seconds") << 12.4 << QStringLiteral("12 s");
        QTest::newRow("minutes") << 150.0 << QStringLiteral("2 min");
        QTest::newRow("hours") << 3.0 * 3600 + 5 * 60 << QStringLiteral("3 h 05 min");
        QTest::newRow("days") << 2.0 * 86400 + 4 * 3600 << QStringLiteral("2 d 4 h");
    }
    void durationText()
    {
        QFETCH(double, seconds);
        QFETCH(QString, text);
        QCOMPARE(MetricTableModel::durationText(seconds), text);
    }
};

QTEST_GUILESS_MAIN(TestMetricTableModel)
#include "TestMetricTableModel.moc"
