#include "ReviewWindow.h"

#include "AnnotationPanel.h"
#include "QueueBuilderForm.h"
#include "ScorecardPanel.h"
#include "TrendDelegate.h"
#include "common/Csv.h"
#include "conversation/TranscriptView.h"
#include "models/AgentReviewSummaryModel.h"
#include "models/AnnotationListModel.h"
#include "models/ItemRoles.h"
#include "models/MessageListModel.h"
#include "models/ReviewQueueModel.h"
#include "review/ScorecardTable.h"
#include "print/PdfExport.h"
#include "review/ScorecardBuilder.h"
#include "storage/CacheStore.h"
#include "storage/ReviewStore.h"
#include "storage/WorkspaceStore.h"

#include <QAction>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QSaveFile>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

#include <limits>

namespace Counterpart::Ui {

namespace Roles = Models::Roles;

namespace {

QString excerpt(const QString &text, int length = 90)
{
    QString flat = text.simplified();
    if (flat.size() > length)
        flat = flat.left(length - 1) + QChar(0x2026);
    return flat;
}

bool writeFile(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = ReviewWindow::tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace

ReviewWindow::ReviewWindow(const Services &services, const QDateTime &now, QWidget *parent)
    : QMainWindow(parent)
    , m_services(services)
    , m_now(now)
    , m_rubric(Review::Rubric::fromSettings(*services.workspace))
    , m_queue(new Models::ReviewQueueModel(this))
    , m_messages(new Models::MessageListModel(services.cache, this))
    , m_annotations(new Models::AnnotationListModel(services.reviews, this))
    , m_agents(new Models::AgentReviewSummaryModel(services.reviews, this))
{
    setObjectName(QStringLiteral("reviewWindow"));
    setWindowTitle(tr("Review — Counterpart"));
    m_agents->setNow(now);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("reviewPanes"));
    split->setChildrenCollapsible(false);
    split->addWidget(buildQueuePane());
    split->addWidget(buildTranscriptPane());
    m_scorecard = new ScorecardPanel(split);
    m_scorecard->setMinimumWidth(300);
    split->addWidget(m_scorecard);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setStretchFactor(2, 0);
    split->setSizes({380, 520, 380});

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("reviewTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(split, tr("Queue"));
    m_tabs->addTab(buildAgentsPane(), tr("Agents"));
    setCentralWidget(m_tabs);
    buildToolBar();

    connect(m_scorecard, &ScorecardPanel::edited, this, [this] { m_dirty = true; });
    connect(m_scorecard, &ScorecardPanel::saveRequested, this, &ReviewWindow::saveScorecard);
    connect(m_scorecard, &ScorecardPanel::shareRequested, this, &ReviewWindow::shareScorecard);
    resize(1300, 800);
}

ReviewWindow::~ReviewWindow() = default;

QDateTime ReviewWindow::now() const
{
    return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
}

QWidget *ReviewWindow::buildQueuePane()
{
    auto *pane = new QWidget(this);
    pane->setObjectName(QStringLiteral("queuePane"));
    pane->setMinimumWidth(280);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(8, 8, 0, 8);
    m_form = new QueueBuilderForm(m_services.cache, m_now, pane);
    m_queueCount = new QLabel(tr("Build a queue to start reviewing."), pane);
    m_queueCount->setObjectName(QStringLiteral("queueCount"));
    m_queueCount->setWordWrap(true);
    m_queueView = new QTableView(pane);
    m_queueView->setObjectName(QStringLiteral("reviewQueue"));
    m_queueView->setAccessibleName(tr("Review queue"));
    m_queueView->setModel(m_queue);
    m_queueView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_queueView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_queueView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_queueView->setWordWrap(false);
    m_queueView->setTextElideMode(Qt::ElideRight);
    m_queueView->verticalHeader()->hide();
    m_queueView->horizontalHeader()->setStretchLastSection(false);
    m_queueView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_queueView->horizontalHeader()->setSectionResizeMode(Models::ReviewQueueModel::Subject, QHeaderView::Stretch);
    m_queueView->setColumnWidth(Models::ReviewQueueModel::Customer, 110);
    m_queueView->setColumnWidth(Models::ReviewQueueModel::Agent, 80);
    m_queueView->setColumnWidth(Models::ReviewQueueModel::Csat, 44);
    m_queueView->setColumnWidth(Models::ReviewQueueModel::Score, 50);
    // The inbox filter already says which channel; the pane is narrow.
    m_queueView->setColumnHidden(Models::ReviewQueueModel::Channel, true);
    m_queueView->setColumnHidden(Models::ReviewQueueModel::LastActivity, true);
    m_queueView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    layout->addWidget(m_form);
    layout->addWidget(m_queueCount);
    layout->addWidget(m_queueView, 1);
    connect(m_form, &QueueBuilderForm::buildRequested, this, &ReviewWindow::buildQueue);
    connect(m_queueView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    openRow(current.row());
            });
    return pane;
}

QWidget *ReviewWindow::buildTranscriptPane()
{
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("transcriptAnnotationSplit"));
    split->setChildrenCollapsible(false);
    split->setMinimumWidth(320);
    auto *top = new QWidget(split);
    auto *layout = new QVBoxLayout(top);
    layout->setContentsMargins(0, 8, 0, 0);
    m_transcriptTitle = new QLabel(top);
    m_transcriptTitle->setObjectName(QStringLiteral("reviewTranscriptTitle"));
    m_transcriptTitle->setTextFormat(Qt::PlainText);
    m_transcriptTitle->setWordWrap(true);
    m_transcriptTitle->setContentsMargins(8, 0, 8, 4);
    QFont bold = m_transcriptTitle->font();
    bold.setBold(true);
    m_transcriptTitle->setFont(bold);
    m_transcript = new TranscriptView(m_messages, top);
    m_transcript->setObjectName(QStringLiteral("reviewTranscript"));
    m_transcript->setAccessibleName(tr("Transcript under review"));
    layout->addWidget(m_transcriptTitle);
    layout->addWidget(m_transcript, 1);
    m_annotationPanel = new AnnotationPanel(m_services.reviews, m_annotations, split);
    m_annotationPanel->setNow(m_now);
    split->addWidget(top);
    split->addWidget(m_annotationPanel);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    connect(m_transcript->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ReviewWindow::showCurrentMessage);
    connect(m_messages, &QAbstractItemModel::modelReset, this, [this] { showCurrentMessage({}); });
    connect(m_annotationPanel, &AnnotationPanel::messageRequested, this, &ReviewWindow::selectMessage);
    m_annotationPanel->setCurrentMessage(0, QString());
    return split;
}

QWidget *ReviewWindow::buildAgentsPane()
{
    auto *pane = new QWidget(this);
    auto *layout = new QVBoxLayout(pane);
    auto *intro = new QLabel(tr("Scorecards per agent, with the weekly average of the last eight weeks."), pane);
    intro->setWordWrap(true);
    m_agentView = new QTableView(pane);
    m_agentView->setObjectName(QStringLiteral("agentReviews"));
    m_agentView->setAccessibleName(tr("Reviews per agent"));
    m_agentView->setModel(m_agents);
    m_agentView->setItemDelegateForColumn(Models::AgentReviewSummaryModel::Trend, new TrendDelegate(m_agentView));
    m_agentView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_agentView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_agentView->verticalHeader()->hide();
    m_agentView->horizontalHeader()->setSectionResizeMode(Models::AgentReviewSummaryModel::Agent, QHeaderView::Stretch);
    m_agentView->setColumnWidth(Models::AgentReviewSummaryModel::Trend, 190);
    layout->addWidget(intro);
    layout->addWidget(m_agentView, 1);
    return pane;
}

void ReviewWindow::buildToolBar()
{
    QToolBar *bar = addToolBar(tr("Review"));
    bar->setObjectName(QStringLiteral("reviewToolBar"));
    bar->setMovable(false);
    QAction *pdf = bar->addAction(tr("Export PDF…"), this, [this] { promptTranscriptExport(ExportFormat::Pdf); });
    pdf->setObjectName(QStringLiteral("exportPdf"));
    QAction *html = bar->addAction(tr("Export HTML…"), this, [this] { promptTranscriptExport(ExportFormat::Html); });
    html->setObjectName(QStringLiteral("exportHtml"));
    m_withAnnotations = bar->addAction(tr("with annotations"));
    m_withAnnotations->setObjectName(QStringLiteral("exportWithAnnotations"));
    m_withAnnotations->setCheckable(true);
    m_withAnnotations->setChecked(true);
    m_withScorecard = bar->addAction(tr("with scorecard"));
    m_withScorecard->setObjectName(QStringLiteral("exportWithScorecard"));
    m_withScorecard->setCheckable(true);
    m_withScorecard->setChecked(true);
    bar->addSeparator();
    QAction *csv = bar->addAction(tr("Export scorecards CSV…"), this, &ReviewWindow::promptScorecardExport);
    csv->setObjectName(QStringLiteral("exportScorecards"));
    m_conversationActions = {pdf, html};
    for (QAction *action : std::as_const(m_conversationActions))
        action->setEnabled(false);
}

void ReviewWindow::buildQueue(const Review::ReviewCriteria &criteria)
{
    if (!confirmDiscardEdits())
        return;
    const Review::ReviewQueue queue(m_services.cache, m_services.reviews);
    const QList<Review::QueueEntry> entries = queue.build(criteria);
    m_queue->setEntries(entries);
    if (entries.isEmpty())
        m_queueCount->setText(tr("No conversation matches these filters."));
    else if (entries.size() < queue.lastMatchCount())
        m_queueCount->setText(tr("%1 of %n matching conversation(s), drawn at random", nullptr, queue.lastMatchCount())
                                  .arg(entries.size()));
    else
        m_queueCount->setText(tr("%n conversation(s) to review", nullptr, int(entries.size())));
    m_conversationId = 0;
    m_dirty = false;
    m_messages->setConversation(0);
    m_annotations->setConversation(QString(), 0);
    m_scorecard->clear();
    m_transcriptTitle->clear();
    for (QAction *action : std::as_const(m_conversationActions))
        action->setEnabled(false);
    if (!entries.isEmpty())
        m_queueView->setCurrentIndex(m_queue->index(0, 0));
}

void ReviewWindow::openRow(int row)
{
    if (row < 0 || row >= m_queue->rowCount())
        return;
    const Review::QueueEntry entry = m_queue->entries().at(row);
    if (entry.conversationId == m_conversationId)
        return;
    if (!confirmDiscardEdits()) {
        const int back = m_queue->rowOfConversation(m_conversationId);
        QSignalBlocker block(m_queueView->selectionModel());
        m_queueView->setCurrentIndex(m_queue->index(back, 0));
        return;
    }
    m_conversationId = entry.conversationId;
    m_transcriptTitle->setText(entry.subject.isEmpty() ? entry.contactName
                                                       : entry.contactName + QStringLiteral(" — ") + entry.subject);
    m_transcript->showConversation(entry.conversationId);
    m_annotations->setConversation(entry.sourceUid, entry.conversationRemoteId);

    Review::Scorecard card = Review::ScorecardBuilder(m_services.cache).prefill(entry.conversationId, m_rubric);
    if (const auto saved = m_services.reviews->scorecard(entry.sourceUid, entry.conversationRemoteId))
        card = Review::ScorecardBuilder::merge(card, *saved, m_rubric);
    QHash<qint64, QString> replies;
    for (const Domain::Message &message : m_services.cache->messages(entry.conversationId, std::numeric_limits<int>::max())) {
        if (message.kind == Domain::MessageKind::Outgoing)
            replies.insert(message.remoteId, excerpt(message.text, 140));
    }
    m_scorecard->setScorecard(card, m_rubric, replies);
    m_dirty = false;
    for (QAction *action : std::as_const(m_conversationActions))
        action->setEnabled(true);
}

bool ReviewWindow::confirmDiscardEdits()
{
    if (!m_dirty || !m_scorecard->hasScorecard())
        return true;
    const auto answer = QMessageBox::question(this, tr("Unsaved scorecard"),
                                              tr("The scorecard of this conversation has changes that are not saved."),
                                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                                              QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return saveScorecard();
    return answer == QMessageBox::Discard;
}

QString ReviewWindow::reviewerName() const
{
    const QList<qint64> me = m_services.cache->meAgentIds();
    for (const Domain::Agent &agent : m_services.cache->agents()) {
        if (me.contains(agent.id))
            return agent.name;
    }
    return QString();
}

bool ReviewWindow::saveScorecard()
{
    if (!m_scorecard->hasScorecard())
        return false;
    Review::Scorecard card = m_scorecard->scorecard();
    card.total = std::max(0.0, m_rubric.total(card));
    if (card.reviewer.isEmpty())
        card.reviewer = reviewerName();
    // QtSql binds a null QString as NULL, and these columns are NOT NULL: store '' instead.
    for (QString *text : {&card.reviewer, &card.comment, &card.agentName}) {
        if (text->isNull())
            *text = QLatin1String("");
    }
    if (!card.createdAt.isValid())
        card.createdAt = now();
    card.updatedAt = now();
    const qint64 id = m_services.reviews->saveScorecard(card);
    if (id == 0) {
        statusBar()->showMessage(tr("The scorecard could not be saved: %1").arg(m_services.reviews->errorString()));
        return false;
    }
    card.id = id;
    m_dirty = false;
    m_scorecard->markSaved(id, card.sharedAt);
    m_queue->setScore(card.sourceUid, card.conversationRemoteId, card.total);
    statusBar()->showMessage(tr("Scorecard saved (%1 / 100).").arg(QLocale().toString(card.total, 'f', 0)), 5000);
    return true;
}

bool ReviewWindow::shareScorecard(Review::ScorecardSharing::Choice choice)
{
    if (!m_services.outbox) {
        statusBar()->showMessage(tr("Sharing needs the outbox, which is not available here."));
        return false;
    }
    if ((m_dirty || m_scorecard->scorecard().id == 0) && !saveScorecard())
        return false;
    const Review::Scorecard card = *m_services.reviews->scorecard(m_scorecard->scorecard().sourceUid,
                                                                  m_scorecard->scorecard().conversationRemoteId);
    Review::ScorecardSharing sharing(m_services.cache, m_services.outbox, m_services.reviews);
    QString error;
    if (!sharing.share(card, m_rubric, choice, &error)) {
        statusBar()->showMessage(tr("Not shared: %1").arg(error));
        return false;
    }
    const auto shared = m_services.reviews->scorecard(card.sourceUid, card.conversationRemoteId);
    m_scorecard->markSaved(card.id, shared ? shared->sharedAt : now());
    statusBar()->showMessage(tr("Queued for the helpdesk: it is sent with the outbox."), 5000);
    return true;
}

Review::TranscriptDocument::Options ReviewWindow::exportOptions() const
{
    return {m_withAnnotations->isChecked(), m_withScorecard->isChecked()};
}

bool ReviewWindow::exportTranscript(const QString &path, ExportFormat format,
                                    Review::TranscriptDocument::Options options, QString *error)
{
    if (m_conversationId == 0) {
        *error = tr("Open a conversation from the queue first.");
        return false;
    }
    const Review::TranscriptDocument document(m_services.cache, m_services.reviews);
    const QString html = document.html(m_conversationId, m_rubric, options, error);
    if (html.isEmpty())
        return false;
    if (format == ExportFormat::Html)
        return writeFile(path, html.toUtf8(), error);
    return Print::PdfExport::write(html, m_transcriptTitle->text(), path, error);
}

bool ReviewWindow::exportScorecards(const QString &path, QString *error)
{
    const Metrics::MetricTable table = Review::ScorecardTable::build(m_services.reviews->scorecards(), m_rubric);
    return writeFile(path, Common::Csv::write(table.columns, table.rows), error);
}

void ReviewWindow::promptTranscriptExport(ExportFormat format)
{
    const Review::TranscriptDocument document(m_services.cache, m_services.reviews);
    const bool pdf = format == ExportFormat::Pdf;
    const QString suggested = document.suggestedFileName(m_conversationId) + (pdf ? QStringLiteral(".pdf") : QStringLiteral(".html"));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export transcript"), suggested,
                                                      pdf ? tr("PDF (*.pdf)") : tr("HTML (*.html)"));
    if (path.isEmpty())
        return;
    QString error;
    if (exportTranscript(path, format, exportOptions(), &error))
        statusBar()->showMessage(tr("Exported to %1").arg(path), 5000);
    else
        QMessageBox::warning(this, tr("Export failed"), error);
}

void ReviewWindow::promptScorecardExport()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export scorecards"), QStringLiteral("scorecards.csv"),
                                                      tr("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (exportScorecards(path, &error))
        statusBar()->showMessage(tr("Exported to %1").arg(path), 5000);
    else
        QMessageBox::warning(this, tr("Export failed"), error);
}

void ReviewWindow::showCurrentMessage(const QModelIndex &index)
{
    if (!index.isValid()) {
        m_annotationPanel->setCurrentMessage(0, QString());
        return;
    }
    m_annotationPanel->setCurrentMessage(index.data(Roles::MessageRemoteId).toLongLong(),
                                         excerpt(index.data(Roles::MessageText).toString()));
}

bool ReviewWindow::selectMessage(qint64 messageRemoteId)
{
    for (;;) {
        for (int row = 0; row < m_messages->rowCount(); ++row) {
            const QModelIndex index = m_messages->index(row);
            if (index.data(Roles::MessageRemoteId).toLongLong() == messageRemoteId) {
                m_transcript->setCurrentIndex(index);
                m_transcript->scrollTo(index);
                return true;
            }
        }
        if (!m_messages->hasOlder() || m_messages->fetchOlder() == 0)
            return false;
    }
}

} // namespace Counterpart::Ui
