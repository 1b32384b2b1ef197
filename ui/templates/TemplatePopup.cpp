#include "TemplatePopup.h"

#include "TemplateInserter.h"

#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QTextEdit>
#include <QTextBlock>
#include <QTextDocument>
#include <QVBoxLayout>

#include <algorithm>

namespace Counterpart::Ui {

namespace {

constexpr int maxRows = 8;

QString folded(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_D);
    QString result;
    result.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() != QChar::Mark_NonSpacing)
            result.append(c);
    }
    return result.toCaseFolded();
}

bool isSubsequence(const QString &needle, const QString &haystack)
{
    qsizetype at = 0;
    for (const QChar c : needle) {
        at = haystack.indexOf(c, at);
        if (at < 0)
            return false;
        ++at;
    }
    return true;
}

} // namespace

TemplatePopup::TemplatePopup(EditorAccess editor, TemplateInserter *inserter, QWidget *parent)
    : QFrame(parent, Qt::ToolTip | Qt::FramelessWindowHint)
    , m_editor(editor)
    , m_inserter(inserter)
    , m_list(new QListWidget(this))
    , m_guidance(new QLabel(this))
{
    setObjectName(QStringLiteral("templatePopup"));
    setAccessibleName(tr("Templates"));
    setAttribute(Qt::WA_ShowWithoutActivating);
    setFrameShape(QFrame::StyledPanel);
    setFocusPolicy(Qt::NoFocus);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(2);
    m_list->setObjectName(QStringLiteral("templatePopupList"));
    m_list->setAccessibleName(tr("Matching templates"));
    m_list->setFocusPolicy(Qt::NoFocus);
    m_list->setUniformItemSizes(true);
    m_guidance->setObjectName(QStringLiteral("templatePopupGuidance"));
    m_guidance->setWordWrap(true);
    m_guidance->setMargin(4);
    layout->addWidget(m_list);
    layout->addWidget(m_guidance);
    setMinimumWidth(380);

    connect(m_list, &QListWidget::itemClicked, this,
            [this](QListWidgetItem *item) { choose(m_list->row(item)); });
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        const bool has = row >= 0 && row < m_matches.size();
        const QString guidance = has ? m_matches.at(row).guidance : QString();
        m_guidance->setText(guidance);
        m_guidance->setVisible(!guidance.isEmpty());
    });

    if (QWidget *widget = m_editor.widget()) {
        widget->installEventFilter(this);
        connect(m_editor.document(), &QTextDocument::contentsChanged, this, &TemplatePopup::updateFromEditor);
        // A click elsewhere in the draft moves the cursor out of the "/query".
        if (auto *text = qobject_cast<QTextEdit *>(widget))
            connect(text, &QTextEdit::cursorPositionChanged, this, &TemplatePopup::updateFromEditor);
        else if (auto *plain = qobject_cast<QPlainTextEdit *>(widget))
            connect(plain, &QPlainTextEdit::cursorPositionChanged, this, &TemplatePopup::updateFromEditor);
    }
}

void TemplatePopup::setTemplates(const QList<Compose::Template> &templates)
{
    m_templates = templates;
    if (isVisible())
        showMatches();
}

void TemplatePopup::openAtCursor()
{
    m_anchor = m_editor.textCursor().position();
    m_typedSlash = false;
    m_query.clear();
    showMatches();
}

int TemplatePopup::fuzzyScore(const Compose::Template &templ, const QString &query)
{
    if (query.isEmpty())
        return 100;
    const QString q = folded(query);
    const QString shortcut = folded(templ.shortcut);
    const QString name = folded(templ.name);
    if (shortcut == q)
        return 1000;
    if (shortcut.startsWith(q))
        return int(900 - qMin<qsizetype>(shortcut.size() - q.size(), 99));
    if (name.startsWith(q))
        return 700;
    if (shortcut.contains(q))
        return 600;
    if (name.contains(q))
        return 500;
    if (isSubsequence(q, shortcut))
        return 300;
    if (isSubsequence(q, name))
        return 200;
    return -1;
}

bool TemplatePopup::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_editor.widget() && event->type() == QEvent::FocusOut && isVisible()) {
        hide(); // the popup belongs to the place being typed in
    }
    if (watched != m_editor.widget() || event->type() != QEvent::KeyPress || !isVisible())
        return QFrame::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    const int rows = m_list->count();
    switch (key->key()) {
    case Qt::Key_Down:
        if (rows)
            m_list->setCurrentRow((m_list->currentRow() + 1) % rows);
        return true;
    case Qt::Key_Up:
        if (rows)
            m_list->setCurrentRow((m_list->currentRow() - 1 + rows) % rows);
        return true;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Tab:
        if (rows == 0)
            break; // nothing matches: let the key type as usual
        choose(m_list->currentRow());
        return true;
    case Qt::Key_Escape:
        m_dismissedAnchor = m_anchor;
        hide();
        return true;
    default:
        break;
    }
    return QFrame::eventFilter(watched, event);
}

void TemplatePopup::updateFromEditor()
{
    if (m_inserting)
        return;
    const QTextCursor cursor = m_editor.textCursor();
    const int position = cursor.position();
    if (!m_typedSlash && isVisible()) {
        // Opened by command: the query is whatever was typed since, up to a space.
        const QString typed = position >= m_anchor
            ? m_editor.plainText().mid(m_anchor, position - m_anchor) : QString();
        if (position < m_anchor || typed.contains(QLatin1Char(' ')) || typed.contains(QLatin1Char('\n'))) {
            hide();
            return;
        }
        m_query = typed;
        showMatches();
        return;
    }

    const QTextBlock block = cursor.block();
    const QString text = block.text();
    // During setPlainText() the document changes before the cursor moves: a stale position.
    const int inBlock = position - block.position();
    if (!block.isValid() || inBlock < 0 || inBlock > text.size()) {
        hide();
        return;
    }
    int start = inBlock;
    while (start > 0 && !text.at(start - 1).isSpace())
        --start;
    const QString token = text.mid(start, inBlock - start);
    const bool atWordStart = start == 0 || text.at(start - 1).isSpace();
    if (!atWordStart || !token.startsWith(QLatin1Char('/')) || token.indexOf(QLatin1Char('/'), 1) > 0) {
        m_dismissedAnchor = -1;
        hide();
        return;
    }
    const int anchor = block.position() + start;
    if (anchor == m_dismissedAnchor)
        return;
    m_anchor = anchor;
    m_typedSlash = true;
    m_query = token.mid(1);
    showMatches();
}

void TemplatePopup::showMatches()
{
    QList<std::pair<int, Compose::Template>> scored;
    for (const Compose::Template &templ : std::as_const(m_templates)) {
        const int score = fuzzyScore(templ, m_query);
        if (score >= 0)
            scored.append({score, templ});
    }
    std::stable_sort(scored.begin(), scored.end(), [](const auto &a, const auto &b) {
        if (a.first != b.first)
            return a.first > b.first;
        return a.second.shortcut < b.second.shortcut;
    });
    m_matches.clear();
    m_list->clear();
    for (const auto &[score, templ] : std::as_const(scored)) {
        m_matches.append(templ);
        auto *item = new QListWidgetItem(QStringLiteral("/") % templ.shortcut % QStringLiteral("   ")
                                         % templ.name, m_list);
        item->setToolTip(templ.folder);
    }
    if (m_matches.isEmpty()) {
        hide();
        return;
    }
    m_list->setCurrentRow(0);
    const int rowHeight = qMax(m_list->sizeHintForRow(0), 18);
    m_list->setFixedHeight(rowHeight * int(qMin<qsizetype>(m_matches.size(), maxRows)) + 2 * m_list->frameWidth());
    adjustSize();
    placeAtCursor();
    show();
}

void TemplatePopup::choose(int row)
{
    if (row < 0 || row >= m_matches.size())
        return;
    const Compose::Template templ = m_matches.at(row);
    const int from = m_anchor;
    const int to = m_editor.textCursor().position();
    hide();
    m_inserting = true;
    // The typed "/query" goes; a command-opened popup removes what was typed to filter, too.
    m_inserter->insert(templ, from, qMax(from, to));
    m_inserting = false;
    m_dismissedAnchor = -1;
}

void TemplatePopup::placeAtCursor()
{
    QWidget *widget = m_editor.widget();
    if (!widget)
        return;
    const QRect rect = m_editor.cursorRect();
    move(widget->mapToGlobal(rect.bottomLeft() + QPoint(0, 4)));
}

} // namespace Counterpart::Ui
