#include "ComposerAutomation.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <QPlainTextEdit>

#include <cstdio>

namespace Counterpart::Ui {

bool ComposerAutomation::typeIntoComposer(QWidget *window, const QString &text)
{
    auto *editor = window->findChild<QPlainTextEdit *>(QStringLiteral("composerEditor"));
    if (!editor || !editor->isEnabled())
        return false;
    editor->setFocus();
    for (const QChar c : text) {
        const int key = c.isLetterOrNumber() ? c.toUpper().unicode() : 0;
        QKeyEvent press(QEvent::KeyPress, key, Qt::NoModifier, QString(c));
        QKeyEvent release(QEvent::KeyRelease, key, Qt::NoModifier, QString(c));
        QCoreApplication::sendEvent(editor, &press);
        QCoreApplication::sendEvent(editor, &release);
    }
    std::fputs("typed\n", stdout);
    std::fflush(stdout);
    return true;
}

} // namespace Counterpart::Ui
