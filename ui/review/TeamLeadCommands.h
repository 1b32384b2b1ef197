#pragma once

#include <QObject>
#include <QPointer>

namespace Counterpart::Ui {

class DashboardWindow;
class MainWindow;
class ReviewWindow;

/**
 * What a team lead adds to the main window: the commands "review.open" (Ctrl+Shift+R) and
 * "metrics.open" (Ctrl+Shift+M), which open the review window and the metrics dashboard as
 * windows of their own. A conversation opened from the dashboard shows in the main window.
 * Installs nothing when the services carry no ReviewStore.
 */
class TeamLeadCommands : public QObject
{
    Q_OBJECT
public:
    explicit TeamLeadCommands(MainWindow *window);

    ReviewWindow *openReview();
    DashboardWindow *openDashboard();

private:
    MainWindow *m_window;
    QPointer<ReviewWindow> m_review;
    QPointer<DashboardWindow> m_dashboard;
};

} // namespace Counterpart::Ui
