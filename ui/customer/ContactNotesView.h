#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QVBoxLayout;

namespace Counterpart::Storage {
class CacheStore;
}
namespace Counterpart::Sync {
class OutboxStore;
class SyncEngine;
} // namespace Counterpart::Sync
namespace Counterpart::Models {
class ContactNotesModel;
}

namespace Counterpart::Ui {

/**
 * The sidebar's "Notes": what the team keeps about the customer, newest first, with author and
 * time, and a field to add one. A new note goes into the outbox like a reply and shows as
 * pending (or failed, with the reason) until the server has it.
 */
class ContactNotesView : public QWidget
{
    Q_OBJECT
public:
    /** Without `outbox` the notes are read-only; `sync` (optional) sends and fetches at once. */
    ContactNotesView(Storage::CacheStore *cache, Sync::OutboxStore *outbox, Sync::SyncEngine *sync,
                     QWidget *parent = nullptr);

    /** The customer of the open conversation; a new note is ordered with that conversation. */
    void showContact(qint64 contactId, qint64 conversationRemoteId);
    Models::ContactNotesModel *model() const { return m_model; }
    /** Queues the text of the input as a note; the outbox id, 0 when nothing was queued. */
    qint64 addNote();

private:
    void rebuild();
    void updateAddButton();

    Sync::OutboxStore *m_outbox;
    Sync::SyncEngine *m_sync;
    Models::ContactNotesModel *m_model;
    qint64 m_conversationRemoteId = 0;
    QVBoxLayout *m_list;
    QPlainTextEdit *m_input;
    QPushButton *m_add;
    QLabel *m_status;
};

} // namespace Counterpart::Ui
