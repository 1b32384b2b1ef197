#include "TeamLeadCommands.h"

#include "MainWindow.h"
#include "ReviewWindow.h"
#include "common/ActionRegistry.h"
#include "metrics/DashboardWindow.h"

namespace Counterpart::Ui {

TeamLeadCommands::TeamLeadCommands(MainWindow *window)
    : QObject(window)
    , m_window(window)
{
    if (!window->services().reviews)
        return;
    const QString category = tr("Team lead");
    window->actions()->add({QStringLiteral("review.open"), tr("Review conversations…"), category,
                            {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R)}},
                           [this] { openReview(); });
    window->actions()->add({QStringLiteral("metrics.open"), tr("Metrics dashboard…"), category,
                            {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M)}},
                           [this] { openDashboard(); });
}

ReviewWindow *TeamLeadCommands::openReview()
{
    if (!m_review) {
        m_review = new ReviewWindow(m_window->services(), m_window->now(), m_window);
        m_review->setWindowFlag(Qt::Window);
        m_review->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_review->show();
    m_review->raise();
    m_review->activateWindow();
    return m_review;
}

DashboardWindow *TeamLeadCommands::openDashboard()
{
    if (!m_dashboard) {
        m_dashboard = new DashboardWindow(m_window->services(), m_window->now(), m_window);
        m_dashboard->setWindowFlag(Qt::Window);
        m_dashboard->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_dashboard, &DashboardWindow::conversationRequested, m_window, [this](qint64 id) {
            m_window->openConversation(id);
            m_window->raise();
            m_window->activateWindow();
        });
        m_dashboard->refresh();
    }
    m_dashboard->show();
    m_dashboard->raise();
    m_dashboard->activateWindow();
    return m_dashboard;
}

} // namespace Counterpart::Ui
