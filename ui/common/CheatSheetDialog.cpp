#include "CheatSheetDialog.h"

#include "ActionRegistry.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Counterpart::Ui {

CheatSheetDialog::CheatSheetDialog(ActionRegistry *registry, QWidget *parent)
    : QDialog(parent)
    , m_registry(registry)
    , m_tree(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("cheatSheet"));
    setWindowTitle(tr("Keyboard shortcuts"));
    setAccessibleName(tr("Keyboard shortcuts"));
    resize(520, 560);

    m_tree->setObjectName(QStringLiteral("cheatSheetTree"));
    m_tree->setAccessibleName(tr("Shortcuts by category"));
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Command"), tr("Keys")});
    m_tree->setRootIsDecorated(false);
    m_tree->setItemsExpandable(false);
    m_tree->setFrameShape(QFrame::NoFrame);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close shortcuts"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tree, 1);
    layout->addWidget(buttons);
    connect(m_registry, &ActionRegistry::shortcutsChanged, this, &CheatSheetDialog::rebuild);
    rebuild();
}

void CheatSheetDialog::rebuild()
{
    m_tree->clear();
    QHash<QString, QTreeWidgetItem *> groups;
    QFont bold = font();
    bold.setBold(true);
    const QList<QAction *> actions = m_registry->actions();
    for (const QAction *action : actions) {
        const QString id = action->objectName().mid(int(qstrlen("action:")));
        const ActionRegistry::Command command = m_registry->command(id);
        QTreeWidgetItem *group = groups.value(command.category);
        if (!group) {
            group = new QTreeWidgetItem(m_tree, {command.category});
            group->setFont(0, bold);
            group->setFirstColumnSpanned(true);
            group->setFlags(Qt::ItemIsEnabled);
            groups.insert(command.category, group);
        }
        QStringList keys;
        const QList<QKeySequence> shortcuts = action->shortcuts();
        for (const auto &sequence : shortcuts)
            keys.append(sequence.toString(QKeySequence::NativeText));
        const QString keyText = keys.isEmpty() ? tr("—") : keys.join(QStringLiteral("  or  "));
        auto *item = new QTreeWidgetItem(group, {command.text, keyText});
        item->setData(0, Qt::UserRole, id);
        item->setData(0, Qt::AccessibleTextRole, QString(command.text % QStringLiteral(": ") % keyText));
    }
    m_tree->expandAll();
}

QString CheatSheetDialog::text() const
{
    QStringList lines;
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        const QTreeWidgetItem *group = m_tree->topLevelItem(g);
        lines.append(group->text(0));
        for (int i = 0; i < group->childCount(); ++i) {
            lines.append(QStringLiteral("  ") % group->child(i)->text(0) % u'\t'
                         % group->child(i)->text(1));
        }
    }
    return lines.join(u'\n');
}

} // namespace Counterpart::Ui
