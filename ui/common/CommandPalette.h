#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace Counterpart::Ui {

class ActionRegistry;

/**
 * Ctrl+Shift+P: every command of the ActionRegistry with its category and current shortcut.
 * Typing filters fuzzily (the letters in order, words starting earlier rank higher); Enter closes
 * the palette and runs the command in the window it was opened from.
 */
class CommandPalette : public QDialog
{
    Q_OBJECT
public:
    explicit CommandPalette(ActionRegistry *registry, QWidget *parent = nullptr);

    void popUp();
    void setFilter(const QString &text);
    /** Ids of the commands shown, best match first. */
    QStringList visibleCommandIds() const;

    /** 0 = no match; higher is better. Letters of `pattern` must appear in order in `text`. */
    static int fuzzyScore(const QString &pattern, const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void rebuild();
    void runCurrent();

    ActionRegistry *m_registry;
    QLineEdit *m_filter;
    QTreeWidget *m_list;
    QLabel *m_hint;
};

} // namespace Counterpart::Ui
