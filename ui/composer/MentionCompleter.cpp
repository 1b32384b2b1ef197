#include "MentionCompleter.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QKeyEvent>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QStringListModel>
#include <QTextBlock>

namespace Counterpart::Ui {

MentionCompleter::MentionCompleter(QPlainTextEdit *editor, QObject *parent)
    : QObject(parent)
    , m_editor(editor)
    , m_names(new QStringListModel(this))
    , m_completer(new QCompleter(m_names, this))
{
    m_completer->setObjectName(QStringLiteral("mentionCompleter"));
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setWidget(editor);
    m_completer->popup()->setObjectName(QStringLiteral("mentionPopup"));
    m_completer->popup()->setAccessibleName(tr("Agents to mention"));
    // QCompleter hands Return to the editor first, which would insert a line break instead of
    // the name; a filter installed after QCompleter's runs before it and takes the key.
    m_completer->popup()->installEventFilter(this);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this, &MentionCompleter::insert);
    connect(editor, &QPlainTextEdit::textChanged, this, &MentionCompleter::updatePopup);
}

bool MentionCompleter::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_completer->popup() && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter || key == Qt::Key_Tab) {
            const QModelIndex current = m_completer->popup()->currentIndex();
            const QString name = current.isValid() ? current.data().toString() : m_completer->currentCompletion();
            m_completer->popup()->hide();
            insert(name);
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

void MentionCompleter::setAgents(const QStringList &names) { m_names->setStringList(names); }

void MentionCompleter::setEnabled(bool enabled)
{
    m_enabled = enabled;
    if (!enabled)
        m_completer->popup()->hide();
}

QString MentionCompleter::prefixAtCursor(int *start) const
{
    const QTextCursor cursor = m_editor->textCursor();
    const QString line = cursor.block().text().left(cursor.positionInBlock());
    const qsizetype at = line.lastIndexOf(QLatin1Char('@'));
    if (at < 0)
        return {};
    // "name@example.com" is an address, not a mention: "@" must start a word.
    if (at > 0 && !line.at(at - 1).isSpace())
        return {};
    const QString prefix = line.mid(at + 1);
    if (prefix.size() > 30 || prefix.contains(QLatin1Char('\n')))
        return {};
    *start = cursor.block().position() + int(at);
    return QStringLiteral("@") + prefix;
}

void MentionCompleter::updatePopup()
{
    if (!m_enabled || m_inserting)
        return;
    int start = 0;
    const QString prefix = prefixAtCursor(&start);
    if (prefix.isEmpty()) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->setCompletionPrefix(prefix.mid(1));
    if (m_completer->completionCount() == 0) {
        m_completer->popup()->hide();
        return;
    }
    QRect rect = m_editor->cursorRect();
    rect.setWidth(m_completer->popup()->sizeHintForColumn(0)
                  + m_completer->popup()->verticalScrollBar()->sizeHint().width());
    m_completer->complete(rect);
}

void MentionCompleter::insert(const QString &name)
{
    int start = 0;
    if (prefixAtCursor(&start).isEmpty())
        return;
    m_inserting = true;
    QTextCursor cursor = m_editor->textCursor();
    cursor.setPosition(start, QTextCursor::KeepAnchor);
    cursor.insertText(QStringLiteral("@") + name + QLatin1Char(' '));
    m_editor->setTextCursor(cursor);
    m_inserting = false;
}

} // namespace Counterpart::Ui
