#include "DashboardCharts.h"

#include "common/ChannelBadge.h"
#include "domain/Channel.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHorizontalBarSeries>
#include <QPieSeries>
#include <QPieSlice>
#include <QValueAxis>

namespace Counterpart::Ui {

namespace {

/** A count axis from 0 with whole-number ticks, about five of them. */
QValueAxis *countAxis(int largest)
{
    auto *axis = new QValueAxis;
    const int step = std::max(1, (largest + 4) / 5);
    axis->setRange(0, step * ((largest + step) / step));
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    axis->setTickInterval(step);
    axis->setLabelFormat(QStringLiteral("%d"));
    return axis;
}

} // namespace

DashboardCharts::DashboardCharts(QObject *parent)
    : QObject(parent)
    , m_csat(makeView(QStringLiteral("csatChart"), tr("CSAT distribution chart")))
    , m_channels(makeView(QStringLiteral("channelChart"), tr("Channel mix chart")))
    , m_labels(makeView(QStringLiteral("labelChart"), tr("Labels ranked chart")))
{
}

QChartView *DashboardCharts::makeView(const QString &objectName, const QString &accessibleName)
{
    auto *chart = new QChart;
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setAnimationOptions(QChart::NoAnimation); // the numbers should be there at once
    auto *view = new QChartView(chart);
    view->setObjectName(objectName);
    view->setAccessibleName(accessibleName);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(200);
    return view;
}

void DashboardCharts::clear(QChart *chart)
{
    chart->removeAllSeries();
    const QList<QAbstractAxis *> axes = chart->axes();
    for (QAbstractAxis *axis : axes) {
        chart->removeAxis(axis);
        delete axis;
    }
}

void DashboardCharts::update(const Metrics::MetricsReport &report)
{
    updateCsat(report);
    updateChannels(report);
    updateLabels(report);
}

void DashboardCharts::updateCsat(const Metrics::MetricsReport &report)
{
    QChart *chart = m_csat->chart();
    clear(chart);
    auto *set = new QBarSet(tr("Ratings"));
    QStringList categories;
    int largest = 0;
    for (int rating = 1; rating <= 5; ++rating) {
        const int count = report.csatDistribution[rating - 1];
        set->append(count);
        largest = std::max(largest, count);
        categories.append(QString::number(rating) + QChar(0x2605)); // 1★ … 5★: short enough for a narrow card
    }
    set->setColor(QColor(0x4c, 0x8b, 0xf5));
    auto *series = new QBarSeries;
    series->append(set);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(categories);
    QValueAxis *y = countAxis(largest);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    chart->legend()->hide();
    chart->setTitle(report.csatResponses == 0 ? tr("No ratings in this period") : QString());
}

void DashboardCharts::updateChannels(const Metrics::MetricsReport &report)
{
    QChart *chart = m_channels->chart();
    clear(chart);
    auto *series = new QPieSeries;
    series->setHoleSize(0.45);
    for (const auto &[channel, count] : report.channelMix) {
        const QString name = Domain::channelDisplayName(Domain::channelFromKey(channel));
        QPieSlice *slice = series->append(QStringLiteral("%1 (%2)").arg(name).arg(count), count);
        slice->setColor(ChannelBadge::color(channel));
    }
    chart->addSeries(series);
    chart->legend()->setVisible(!report.channelMix.isEmpty());
    chart->legend()->setAlignment(Qt::AlignRight);
    chart->setTitle(report.channelMix.isEmpty() ? tr("No conversations in this period") : QString());
}

void DashboardCharts::updateLabels(const Metrics::MetricsReport &report)
{
    QChart *chart = m_labels->chart();
    clear(chart);
    auto *previous = new QBarSet(tr("Previous period"));
    auto *current = new QBarSet(tr("This period"));
    previous->setColor(QColor(0xb0, 0xb7, 0xc3));
    current->setColor(QColor(0x4c, 0x8b, 0xf5));
    current->setSelectedColor(QColor(0xe0, 0x4f, 0x3a));
    QStringList categories;
    int largest = 0;
    // Horizontal bars draw the first category at the bottom: add the ranking reversed.
    const int shown = std::min(kLabelsShown, int(report.labels.size()));
    for (int i = shown - 1; i >= 0; --i) {
        const Metrics::LabelTrend &label = report.labels.at(i);
        previous->append(label.previousCount);
        current->append(label.count);
        if (label.spike())
            current->selectBar(shown - 1 - i);
        categories.append(label.spike() ? label.label + QStringLiteral(" ▲") : label.label);
        largest = std::max({largest, label.count, label.previousCount});
    }
    auto *series = new QHorizontalBarSeries;
    series->append(previous);
    series->append(current);
    chart->addSeries(series);
    auto *y = new QBarCategoryAxis;
    y->append(categories);
    QValueAxis *x = countAxis(largest);
    chart->addAxis(y, Qt::AlignLeft);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    series->attachAxis(y);
    chart->legend()->setVisible(shown > 0);
    chart->setTitle(shown == 0 ? tr("No labelled conversations in this period") : QString());
}

} // namespace Counterpart::Ui
