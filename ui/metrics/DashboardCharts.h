#pragma once

#include "metrics/MetricsReport.h"

#include <QObject>

class QChart;
class QChartView;

namespace Counterpart::Ui {

/**
 * The dashboard's three Qt Charts: CSAT distribution, channel mix, labels ranked against the
 * previous period (a spike is drawn in the warning colour and marked ▲ on its axis label).
 * update() replaces the series; the views stay.
 */
class DashboardCharts : public QObject
{
    Q_OBJECT
public:
    explicit DashboardCharts(QObject *parent = nullptr);

    QChartView *csatView() const { return m_csat; }
    QChartView *channelView() const { return m_channels; }
    QChartView *labelView() const { return m_labels; }

    void update(const Metrics::MetricsReport &report);

    /** How many labels the ranking shows (the table has them all). */
    static constexpr int kLabelsShown = 10;

private:
    static QChartView *makeView(const QString &objectName, const QString &accessibleName);
    void updateCsat(const Metrics::MetricsReport &report);
    void updateChannels(const Metrics::MetricsReport &report);
    void updateLabels(const Metrics::MetricsReport &report);
    static void clear(QChart *chart);

    QChartView *m_csat;
    QChartView *m_channels;
    QChartView *m_labels;
};

} // namespace Counterpart::Ui
