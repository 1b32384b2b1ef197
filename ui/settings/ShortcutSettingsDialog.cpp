#include "ShortcutSettingsDialog.h"

#include "common/ActionRegistry.h"
#include "storage/WorkspaceStore.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeySequenceEdit>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Counterpart::Ui {

namespace {
QString idOf(const QAction *action) { return action->objectName().mid(int(qstrlen("action:"))); }
} // namespace

ShortcutSettingsDialog::ShortcutSettingsDialog(ActionRegistry *registry,
                                               Storage::WorkspaceStore *workspace, QWidget *parent)
    : QDialog(parent)
    , m_registry(registry)
    , m_workspace(workspace)
    , m_table(new QTableWidget(this))
    , m_warning(new QLabel(this))
{
    setObjectName(QStringLiteral("shortcutSettings"));
    setWindowTitle(tr("Keyboard shortcuts — settings"));
    setAccessibleName(tr("Shortcut settings"));
    resize(640, 560);

    m_table->setObjectName(QStringLiteral("shortcutTable"));
    m_table->setAccessibleName(tr("Commands and their shortcuts"));
    m_table->setColumnCount(3);
    m_table->setHorizontalHeaderLabels({tr("Command"), tr("Category"), tr("Shortcut")});
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Fixed);
    m_table->setColumnWidth(2, 180);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    // Tab must walk from key field to key field, not from cell to cell.
    m_table->setTabKeyNavigation(false);

    m_warning->setObjectName(QStringLiteral("shortcutWarning"));
    m_warning->setAccessibleName(tr("Shortcut conflict"));
    m_warning->setWordWrap(true);
    QPalette warn = m_warning->palette();
    warn.setColor(QPalette::WindowText, QColor(0xb4, 0x3c, 0x1e));
    m_warning->setPalette(warn);

    auto *buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    buttons->button(QDialogButtonBox::Ok)->setAccessibleName(tr("Save shortcuts"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    buttons->button(QDialogButtonBox::RestoreDefaults)->setAccessibleName(tr("Reset all shortcuts to defaults"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (apply())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            &ShortcutSettingsDialog::resetToDefaults);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_warning);
    layout->addWidget(buttons);
    fill();
}

void ShortcutSettingsDialog::fill()
{
    const QList<QAction *> actions = m_registry->actions();
    m_table->setRowCount(int(actions.size()));
    for (int row = 0; row < actions.size(); ++row) {
        const QString id = idOf(actions.at(row));
        const ActionRegistry::Command command = m_registry->command(id);
        auto *name = new QTableWidgetItem(command.text);
        name->setFlags(Qt::ItemIsEnabled);
        name->setToolTip(id);
        auto *category = new QTableWidgetItem(command.category);
        category->setFlags(Qt::ItemIsEnabled);
        m_table->setItem(row, 0, name);
        m_table->setItem(row, 1, category);
        auto *edit = new QKeySequenceEdit(m_table);
        edit->setObjectName(QStringLiteral("shortcutEdit:") + id);
        edit->setAccessibleName(tr("Shortcut for %1").arg(command.text));
        const QList<QKeySequence> shortcuts = actions.at(row)->shortcuts();
        const QKeySequence first = shortcuts.value(0);
        edit->setKeySequence(first);
        m_original.insert(id, first);
        connect(edit, &QKeySequenceEdit::keySequenceChanged, this,
                &ShortcutSettingsDialog::checkConflicts);
        m_table->setCellWidget(row, 2, edit);
        m_edits.insert(id, edit);
    }
}

void ShortcutSettingsDialog::setSequence(const QString &id, const QKeySequence &sequence)
{
    if (QKeySequenceEdit *edit = m_edits.value(id))
        edit->setKeySequence(sequence);
    checkConflicts();
}

QString ShortcutSettingsDialog::warning() const { return m_warning->text(); }

void ShortcutSettingsDialog::checkConflicts()
{
    // Conflicts are judged on what the fields say now: the registry, with the edited fields
    // standing in for the commands they belong to.
    QHash<QKeySequence, QStringList> users;
    for (auto it = m_edits.constBegin(); it != m_edits.constEnd(); ++it) {
        const QKeySequence sequence = it.value()->keySequence();
        if (sequence.isEmpty())
            continue;
        const bool edited = sequence != m_original.value(it.key());
        QList<QKeySequence> all = edited ? QList<QKeySequence>{sequence}
                                         : m_registry->action(it.key())->shortcuts();
        for (const auto &one : all)
            users[one].append(it.key());
    }
    QStringList lines;
    for (auto it = users.constBegin(); it != users.constEnd(); ++it) {
        if (it.value().size() < 2)
            continue;
        QStringList names;
        for (const auto &id : it.value())
            names.append(m_registry->command(id).text);
        names.sort();
        lines.append(tr("%1 is used by more than one command: %2")
                         .arg(it.key().toString(QKeySequence::NativeText),
                              names.join(QStringLiteral(", "))));
    }
    lines.sort();
    m_warning->setText(lines.join(u'\n'));
}

bool ShortcutSettingsDialog::apply()
{
    for (auto it = m_edits.constBegin(); it != m_edits.constEnd(); ++it) {
        const QKeySequence sequence = it.value()->keySequence();
        if (sequence == m_original.value(it.key()))
            continue; // untouched: keep the command's other shortcuts (J and Alt+J)
        m_registry->setShortcuts(it.key(), sequence.isEmpty() ? QList<QKeySequence>{}
                                                              : QList<QKeySequence>{sequence});
        m_original.insert(it.key(), sequence);
    }
    return !m_workspace
        || m_workspace->setSetting(QLatin1String(SettingKey),
                                   ActionRegistry::encode(m_registry->bindings()));
}

void ShortcutSettingsDialog::resetToDefaults()
{
    m_registry->resetToDefaults();
    for (auto it = m_edits.constBegin(); it != m_edits.constEnd(); ++it) {
        const QKeySequence first = m_registry->action(it.key())->shortcuts().value(0);
        m_original.insert(it.key(), first);
        it.value()->setKeySequence(first);
    }
    // An empty but non-null string: a null QString would be bound as SQL NULL and refused.
    if (m_workspace)
        m_workspace->setSetting(QLatin1String(SettingKey), QStringLiteral(""));
    checkConflicts();
}

void ShortcutSettingsDialog::applySaved(ActionRegistry *registry,
                                        const Storage::WorkspaceStore *workspace)
{
    if (!workspace)
        return;
    const QString saved = workspace->setting(QLatin1String(SettingKey));
    if (!saved.isEmpty())
        registry->applyBindings(ActionRegistry::decode(saved));
}

} // namespace Counterpart::Ui
