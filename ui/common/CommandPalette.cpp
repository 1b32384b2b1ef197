#include "CommandPalette.h"

#include "ActionRegistry.h"
#include "Theme.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace Counterpart::Ui {

namespace {
constexpr int IdRole = Qt::UserRole + 1;

QString shortcutText(const QAction *action)
{
    QStringList keys;
    const QList<QKeySequence> shortcuts = action->shortcuts();
    for (const auto &sequence : shortcuts)
        keys.append(sequence.toString(QKeySequence::NativeText));
    return keys.join(QStringLiteral(", "));
}
} // namespace

CommandPalette::CommandPalette(ActionRegistry *registry, QWidget *parent)
    : QDialog(parent, Qt::Dialog | Qt::FramelessWindowHint)
    , m_registry(registry)
    , m_filter(new QLineEdit(this))
    , m_list(new QTreeWidget(this))
    , m_hint(new QLabel(this))
{
    setObjectName(QStringLiteral("commandPalette"));
    setWindowTitle(tr("Command palette"));
    setAccessibleName(tr("Command palette"));
    resize(560, 420);

    m_filter->setObjectName(QStringLiteral("paletteFilter"));
    m_filter->setPlaceholderText(tr("Type a command"));
    m_filter->setAccessibleName(tr("Command filter"));
    m_filter->setAccessibleDescription(tr("Type to filter commands; Enter runs the selected one."));
    m_filter->installEventFilter(this);

    m_list->setObjectName(QStringLiteral("paletteCommands"));
    m_list->setAccessibleName(tr("Commands"));
    m_list->setColumnCount(3);
    m_list->setHeaderLabels({tr("Command"), tr("Category"), tr("Shortcut")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    connect(m_list, &QTreeWidget::itemActivated, this, [this] { runCurrent(); });

    m_hint->setText(tr("↑↓ choose · Enter runs · Esc closes"));
    m_hint->setAccessibleName(tr("Palette keys"));
    QPalette muted = m_hint->palette();
    muted.setColor(QPalette::WindowText, Theme::mutedText(palette()));
    m_hint->setPalette(muted);

    connect(m_filter, &QLineEdit::textChanged, this, &CommandPalette::rebuild);
    connect(m_filter, &QLineEdit::returnPressed, this, &CommandPalette::runCurrent);
    connect(m_registry, &ActionRegistry::shortcutsChanged, this, &CommandPalette::rebuild);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 10, 10, 8);
    layout->addWidget(m_filter);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_hint);
    rebuild();
}

void CommandPalette::popUp()
{
    m_filter->clear();
    rebuild();
    if (QWidget *host = parentWidget()) {
        const QRect area = host->window()->geometry();
        move(area.center().x() - width() / 2, area.top() + 60);
    }
    show();
    raise();
    activateWindow();
    m_filter->setFocus(Qt::ShortcutFocusReason);
}

void CommandPalette::setFilter(const QString &text) { m_filter->setText(text); }

int CommandPalette::fuzzyScore(const QString &pattern, const QString &text)
{
    const QString needle = pattern.simplified().remove(QLatin1Char(' ')).toCaseFolded();
    if (needle.isEmpty())
        return 1;
    const QString haystack = text.toCaseFolded();
    int score = 1;
    qsizetype at = 0;
    qsizetype previous = -2;
    for (const QChar c : needle) {
        const qsizetype found = haystack.indexOf(c, at);
        if (found < 0)
            return 0;
        // Letters next to each other and letters that start a word are what people type.
        if (found == previous + 1)
            score += 5;
        if (found == 0 || !haystack.at(found - 1).isLetterOrNumber())
            score += 8;
        score += 1;
        previous = found;
        at = found + 1;
    }
    return score * 1000 / int(haystack.size() + 10);
}

void CommandPalette::rebuild()
{
    struct Row
    {
        int score;
        int order;
        QAction *action;
        ActionRegistry::Command command;
    };
    QList<Row> rows;
    const QList<QAction *> actions = m_registry->actions();
    for (int i = 0; i < actions.size(); ++i) {
        const QString id = actions.at(i)->objectName().mid(int(qstrlen("action:")));
        const ActionRegistry::Command command = m_registry->command(id);
        const int score = std::max(fuzzyScore(m_filter->text(), command.text),
                                   fuzzyScore(m_filter->text(), command.category % u' ' % command.text)
                                       / 2);
        if (score > 0 && actions.at(i)->isEnabled())
            rows.append({score, i, actions.at(i), command});
    }
    if (!m_filter->text().trimmed().isEmpty()) {
        std::stable_sort(rows.begin(), rows.end(),
                         [](const Row &a, const Row &b) { return a.score > b.score; });
    }
    m_list->clear();
    for (const Row &row : rows) {
        auto *item = new QTreeWidgetItem(m_list, {row.command.text, row.command.category,
                                                  shortcutText(row.action)});
        item->setData(0, IdRole, row.command.id);
        item->setData(0, Qt::AccessibleTextRole,
                      QString(row.command.text % QStringLiteral(", ") % shortcutText(row.action)));
    }
    if (m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
}

QStringList CommandPalette::visibleCommandIds() const
{
    QStringList ids;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        ids.append(m_list->topLevelItem(i)->data(0, IdRole).toString());
    return ids;
}

void CommandPalette::runCurrent()
{
    const QTreeWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    const QString id = item->data(0, IdRole).toString();
    accept();
    // Run after the palette is gone, so the command sees its own window focused, not the palette.
    m_registry->trigger(id);
}

bool CommandPalette::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Down || key == Qt::Key_Up || key == Qt::Key_PageDown
            || key == Qt::Key_PageUp) {
            const int count = m_list->topLevelItemCount();
            if (count == 0)
                return true;
            const int step = key == Qt::Key_Down ? 1 : key == Qt::Key_Up ? -1
                           : key == Qt::Key_PageDown ? 8 : -8;
            const int row = std::clamp(m_list->indexOfTopLevelItem(m_list->currentItem()) + step, 0,
                                       count - 1);
            m_list->setCurrentItem(m_list->topLevelItem(row));
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace Counterpart::Ui
