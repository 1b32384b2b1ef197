#pragma once

#include <QPointer>
#include <QRect>
#include <QTextCursor>

class QPlainTextEdit;
class QTextDocument;
class QTextEdit;
class QWidget;

namespace Counterpart::Ui {

/**
 * The few things the compose helpers need from the composer's editor, whether it is a QTextEdit
 * or a QPlainTextEdit (the two share these functions but no base class that has them).
 */
class EditorAccess
{
public:
    EditorAccess() = default;
    explicit EditorAccess(QTextEdit *edit);
    explicit EditorAccess(QPlainTextEdit *edit);
    /** Whichever of the two \a widget is; invalid otherwise. */
    static EditorAccess from(QWidget *widget);

    bool isValid() const { return widget() != nullptr; }
    QWidget *widget() const;
    QTextDocument *document() const;
    QTextCursor textCursor() const;
    void setTextCursor(const QTextCursor &cursor) const;
    /** The cursor's rectangle in the editor widget's coordinates. */
    QRect cursorRect() const;
    QString plainText() const;

private:
    QPointer<QTextEdit> m_text;
    QPointer<QPlainTextEdit> m_plain;
};

} // namespace Counterpart::Ui
