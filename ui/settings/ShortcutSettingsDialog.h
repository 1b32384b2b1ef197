#pragma once

#include <QDialog>
#include <QHash>
#include <QKeySequence>

class QKeySequenceEdit;
class QLabel;
class QTableWidget;

namespace Counterpart::Storage {
class WorkspaceStore;
}

namespace Counterpart::Ui {

class ActionRegistry;

/**
 * Rebinds any command: one key field per command, a warning when a key is already taken, reset to
 * defaults. OK applies the keys to the registry and saves the changed ones in workspace.sqlite
 * (setting "shortcuts", ActionRegistry::encode), which KeyboardController reads at start-up.
 */
class ShortcutSettingsDialog : public QDialog
{
    Q_OBJECT
public:
    static constexpr const char *SettingKey = "shortcuts";

    ShortcutSettingsDialog(ActionRegistry *registry, Storage::WorkspaceStore *workspace,
                           QWidget *parent = nullptr);

    /** As if the agent recorded `sequence` in the command's key field (empty: no shortcut). */
    void setSequence(const QString &id, const QKeySequence &sequence);
    /** The conflict warning shown now (empty when none). */
    QString warning() const;
    /** Applies every field to the registry and saves; what OK does. */
    bool apply();
    void resetToDefaults();

    /** Reads the saved bindings and applies them to `registry`. */
    static void applySaved(ActionRegistry *registry, const Storage::WorkspaceStore *workspace);

private:
    void fill();
    void checkConflicts();

    ActionRegistry *m_registry;
    Storage::WorkspaceStore *m_workspace;
    QTableWidget *m_table;
    QLabel *m_warning;
    QHash<QString, QKeySequenceEdit *> m_edits;
    QHash<QString, QKeySequence> m_original;
};

} // namespace Counterpart::Ui
