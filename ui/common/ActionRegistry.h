#pragma once

#include <QAction>
#include <QHash>
#include <QKeySequence>
#include <QList>
#include <QObject>

#include <functional>

namespace Counterpart::Ui {

/**
 * Every command of the window in one place: id, text, category, default shortcut and the
 * QAction that runs it. Features register their commands here instead of wiring shortcuts into
 * MainWindow, and the command palette, the cheat-sheet and shortcut settings all read from it.
 * User bindings override defaults and are kept by the caller (see bindings()/applyBindings()).
 */
class ActionRegistry : public QObject
{
    Q_OBJECT
public:
    struct Command
    {
        QString id;       ///< stable: "conversation.resolve", "list.next"
        QString text;     ///< "Resolve conversation"
        QString category; ///< "Conversation", "Navigation", "Composer" ...
        QList<QKeySequence> defaultShortcuts;
    };

    /** Actions are added to `shortcutHost` so their shortcuts work anywhere in that window. */
    explicit ActionRegistry(QWidget *shortcutHost, QObject *parent = nullptr);

    /** Registers a command; `run` is called when it is triggered. Returns its action. */
    QAction *add(const Command &command, std::function<void()> run);
    QAction *action(const QString &id) const;
    QList<QAction *> actions() const { return m_ordered; }
    Command command(const QString &id) const { return m_commands.value(id); }
    bool trigger(const QString &id);

    /** Shortcuts the user changed, by id (empty list = no shortcut). */
    QHash<QString, QList<QKeySequence>> bindings() const;
    void applyBindings(const QHash<QString, QList<QKeySequence>> &bindings);
    void setShortcuts(const QString &id, const QList<QKeySequence> &shortcuts);
    void resetToDefaults();
    /** Ids of other commands already using `sequence`, for conflict warnings. */
    QStringList conflicts(const QKeySequence &sequence, const QString &exceptId = QString()) const;

    /** Serialisation for settings: "id=Ctrl+K;/\nother=..." (portable key text). */
    static QString encode(const QHash<QString, QList<QKeySequence>> &bindings);
    static QHash<QString, QList<QKeySequence>> decode(const QString &text);

signals:
    void shortcutsChanged();

private:
    QWidget *m_host;
    QHash<QString, Command> m_commands;
    QHash<QString, QAction *> m_actions;
    QList<QAction *> m_ordered;
};

} // namespace Counterpart::Ui
