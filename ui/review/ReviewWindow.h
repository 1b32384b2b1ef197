#pragma once

#include "Services.h"
#include "review/ReviewQueue.h"
#include "review/Rubric.h"
#include "review/ScorecardSharing.h"
#include "review/TranscriptDocument.h"

#include <QMainWindow>

class QAction;
class QLabel;
class QTableView;
class QTabWidget;

namespace Counterpart::Models {
class AgentReviewSummaryModel;
class AnnotationListModel;
class MessageListModel;
class ReviewQueueModel;
} // namespace Counterpart::Models

namespace Counterpart::Ui {

class AnnotationPanel;
class QueueBuilderForm;
class ScorecardPanel;
class TranscriptView;

/**
 * The team lead's review mode: a queue built from filters, the read-only transcript of the
 * conversation picked with its annotations, the scorecard beside it, and exports. A second tab
 * lists reviews per agent with their weekly trend. Works from the local stores only (offline).
 */
class ReviewWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum class ExportFormat { Pdf, Html };

    /** `services.reviews` must be set; `now` pins the clock (invalid: real time). */
    ReviewWindow(const Services &services, const QDateTime &now, QWidget *parent = nullptr);
    ~ReviewWindow() override;

    void buildQueue(const Review::ReviewCriteria &criteria);
    /** Opens a queue row: transcript, annotations and the scorecard (saved, or pre-filled). */
    void openRow(int row);
    qint64 currentConversation() const { return m_conversationId; }
    bool saveScorecard();
    bool shareScorecard(Review::ScorecardSharing::Choice choice);
    bool exportTranscript(const QString &path, ExportFormat format, Review::TranscriptDocument::Options options,
                          QString *error);
    /** Every scorecard in the workspace as CSV. */
    bool exportScorecards(const QString &path, QString *error);
    /** Selects a message of the open transcript by its server id (loads older pages as needed). */
    bool selectMessage(qint64 messageRemoteId);

    QueueBuilderForm *queueForm() const { return m_form; }
    Models::ReviewQueueModel *queueModel() const { return m_queue; }
    QTableView *queueView() const { return m_queueView; }
    TranscriptView *transcript() const { return m_transcript; }
    AnnotationPanel *annotationPanel() const { return m_annotationPanel; }
    ScorecardPanel *scorecardPanel() const { return m_scorecard; }
    QTableView *agentView() const { return m_agentView; }
    Models::AgentReviewSummaryModel *agentModel() const { return m_agents; }
    QTabWidget *tabs() const { return m_tabs; }

private:
    QWidget *buildQueuePane();
    QWidget *buildTranscriptPane();
    QWidget *buildAgentsPane();
    void buildToolBar();
    void showCurrentMessage(const QModelIndex &index);
    void promptTranscriptExport(ExportFormat format);
    void promptScorecardExport();
    bool confirmDiscardEdits();
    Review::TranscriptDocument::Options exportOptions() const;
    QDateTime now() const;
    QString reviewerName() const;

    Services m_services;
    QDateTime m_now;
    Review::Rubric m_rubric;
    Models::ReviewQueueModel *m_queue;
    Models::MessageListModel *m_messages;
    Models::AnnotationListModel *m_annotations;
    Models::AgentReviewSummaryModel *m_agents;
    QTabWidget *m_tabs = nullptr;
    QueueBuilderForm *m_form = nullptr;
    QLabel *m_queueCount = nullptr;
    QTableView *m_queueView = nullptr;
    QLabel *m_transcriptTitle = nullptr;
    TranscriptView *m_transcript = nullptr;
    AnnotationPanel *m_annotationPanel = nullptr;
    ScorecardPanel *m_scorecard = nullptr;
    QTableView *m_agentView = nullptr;
    QAction *m_withAnnotations = nullptr;
    QAction *m_withScorecard = nullptr;
    QList<QAction *> m_conversationActions;
    qint64 m_conversationId = 0;
    bool m_dirty = false;
};

} // namespace Counterpart::Ui
