#pragma once

#include <QObject>
#include <QPointer>

namespace Counterpart::Ui {

class CheatSheetDialog;
class CommandPalette;
class ConversationWindow;
class MainWindow;
class SearchPopup;

/**
 * The keyboard-first commands of the main window: search (Ctrl+K, /), the command palette
 * (Ctrl+Shift+P), the cheat-sheet (?), shortcut settings and popping a conversation out
 * (Ctrl+Shift+O). Also applies the agent's saved shortcuts once every command is registered.
 */
class KeyboardController : public QObject
{
    Q_OBJECT
public:
    explicit KeyboardController(MainWindow *window);

    SearchPopup *searchPopup();
    CommandPalette *commandPalette();
    CheatSheetDialog *cheatSheet();
    /** The windows popped out so far that are still open. */
    QList<ConversationWindow *> popOuts() const;

    void openSearch();
    void openPalette();
    void openCheatSheet();
    void openShortcutSettings();
    ConversationWindow *popOut(qint64 conversationId);

    /** Applies the saved bindings (also done at start-up, after the constructor's event loop turn). */
    void applySavedShortcuts();

private:
    void registerCommands();

    MainWindow *m_window;
    QPointer<SearchPopup> m_search;
    QPointer<CommandPalette> m_palette;
    QPointer<CheatSheetDialog> m_cheatSheet;
    QList<QPointer<ConversationWindow>> m_popOuts;
};

} // namespace Counterpart::Ui
