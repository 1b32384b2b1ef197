#include "KeyboardController.h"

#include "MainWindow.h"
#include "common/ActionRegistry.h"
#include "common/CheatSheetDialog.h"
#include "common/CommandPalette.h"
#include "conversation/ConversationWindow.h"
#include "search/SearchPopup.h"
#include "settings/ShortcutSettingsDialog.h"

#include <QTimer>

namespace Counterpart::Ui {

KeyboardController::KeyboardController(MainWindow *window)
    : QObject(window)
    , m_window(window)
{
    setObjectName(QStringLiteral("keyboardController"));
    registerCommands();
    applySavedShortcuts();
    // Features constructed after this one register their commands later in the window's
    // constructor; their saved keys are applied once that is done.
    QTimer::singleShot(0, this, &KeyboardController::applySavedShortcuts);
}

void KeyboardController::registerCommands()
{
    ActionRegistry *actions = m_window->actions();
    const QString general = tr("General");
    actions->add({QStringLiteral("search.open"), tr("Search conversations and contacts"), general,
                  {QKeySequence(Qt::CTRL | Qt::Key_K), QKeySequence(Qt::Key_Slash)}},
                 [this] { openSearch(); });
    actions->add({QStringLiteral("palette.open"), tr("Show all commands"), general,
                  {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P)}},
                 [this] { openPalette(); });
    actions->add({QStringLiteral("help.shortcuts"), tr("Keyboard shortcuts"), general,
                  {QKeySequence(Qt::Key_Question)}},
                 [this] { openCheatSheet(); });
    actions->add({QStringLiteral("settings.shortcuts"), tr("Change keyboard shortcuts"), general,
                  {QKeySequence(Qt::CTRL | Qt::Key_Comma)}},
                 [this] { openShortcutSettings(); });
    actions->add({QStringLiteral("conversation.popOut"), tr("Open conversation in its own window"),
                  tr("Conversation"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O)}},
                 [this] { popOut(m_window->currentConversationId()); });
}

void KeyboardController::applySavedShortcuts()
{
    ShortcutSettingsDialog::applySaved(m_window->actions(), m_window->services().workspace);
}

SearchPopup *KeyboardController::searchPopup()
{
    if (!m_search) {
        m_search = new SearchPopup(m_window->services().cache, m_window);
        connect(m_search, &SearchPopup::conversationChosen, m_window, &MainWindow::openConversation);
    }
    return m_search;
}

CommandPalette *KeyboardController::commandPalette()
{
    if (!m_palette)
        m_palette = new CommandPalette(m_window->actions(), m_window);
    return m_palette;
}

CheatSheetDialog *KeyboardController::cheatSheet()
{
    if (!m_cheatSheet)
        m_cheatSheet = new CheatSheetDialog(m_window->actions(), m_window);
    return m_cheatSheet;
}

QList<ConversationWindow *> KeyboardController::popOuts() const
{
    QList<ConversationWindow *> open;
    for (const auto &window : m_popOuts) {
        if (window)
            open.append(window);
    }
    return open;
}

void KeyboardController::openSearch() { searchPopup()->popUp(); }

void KeyboardController::openPalette() { commandPalette()->popUp(); }

void KeyboardController::openCheatSheet()
{
    CheatSheetDialog *sheet = cheatSheet();
    sheet->show();
    sheet->raise();
    sheet->activateWindow();
}

void KeyboardController::openShortcutSettings()
{
    auto *dialog = new ShortcutSettingsDialog(m_window->actions(), m_window->services().workspace,
                                              m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

ConversationWindow *KeyboardController::popOut(qint64 conversationId)
{
    if (conversationId == 0)
        return nullptr;
    for (const auto &window : m_popOuts) {
        if (window && window->conversationId() == conversationId) {
            window->raise();
            window->activateWindow();
            return window;
        }
    }
    auto *window = new ConversationWindow(m_window->services().cache, conversationId, m_window);
    m_popOuts.removeIf([](const QPointer<ConversationWindow> &w) { return w.isNull(); });
    m_popOuts.append(window);
    window->show();
    window->activateWindow();
    return window;
}

} // namespace Counterpart::Ui
