#pragma once

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QWidget>

class QLabel;
class QToolButton;
class QListWidget;
class QVBoxLayout;

namespace Counterpart::Ui {
class ContactNotesView;
}

namespace Counterpart::Storage {
class CacheStore;
class WorkspaceStore;
} // namespace Counterpart::Storage
namespace Counterpart::Sync {
class OutboxStore;
class SyncEngine;
} // namespace Counterpart::Sync

namespace Counterpart::Ui {

/**
 * The customer beside the conversation: who they are, their language and local time, plan and
 * orders, the team's notes about them, earlier conversations on every channel and how they
 * rated them.
 */
class CustomerSidebar : public QWidget
{
    Q_OBJECT
public:
    /** `workspace` (optional) remembers which sections the agent collapsed. */
    explicit CustomerSidebar(Storage::CacheStore *cache, Storage::WorkspaceStore *workspace = nullptr,
                             QWidget *parent = nullptr);

    bool isSectionCollapsed(const QString &key) const { return m_collapsed.contains(key); }
    void setSectionCollapsed(const QString &key, bool collapsed);
    /** Lets the agent add contact notes through `outbox` (and `sync`, optional, which also
     *  fetches the customer's current notes); without it the notes are read-only. */
    void enableNoteEditing(Sync::OutboxStore *outbox, Sync::SyncEngine *sync);

    void showConversation(qint64 conversationId);
    void setNow(const QDateTime &now) { m_now = now; }

signals:
    void conversationActivated(qint64 conversationId);

private:
    void clear();
    /** Starts a collapsible section; rows added after it belong to it. `key` is stable. */
    void addSection(const QString &key, const QString &title);
    QLabel *addRow(const QString &text, const QString &objectName = QString());
    void addToSection(QWidget *widget);

    Storage::CacheStore *m_cache;
    Storage::WorkspaceStore *m_workspace;
    QSet<QString> m_collapsed;
    QString m_currentSection;
    QHash<QString, QList<QWidget *>> m_sectionWidgets;
    QHash<QString, QToolButton *> m_sectionHeaders;
    QVBoxLayout *m_content;
    QListWidget *m_history;
    ContactNotesView *m_notes = nullptr; ///< kept across customers, like m_history
    QDateTime m_now;
};

} // namespace Counterpart::Ui
