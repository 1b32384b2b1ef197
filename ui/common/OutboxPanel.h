#pragma once

#include <QWidget>

class QLabel;
class QListView;
class QPushButton;

namespace Counterpart::Models {
class OutboxListModel;
}
namespace Counterpart::Sync {
class OutboxStore;
class SyncEngine;
} // namespace Counterpart::Sync

namespace Counterpart::Ui {

/** The outbox: every change not yet on the server, why a failed one failed, Retry and Discard. */
class OutboxPanel : public QWidget
{
    Q_OBJECT
public:
    OutboxPanel(Sync::OutboxStore *outbox, Sync::SyncEngine *engine, QWidget *parent = nullptr);

    Models::OutboxListModel *model() const { return m_model; }
    QListView *view() const { return m_view; }

private:
    void updateButtons();
    qint64 currentId() const;

    Sync::SyncEngine *m_engine;
    Models::OutboxListModel *m_model;
    QListView *m_view;
    QLabel *m_empty;
    QPushButton *m_retry;
    QPushButton *m_discard;
};

} // namespace Counterpart::Ui
