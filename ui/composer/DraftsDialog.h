#pragma once

#include <QDialog>

class QListWidget;

namespace Counterpart::Storage {
class CacheStore;
class WorkspaceStore;
} // namespace Counterpart::Storage

namespace Counterpart::Ui {

/** Every saved draft, newest first; Enter or "Open" opens its conversation in that mode. */
class DraftsDialog : public QDialog
{
    Q_OBJECT
public:
    DraftsDialog(Storage::CacheStore *cache, Storage::WorkspaceStore *workspace, QWidget *parent = nullptr);

    qint64 chosenConversation() const { return m_conversation; }
    QString chosenMode() const { return m_mode; }
    int count() const;

private:
    void openCurrent();

    QListWidget *m_list;
    qint64 m_conversation = 0;
    QString m_mode;
};

} // namespace Counterpart::Ui
