#include "EditorAccess.h"

#include <QPlainTextEdit>
#include <QTextEdit>

namespace Counterpart::Ui {

EditorAccess::EditorAccess(QTextEdit *edit)
    : m_text(edit)
{
}

EditorAccess::EditorAccess(QPlainTextEdit *edit)
    : m_plain(edit)
{
}

EditorAccess EditorAccess::from(QWidget *widget)
{
    if (auto *text = qobject_cast<QTextEdit *>(widget))
        return EditorAccess(text);
    if (auto *plain = qobject_cast<QPlainTextEdit *>(widget))
        return EditorAccess(plain);
    return EditorAccess();
}

QWidget *EditorAccess::widget() const
{
    if (m_text)
        return m_text;
    return m_plain;
}

QTextDocument *EditorAccess::document() const
{
    if (m_text)
        return m_text->document();
    return m_plain ? m_plain->document() : nullptr;
}

QTextCursor EditorAccess::textCursor() const
{
    if (m_text)
        return m_text->textCursor();
    return m_plain ? m_plain->textCursor() : QTextCursor();
}

void EditorAccess::setTextCursor(const QTextCursor &cursor) const
{
    if (m_text)
        m_text->setTextCursor(cursor);
    else if (m_plain)
        m_plain->setTextCursor(cursor);
}

QRect EditorAccess::cursorRect() const
{
    // Both report the rectangle in viewport coordinates; callers want the widget's.
    if (m_text)
        return m_text->cursorRect().translated(m_text->viewport()->pos());
    if (m_plain)
        return m_plain->cursorRect().translated(m_plain->viewport()->pos());
    return {};
}

QString EditorAccess::plainText() const
{
    const QTextDocument *doc = document();
    return doc ? doc->toPlainText() : QString();
}

} // namespace Counterpart::Ui
