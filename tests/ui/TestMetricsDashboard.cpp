#include "ReviewTestSupport.h"
#include "WindowTestSupport.h"
#include "common/Csv.h"
#include "metrics/ChartCard.h"
#include "metrics/BusinessHoursDialog.h"
#include "metrics/SlaTargetsDialog.h"
#include "metrics/DashboardFilterBar.h"
#include "metrics/DashboardWindow.h"
#include "metrics/KpiTile.h"
#include "metrics/MetricsEngine.h"
#include "models/MetricTableModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QToolButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QSpinBox>
#include <QTest>
#include <QTimeEdit>

using namespace Counterpart;
using namespace Counterpart::Ui;
using Testing::CacheFixture;

class TestMetricsDashboard : public QObject
{
    Q_OBJECT

    Testing::LeadProfile m_profile;
    std::unique_ptr<DashboardWindow> m_window;

    bool refreshAndWait()
    {
        QSignalSpy refreshed(m_window.get(), &DashboardWindow::refreshed);
        m_window->refresh();
        return refreshed.wait(20000);
    }

    /** What the engine computes for the window's filter, on the test's own connection. */
    Metrics::MetricsReport expected() const
    {
        const auto hours = Metrics::BusinessHours::fromSettings(m_profile.workspace);
        Metrics::MetricsEngine engine(m_profile.cache.connection(), hours, Metrics::Sla::fromSettings(m_profile.workspace));
        return engine.compute(m_window->filterBar()->filter(hours.zone()), CacheFixture::at(60));
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_profile.open(&error), qPrintable(error));
        Services services;
        services.cache = &m_profile.cache;
        services.workspace = &m_profile.workspace;
        services.reviews = m_profile.reviews.get();
        m_window = std::make_unique<DashboardWindow>(services, CacheFixture::at(60));
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(Testing::saveScreenshot(m_window.get(), QStringLiteral("dashboard-empty.png")));
    }

    void tilesShowWhatTheEngineComputed()
    {
        m_window->filterBar()->setCustomRange(QDate(2024, 2, 1), QDate(2024, 3, 1));
        QVERIFY(refreshAndWait());
        const Metrics::MetricsReport want = expected();
        QCOMPARE(want.opened, 4);
        const QLocale locale;
        QCOMPARE(m_window->tile(QStringLiteral("opened"))->value(), locale.toString(want.opened));
        QCOMPARE(m_window->tile(QStringLiteral("resolved"))->value(), locale.toString(want.resolved));
        QCOMPARE(m_window->tile(QStringLiteral("reopened"))->value(), locale.toString(want.reopened));
        QVERIFY(want.firstResponse.count > 0);
        QCOMPARE(m_window->tile(QStringLiteral("frt_average"))->value(),
                 Models::MetricTableModel::durationText(want.firstResponse.averageSecs));
        QCOMPARE(m_window->tile(QStringLiteral("frt_median"))->value(),
                 Models::MetricTableModel::durationText(want.firstResponse.medianSecs));
        QCOMPARE(m_window->tile(QStringLiteral("longest_wait"))->value(),
                 Models::MetricTableModel::durationText(double(want.longestWaitSecs)));
        QCOMPARE(want.csatResponses, 1);
        QCOMPARE(m_window->tile(QStringLiteral("csat"))->value(), locale.toString(want.csatAverage, 'f', 2));
        QCOMPARE(m_window->tile(QStringLiteral("per_customer"))->value(), locale.toString(want.contactsPerCustomer, 'f', 2));
        QVERIFY(m_window->statusLabel()->text().contains(QStringLiteral("refreshed in")));
        QTest::qWait(50); // charts lay out their axes and legends on the next event-loop turn
        QVERIFY(Testing::saveScreenshot(m_window.get(), QStringLiteral("dashboard.png")));
    }

    void everyChartHasItsTable()
    {
        ChartCard *csat = m_window->card(QStringLiteral("csat_distribution"));
        QVERIFY(csat && !csat->isShowingTable());
        QTest::mouseClick(csat->toggle(), Qt::LeftButton);
        QVERIFY(csat->isShowingTable());
        QCOMPARE(csat->tableView()->model()->rowCount(), 5);
        QCOMPARE(csat->tableView()->model()->index(1, 1).data().toString(), QStringLiteral("1")); // one 2-star rating
        QTest::mouseClick(csat->toggle(), Qt::LeftButton);
        QVERIFY(!csat->isShowingTable());
        for (const QString &key : {QStringLiteral("channels"), QStringLiteral("labels"), QStringLiteral("traffic")})
            QVERIFY2(m_window->card(key) && m_window->card(key)->tableView()->model(), qPrintable(key));
        QCOMPARE(m_window->card(QStringLiteral("channels"))->tableView()->model()->rowCount(), 2);
        QCOMPARE(m_window->card(QStringLiteral("traffic"))->tableView()->model()->rowCount(), 7);
    }

    void lowRatingOpensItsConversation()
    {
        QTableView *low = m_window->lowRatingsView();
        QCOMPARE(low->model()->rowCount(), 1);
        QSignalSpy requested(m_window.get(), &DashboardWindow::conversationRequested);
        const QModelIndex cell = low->model()->index(0, 1);
        low->scrollTo(cell);
        // An item view emits doubleClicked() only for the index the first press landed on.
        QTest::mouseClick(low->viewport(), Qt::LeftButton, {}, low->visualRect(cell).center());
        QTest::mouseDClick(low->viewport(), Qt::LeftButton, {}, low->visualRect(cell).center());
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().first().toLongLong(), m_profile.conversationId(101));
        QCOMPARE(m_window->agentView()->model()->rowCount(), int(expected().agents.size()));
    }

    void exportsEveryTableAsCsv()
    {
        QTemporaryDir out;
        QString error;
        QVERIFY2(m_window->exportCsv(out.path(), &error), qPrintable(error));
        const QList<Metrics::MetricTable> tables = m_window->report().tables();
        for (const Metrics::MetricTable &table : tables)
            QVERIFY2(QFile::exists(out.filePath(table.key + QStringLiteral(".csv"))), qPrintable(table.key));
        const QList<QStringList> summary = Common::Csv::parse(Testing::TempDataDir::readFile(out.filePath(QStringLiteral("summary.csv"))));
        bool found = false;
        for (const QStringList &row : summary) {
            if (row.value(0) == QStringLiteral("opened")) {
                QCOMPARE(row.value(1).toInt(), 4);
                found = true;
            }
        }
        QVERIFY(found);
    }

    void businessHoursRoundTripAndApply()
    {
        BusinessHoursDialog dialog(Metrics::BusinessHours::alwaysOpen());
        QVERIFY(dialog.alwaysOpenBox()->isChecked());
        dialog.alwaysOpenBox()->setChecked(false);
        dialog.zoneBox()->setCurrentText(QStringLiteral("Europe/Athens"));
        dialog.openEdit(0)->setTime(QTime(8, 30));
        dialog.dayBox(5)->setChecked(true); // Saturday too
        const Metrics::BusinessHours hours = dialog.hours();
        QVERIFY(!hours.isAlwaysOpen());
        QCOMPARE(hours.zone().id(), QByteArray("Europe/Athens"));
        QCOMPARE(hours.week()[0].openMinute, 8 * 60 + 30);
        QCOMPARE(hours.week()[0].closeMinute, 17 * 60);
        QVERIFY(hours.week()[5].closeMinute > hours.week()[5].openMinute);
        QCOMPARE(hours.week()[6].closeMinute, hours.week()[6].openMinute); // Sunday closed
        QVERIFY(hours.saveTo(m_profile.workspace));
        QVERIFY(refreshAndWait());
        QVERIFY(m_window->statusLabel()->text().contains(QStringLiteral("Europe/Athens")));
        const Metrics::MetricsReport want = expected();
        QCOMPARE(m_window->tile(QStringLiteral("frt_average"))->value(),
                 Models::MetricTableModel::durationText(want.firstResponse.averageSecs));
    }

    void slaTargetsRoundTripAndApply()
    {
        Metrics::Sla sla;
        SlaTargetsDialog dialog(sla);
        QCOMPARE(dialog.minutesBox(QStringLiteral("email"))->value(), 4 * 60);
        QVERIFY(!dialog.minutesBox(QStringLiteral("whatsapp"))->accessibleName().isEmpty());
        dialog.minutesBox(QStringLiteral("email"))->setValue(90);
        dialog.minutesBox(QStringLiteral("whatsapp"))->setValue(5);
        const Metrics::Sla edited = dialog.sla();
        QCOMPARE(edited.targetSecs(QStringLiteral("email")), qint64(90 * 60));
        QCOMPARE(edited.targetSecs(QStringLiteral("whatsapp")), qint64(5 * 60));
        QCOMPARE(edited.targetSecs(QStringLiteral("sms")), sla.targetSecs(QStringLiteral("sms")));
        QVERIFY(edited.saveTo(m_profile.workspace));
        QCOMPARE(Metrics::Sla::fromSettings(m_profile.workspace).targetSecs(QStringLiteral("whatsapp")), qint64(5 * 60));
        QVERIFY(refreshAndWait());
        const Metrics::MetricsReport want = expected();
        QVERIFY(m_window->tile(QStringLiteral("frt_within_target"))->value().contains(
            QLocale().toString(qRound(want.firstResponseWithinTarget * 100))));
    }

    void narrowWindowScreenshot()
    {
        m_window->resize(720, 900);
        QTest::qWait(20);
        QVERIFY(Testing::saveScreenshot(m_window.get(), QStringLiteral("dashboard-narrow.png")));
    }
};

QTEST_MAIN(TestMetricsDashboard)
#include "TestMetricsDashboard.moc"
