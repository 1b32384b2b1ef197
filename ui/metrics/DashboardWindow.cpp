#include "DashboardWindow.h"

#include "BusinessHoursDialog.h"
#include "SlaTargetsDialog.h"
#include "ChartCard.h"
#include "DashboardCharts.h"
#include "DashboardFilterBar.h"
#include "HeatmapDelegate.h"
#include "KpiTile.h"
#include "MetricsRefresher.h"
#include "common/Csv.h"
#include "metrics/MetricsEngine.h"
#include "models/ItemRoles.h"
#include "models/MetricTableModel.h"
#include "storage/CacheStore.h"
#include "storage/ReviewStore.h"
#include "storage/WorkspaceStore.h"

#include <QChartView>
#include <QDir>
#include <QFileDialog>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace Counterpart::Ui {

using Models::MetricTableModel;
using Format = MetricTableModel::Format;

namespace {

constexpr int kTileWidth = 200;

QString seconds(const Metrics::DurationStats &stats, double value)
{
    return stats.count > 0 ? MetricTableModel::durationText(value) : QStringLiteral("—");
}

QString percent(double share, int of)
{
    return of > 0 ? QLocale().toString(share * 100.0, 'f', 0) + QLatin1Char('%') : QStringLiteral("—");
}

QLabel *sectionTitle(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.15);
    label->setFont(font);
    return label;
}

} // namespace

DashboardWindow::DashboardWindow(const Services &services, const QDateTime &now, QWidget *parent)
    : QMainWindow(parent)
    , m_services(services)
    , m_now(now)
    , m_refresher(new MetricsRefresher(services.cache->path(), this))
    , m_charts(new DashboardCharts(this))
    , m_debounce(new QTimer(this))
{
    setObjectName(QStringLiteral("dashboardWindow"));
    setWindowTitle(tr("Metrics — Counterpart"));
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(150);
    connect(m_debounce, &QTimer::timeout, this, &DashboardWindow::refresh);

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("dashboardScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(scroll);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(12, 10, 12, 12);
    layout->setSpacing(10);

    m_filters = new DashboardFilterBar(services.cache, now, content);
    m_status = new QLabel(content);
    m_status->setObjectName(QStringLiteral("refreshStatus"));
    m_status->setAccessibleName(tr("Refresh status"));
    layout->addWidget(m_filters);
    layout->addWidget(m_status);
    layout->addWidget(buildTiles());
    layout->addWidget(buildCharts());
    layout->addWidget(buildTables());
    layout->addStretch(1);
    scroll->setWidget(content);
    setCentralWidget(scroll);

    connect(m_filters, &DashboardFilterBar::filterChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_filters->refreshButton(), &QPushButton::clicked, this, &DashboardWindow::refresh);
    // Both settings change every duration the dashboard shows, so they share one button.
    auto *settings = new QMenu(m_filters->hoursButton());
    settings->addAction(tr("Business hours and time zone…"), this, &DashboardWindow::editBusinessHours);
    settings->addAction(tr("First-response targets…"), this, &DashboardWindow::editSlaTargets);
    m_filters->hoursButton()->setMenu(settings);
    connect(m_filters->exportButton(), &QPushButton::clicked, this, &DashboardWindow::promptExport);
    connect(m_refresher, &MetricsRefresher::started, this, [this] { m_status->setText(tr("Refreshing…")); });
    connect(m_refresher, &MetricsRefresher::reportReady, this, &DashboardWindow::showReport);
    resize(1280, 860);
}

DashboardWindow::~DashboardWindow() = default;

void DashboardWindow::addTile(const QString &key, const QString &title)
{
    auto *tile = new KpiTile(key, title, this);
    m_tiles.insert(key, tile);
    m_tileOrder.append(tile);
}

QWidget *DashboardWindow::buildTiles()
{
    auto *box = new QWidget(this);
    box->setObjectName(QStringLiteral("kpiTiles"));
    m_tileGrid = new QGridLayout(box);
    m_tileGrid->setContentsMargins(0, 0, 0, 0);
    addTile(QStringLiteral("frt_average"), tr("First response, average"));
    addTile(QStringLiteral("frt_median"), tr("First response, median"));
    addTile(QStringLiteral("frt_within_target"), tr("First responses within target"));
    addTile(QStringLiteral("longest_wait"), tr("Longest first wait"));
    addTile(QStringLiteral("reply_time"), tr("Reply time, average"));
    addTile(QStringLiteral("resolution_time"), tr("Resolution time, average"));
    addTile(QStringLiteral("opened"), tr("Conversations opened"));
    addTile(QStringLiteral("resolved"), tr("Resolved"));
    addTile(QStringLiteral("reopened"), tr("Reopened"));
    addTile(QStringLiteral("csat"), tr("CSAT average"));
    addTile(QStringLiteral("sla"), tr("SLA hit rate"));
    addTile(QStringLiteral("per_customer"), tr("Conversations per customer"));
    for (KpiTile *tile : std::as_const(m_tileOrder))
        tile->setParent(box);
    layoutTiles();
    return box;
}

void DashboardWindow::layoutTiles()
{
    // Tiles flow into as many columns as fit, so a narrow window stacks them instead of clipping.
    const int available = std::max(kTileWidth, width() - 40);
    const int columns = std::clamp(available / kTileWidth, 1, 6);
    if (columns == m_tileColumns)
        return;
    m_tileColumns = columns;
    for (KpiTile *tile : std::as_const(m_tileOrder))
        m_tileGrid->removeWidget(tile);
    for (int i = 0; i < m_tileOrder.size(); ++i)
        m_tileGrid->addWidget(m_tileOrder.at(i), i / columns, i % columns);
}

void DashboardWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    layoutTiles();
}

Models::MetricTableModel *DashboardWindow::makeTable(const QString &key)
{
    auto *model = new MetricTableModel(this);
    model->setObjectName(key);
    m_tables.insert(key, model);
    return model;
}

QWidget *DashboardWindow::buildCharts()
{
    auto *box = new QWidget(this);
    auto *grid = new QGridLayout(box);
    grid->setContentsMargins(0, 0, 0, 0);

    MetricTableModel *csat = makeTable(QStringLiteral("csat_distribution"));
    csat->setColumnTitles({{QStringLiteral("rating"), tr("Rating")}, {QStringLiteral("responses"), tr("Responses")}});
    MetricTableModel *channels = makeTable(QStringLiteral("channels"));
    channels->setColumnTitles({{QStringLiteral("channel"), tr("Channel")},
                               {QStringLiteral("conversations"), tr("Conversations")},
                               {QStringLiteral("share"), tr("Share")}});
    channels->setColumnFormat(QStringLiteral("share"), Format::Share);
    MetricTableModel *labels = makeTable(QStringLiteral("labels"));
    labels->setColumnTitles({{QStringLiteral("label"), tr("Label")},
                             {QStringLiteral("conversations"), tr("This period")},
                             {QStringLiteral("previous_period"), tr("Previous period")},
                             {QStringLiteral("change"), tr("Change")},
                             {QStringLiteral("spike"), tr("Spike")}});
    MetricTableModel *traffic = makeTable(QStringLiteral("traffic"));
    QHash<QString, QString> hours{{QStringLiteral("weekday"), tr("Day")}};
    for (int hour = 0; hour < 24; ++hour)
        hours.insert(QStringLiteral("h%1").arg(hour, 2, 10, QLatin1Char('0')), QString::number(hour));
    traffic->setColumnTitles(hours);

    auto *heatmap = new QTableView;
    heatmap->setObjectName(QStringLiteral("trafficHeatmap"));
    heatmap->setAccessibleName(tr("New conversations by weekday and hour"));
    heatmap->setModel(traffic);
    heatmap->setItemDelegate(new HeatmapDelegate(heatmap));
    heatmap->setShowGrid(false);
    heatmap->setEditTriggers(QAbstractItemView::NoEditTriggers);
    heatmap->setSelectionMode(QAbstractItemView::NoSelection);
    heatmap->verticalHeader()->hide();
    heatmap->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    heatmap->horizontalHeader()->setMinimumSectionSize(18);
    heatmap->verticalHeader()->setDefaultSectionSize(24); // all seven days in view at once
    m_heatmap = heatmap;

    const auto add = [this, grid](const QString &key, const QString &title, QWidget *picture,
                                  MetricTableModel *model, int row, int column, int span) {
        auto *card = new ChartCard(key, title, picture, model, this);
        m_cards.insert(key, card);
        grid->addWidget(card, row, column, 1, span);
    };
    add(QStringLiteral("csat_distribution"), tr("CSAT distribution"), m_charts->csatView(), csat, 0, 0, 1);
    add(QStringLiteral("channels"), tr("Channel mix"), m_charts->channelView(), channels, 0, 1, 1);
    add(QStringLiteral("labels"), tr("Labels, ranked (▲ spike against the previous period)"), m_charts->labelView(),
        labels, 1, 0, 1);
    add(QStringLiteral("traffic"), tr("Traffic by weekday and hour"), heatmap, traffic, 1, 1, 1);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    return box;
}

QWidget *DashboardWindow::buildTables()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);

    MetricTableModel *low = makeTable(QStringLiteral("low_ratings"));
    low->setColumnTitles({{QStringLiteral("conversation_id"), tr("#")}, {QStringLiteral("customer"), tr("Customer")},
                          {QStringLiteral("agent"), tr("Agent")}, {QStringLiteral("rating"), tr("Rating")},
                          {QStringLiteral("comment"), tr("Comment")}, {QStringLiteral("at"), tr("When")}});
    m_lowRatings = new QTableView(box);
    m_lowRatings->setObjectName(QStringLiteral("lowRatings"));
    m_lowRatings->setAccessibleName(tr("Low ratings to follow up; double-click opens the conversation"));
    m_lowRatings->setModel(low);
    m_lowRatings->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_lowRatings->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_lowRatings->verticalHeader()->hide();
    m_lowRatings->horizontalHeader()->setStretchLastSection(true);
    m_lowRatings->setMinimumHeight(160);
    connect(m_lowRatings, &QTableView::doubleClicked, this, [this, low](const QModelIndex &index) {
        const QModelIndex id = low->index(index.row(), low->columnOf(QStringLiteral("conversation_id")));
        emit conversationRequested(id.data(Models::Roles::MetricValue).toLongLong());
    });

    MetricTableModel *agents = makeTable(QStringLiteral("agents"));
    agents->setColumnTitles({{QStringLiteral("agent"), tr("Agent")},
                             {QStringLiteral("conversations"), tr("Conversations")},
                             {QStringLiteral("resolved"), tr("Resolved")},
                             {QStringLiteral("first_response_average_s"), tr("First response")},
                             {QStringLiteral("resolution_average_s"), tr("Resolution time")},
                             {QStringLiteral("csat_average"), tr("CSAT")},
                             {QStringLiteral("csat_responses"), tr("Ratings")},
                             {QStringLiteral("review_score"), tr("Review score")},
                             {QStringLiteral("reviews"), tr("Reviews")}});
    agents->setColumnFormat(QStringLiteral("first_response_average_s"), Format::Seconds);
    agents->setColumnFormat(QStringLiteral("resolution_average_s"), Format::Seconds);
    agents->setColumnFormat(QStringLiteral("csat_average"), Format::Decimal);
    auto *sorted = new QSortFilterProxyModel(this);
    sorted->setSourceModel(agents);
    sorted->setSortRole(Models::Roles::MetricValue);
    m_agents = new QTableView(box);
    m_agents->setObjectName(QStringLiteral("agentMetrics"));
    m_agents->setAccessibleName(tr("Metrics per agent"));
    m_agents->setModel(sorted);
    m_agents->setSortingEnabled(true);
    m_agents->sortByColumn(1, Qt::DescendingOrder);
    m_agents->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_agents->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_agents->verticalHeader()->hide();
    // Per-section modes need the columns, which arrive with the first report.
    m_agents->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_agents->horizontalHeader()->setStretchLastSection(true);
    m_agents->setMinimumHeight(200);

    makeTable(QStringLiteral("summary")); // exported with the rest; the tiles show it

    layout->addWidget(sectionTitle(tr("Low ratings to follow up"), box));
    layout->addWidget(m_lowRatings);
    layout->addWidget(sectionTitle(tr("Agents"), box));
    layout->addWidget(m_agents);
    return box;
}

void DashboardWindow::configureColumns()
{
    // Per-column settings need the columns, which the tables get with the first report.
    if (m_columnsConfigured || m_tables.value(QStringLiteral("traffic"))->columnCount() == 0)
        return;
    m_columnsConfigured = true;
    m_heatmap->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_lowRatings->setColumnHidden(0, true); // a cache rowid: nothing a person reads
    m_lowRatings->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_lowRatings->horizontalHeader()->setStretchLastSection(true);
    m_agents->horizontalHeader()->setStretchLastSection(false);
    m_agents->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
}

QHash<QString, QPair<double, int>> DashboardWindow::reviewScores() const
{
    QHash<QString, QPair<double, int>> scores;
    if (!m_services.reviews)
        return scores;
    for (const Review::Scorecard &card : m_services.reviews->scorecards()) {
        auto &[sum, count] = scores[Metrics::MetricsEngine::agentKey(card.sourceUid, card.agentRemoteId)];
        sum += card.total;
        ++count;
    }
    for (auto &[sum, count] : scores)
        sum /= count;
    return scores;
}

void DashboardWindow::refresh()
{
    m_debounce->stop();
    MetricsRequest request;
    request.hours = Metrics::BusinessHours::fromSettings(*m_services.workspace);
    request.sla = Metrics::Sla::fromSettings(*m_services.workspace);
    request.filter = m_filters->filter(request.hours.zone());
    request.now = m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
    request.reviewScores = reviewScores();
    m_refresher->request(request);
}

bool DashboardWindow::isRefreshing() const
{
    return m_refresher->isBusy();
}

void DashboardWindow::showReport(const Metrics::MetricsReport &report, const QString &error)
{
    m_report = report;
    if (!error.isEmpty()) {
        m_status->setText(tr("The metrics could not be computed: %1").arg(error));
        emit refreshed();
        return;
    }
    updateTiles();
    m_charts->update(report);
    for (const Metrics::MetricTable &table : report.tables()) {
        if (MetricTableModel *model = m_tables.value(table.key))
            model->setTable(table);
    }
    configureColumns();
    const Metrics::BusinessHours hours = Metrics::BusinessHours::fromSettings(*m_services.workspace);
    const QString clock = hours.isAlwaysOpen() ? tr("wall-clock time") : tr("business hours");
    m_status->setText(tr("%n conversation(s) opened in this period · times in %1, %2 · refreshed in %3 ms", nullptr,
                         report.opened)
                          .arg(clock, QString::fromLatin1(hours.zone().id()))
                          .arg(QLocale().toString(report.refreshMs, 'f', 0)));
    emit refreshed();
}

void DashboardWindow::updateTiles()
{
    const Metrics::MetricsReport &r = m_report;
    const QLocale locale;
    tile(QStringLiteral("frt_average"))->setValue(seconds(r.firstResponse, r.firstResponse.averageSecs),
                                                  tr("%n first response(s)", nullptr, r.firstResponse.count));
    tile(QStringLiteral("frt_median"))->setValue(seconds(r.firstResponse, r.firstResponse.medianSecs));
    tile(QStringLiteral("frt_within_target"))->setValue(percent(r.firstResponseWithinTarget, r.firstResponse.count),
                                                        tr("%n still waiting for a first reply", nullptr, r.awaitingFirstReply));
    tile(QStringLiteral("longest_wait"))->setValue(
        r.longestWaitSecs > 0 || r.firstResponse.count > 0 ? MetricTableModel::durationText(double(r.longestWaitSecs))
                                                           : QStringLiteral("—"));
    tile(QStringLiteral("reply_time"))->setValue(seconds(r.replyTime, r.replyTime.averageSecs),
                                                 tr("median %1").arg(seconds(r.replyTime, r.replyTime.medianSecs)));
    tile(QStringLiteral("resolution_time"))->setValue(seconds(r.resolutionTime, r.resolutionTime.averageSecs),
                                                      tr("median %1").arg(seconds(r.resolutionTime, r.resolutionTime.medianSecs)));
    tile(QStringLiteral("opened"))->setValue(locale.toString(r.opened));
    tile(QStringLiteral("resolved"))->setValue(locale.toString(r.resolved));
    tile(QStringLiteral("reopened"))->setValue(locale.toString(r.reopened));
    tile(QStringLiteral("csat"))->setValue(r.csatResponses > 0 ? locale.toString(r.csatAverage, 'f', 2) : QStringLiteral("—"),
                                           tr("%n rating(s)", nullptr, r.csatResponses));
    tile(QStringLiteral("sla"))->setValue(percent(r.slaHitRate, r.slaDecided),
                                          tr("%1 of %2 on time").arg(r.slaHits).arg(r.slaDecided));
    tile(QStringLiteral("per_customer"))->setValue(
        r.customers > 0 ? locale.toString(r.contactsPerCustomer, 'f', 2) : QStringLiteral("—"),
        tr("%n repeat customer(s)", nullptr, r.repeatCustomers));
}

bool DashboardWindow::exportCsv(const QString &directory, QString *error)
{
    if (!QDir().mkpath(directory)) {
        *error = tr("Cannot create %1").arg(directory);
        return false;
    }
    for (const Metrics::MetricTable &table : m_report.tables()) {
        QSaveFile file(QDir(directory).filePath(table.key + QStringLiteral(".csv")));
        const QByteArray bytes = Common::Csv::write(table.columns, table.rows);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
            *error = tr("Cannot write %1: %2").arg(file.fileName(), file.errorString());
            return false;
        }
    }
    return true;
}

void DashboardWindow::promptExport()
{
    const QString directory = QFileDialog::getExistingDirectory(this, tr("Export every metric table to a folder"));
    if (directory.isEmpty())
        return;
    QString error;
    if (exportCsv(directory, &error))
        m_status->setText(tr("%n table(s) written to %1", nullptr, int(m_report.tables().size())).arg(directory));
    else
        QMessageBox::warning(this, tr("Export failed"), error);
}

void DashboardWindow::editBusinessHours()
{
    BusinessHoursDialog dialog(Metrics::BusinessHours::fromSettings(*m_services.workspace), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (!dialog.hours().saveTo(*m_services.workspace)) {
        QMessageBox::warning(this, tr("Business hours"), tr("The business hours could not be saved."));
        return;
    }
    refresh();
}

void DashboardWindow::editSlaTargets()
{
    SlaTargetsDialog dialog(Metrics::Sla::fromSettings(*m_services.workspace), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (!dialog.sla().saveTo(*m_services.workspace)) {
        QMessageBox::warning(this, tr("First-response targets"), tr("The targets could not be saved."));
        return;
    }
    refresh();
}

} // namespace Counterpart::Ui
