#pragma once

#include "Services.h"
#include "metrics/MetricsReport.h"

#include <QHash>
#include <QMainWindow>

class QGridLayout;
class QLabel;
class QTableView;
class QTimer;

namespace Counterpart::Models {
class MetricTableModel;
}

namespace Counterpart::Ui {

class ChartCard;
class DashboardCharts;
class DashboardFilterBar;
class KpiTile;
class MetricsRefresher;

/**
 * The team lead's metrics dashboard over the local cache: filters, headline numbers, charts with
 * their tables, the traffic heatmap, low ratings to follow up and the per-agent table. Computed on
 * a worker thread (MetricsRefresher) so the window stays responsive at 100,000 conversations.
 */
class DashboardWindow : public QMainWindow
{
    Q_OBJECT
public:
    DashboardWindow(const Services &services, const QDateTime &now, QWidget *parent = nullptr);
    ~DashboardWindow() override;

    /** Starts a refresh with the current filters; refreshed() follows. */
    void refresh();
    bool isRefreshing() const;
    const Metrics::MetricsReport &report() const { return m_report; }
    /** Writes every metric table as <dir>/<key>.csv. */
    bool exportCsv(const QString &directory, QString *error);
    /** Opens the business hours dialog; saves and refreshes when accepted. */
    void editBusinessHours();
    void editSlaTargets();

    DashboardFilterBar *filterBar() const { return m_filters; }
    KpiTile *tile(const QString &key) const { return m_tiles.value(key); }
    ChartCard *card(const QString &key) const { return m_cards.value(key); }
    Models::MetricTableModel *tableModel(const QString &key) const { return m_tables.value(key); }
    QTableView *lowRatingsView() const { return m_lowRatings; }
    QTableView *agentView() const { return m_agents; }
    QLabel *statusLabel() const { return m_status; }

signals:
    void refreshed();
    void conversationRequested(qint64 conversationId);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    QWidget *buildTiles();
    QWidget *buildCharts();
    QWidget *buildTables();
    Models::MetricTableModel *makeTable(const QString &key);
    void addTile(const QString &key, const QString &title);
    void layoutTiles();
    void showReport(const Metrics::MetricsReport &report, const QString &error);
    void updateTiles();
    void configureColumns();
    void promptExport();
    QHash<QString, QPair<double, int>> reviewScores() const;

    Services m_services;
    QDateTime m_now;
    MetricsRefresher *m_refresher;
    DashboardCharts *m_charts;
    QTimer *m_debounce;
    Metrics::MetricsReport m_report;
    DashboardFilterBar *m_filters = nullptr;
    QLabel *m_status = nullptr;
    QGridLayout *m_tileGrid = nullptr;
    QList<KpiTile *> m_tileOrder;
    QHash<QString, KpiTile *> m_tiles;
    QHash<QString, ChartCard *> m_cards;
    QHash<QString, Models::MetricTableModel *> m_tables;
    QTableView *m_lowRatings = nullptr;
    QTableView *m_agents = nullptr;
    QTableView *m_heatmap = nullptr;
    int m_tileColumns = 0;
    bool m_columnsConfigured = false;
};

} // namespace Counterpart::Ui
