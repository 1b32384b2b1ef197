#include "ActionRegistry.h"

#include <QWidget>

namespace Counterpart::Ui {

ActionRegistry::ActionRegistry(QWidget *shortcutHost, QObject *parent)
    : QObject(parent)
    , m_host(shortcutHost)
{
}

QAction *ActionRegistry::add(const Command &command, std::function<void()> run)
{
    auto *action = new QAction(command.text, m_host);
    action->setObjectName(QStringLiteral("action:") + command.id);
    action->setShortcuts(command.defaultShortcuts);
    action->setShortcutContext(Qt::WindowShortcut);
    connect(action, &QAction::triggered, this, [run] { run(); });
    m_host->addAction(action);
    m_commands.insert(command.id, command);
    m_actions.insert(command.id, action);
    m_ordered.append(action);
    return action;
}

QAction *ActionRegistry::action(const QString &id) const { return m_actions.value(id); }

bool ActionRegistry::trigger(const QString &id)
{
    QAction *found = action(id);
    if (!found || !found->isEnabled())
        return false;
    found->trigger();
    return true;
}

QHash<QString, QList<QKeySequence>> ActionRegistry::bindings() const
{
    QHash<QString, QList<QKeySequence>> changed;
    for (auto it = m_actions.constBegin(); it != m_actions.constEnd(); ++it) {
        const QList<QKeySequence> current = it.value()->shortcuts();
        if (current != m_commands.value(it.key()).defaultShortcuts)
            changed.insert(it.key(), current);
    }
    return changed;
}

void ActionRegistry::applyBindings(const QHash<QString, QList<QKeySequence>> &bindings)
{
    for (auto it = bindings.constBegin(); it != bindings.constEnd(); ++it) {
        if (QAction *found = action(it.key()))
            found->setShortcuts(it.value());
    }
    emit shortcutsChanged();
}

void ActionRegistry::setShortcuts(const QString &id, const QList<QKeySequence> &shortcuts)
{
    if (QAction *found = action(id)) {
        found->setShortcuts(shortcuts);
        emit shortcutsChanged();
    }
}

void ActionRegistry::resetToDefaults()
{
    for (auto it = m_actions.constBegin(); it != m_actions.constEnd(); ++it)
        it.value()->setShortcuts(m_commands.value(it.key()).defaultShortcuts);
    emit shortcutsChanged();
}

QStringList ActionRegistry::conflicts(const QKeySequence &sequence, const QString &exceptId) const
{
    QStringList ids;
    if (sequence.isEmpty())
        return ids;
    for (auto it = m_actions.constBegin(); it != m_actions.constEnd(); ++it) {
        if (it.key() != exceptId && it.value()->shortcuts().contains(sequence))
            ids.append(it.key());
    }
    ids.sort();
    return ids;
}

QString ActionRegistry::encode(const QHash<QString, QList<QKeySequence>> &bindings)
{
    QStringList lines;
    for (auto it = bindings.constBegin(); it != bindings.constEnd(); ++it) {
        QStringList keys;
        for (const auto &sequence : it.value())
            keys.append(sequence.toString(QKeySequence::PortableText));
        // ';' separates shortcuts; a shortcut that is ';' itself is written as "Semicolon".
        keys.replaceInStrings(QStringLiteral(";"), QStringLiteral("Semicolon"));
        lines.append(it.key() + QLatin1Char('=') + keys.join(QLatin1Char(';')));
    }
    lines.sort();
    return lines.join(QLatin1Char('\n'));
}

QHash<QString, QList<QKeySequence>> ActionRegistry::decode(const QString &text)
{
    QHash<QString, QList<QKeySequence>> bindings;
    const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const auto &line : lines) {
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (equals <= 0)
            continue;
        QList<QKeySequence> sequences;
        const QStringList keys = line.mid(equals + 1).split(QLatin1Char(';'), Qt::SkipEmptyParts);
        for (QString key : keys) {
            if (key == QLatin1String("Semicolon"))
                key = QStringLiteral(";");
            const QKeySequence sequence = QKeySequence::fromString(key, QKeySequence::PortableText);
            if (!sequence.isEmpty())
                sequences.append(sequence);
        }
        bindings.insert(line.left(equals), sequences);
    }
    return bindings;
}

} // namespace Counterpart::Ui
