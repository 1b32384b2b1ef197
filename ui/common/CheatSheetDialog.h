#pragma once

#include <QDialog>

class QTreeWidget;

namespace Counterpart::Ui {

class ActionRegistry;

/** `?`: every command grouped by category with the keys it is bound to right now. */
class CheatSheetDialog : public QDialog
{
    Q_OBJECT
public:
    explicit CheatSheetDialog(ActionRegistry *registry, QWidget *parent = nullptr);

    /** Plain text of the sheet ("Category\n  Command<TAB>Keys"), for tests and copying. */
    QString text() const;

private:
    void rebuild();

    ActionRegistry *m_registry;
    QTreeWidget *m_tree;
};

} // namespace Counterpart::Ui
