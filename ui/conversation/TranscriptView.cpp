#include "TranscriptView.h"

#include "MessageItemDelegate.h"
#include "OriginalEmailDialog.h"
#include "common/TimeText.h"
#include "models/ItemRoles.h"
#include "models/MessageListModel.h"

#include <QContextMenuEvent>
#include <QMenu>
#include <QScrollBar>

namespace Counterpart::Ui {

namespace Roles = Models::Roles;

TranscriptView::TranscriptView(Models::MessageListModel *model, QWidget *parent)
    : QListView(parent)
    , m_model(model)
    , m_delegate(new MessageItemDelegate(this))
{
    setObjectName(QStringLiteral("transcript"));
    setAccessibleName(tr("Conversation transcript"));
    setModel(model);
    setItemDelegate(m_delegate);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setResizeMode(QListView::Adjust);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setFrameShape(QFrame::NoFrame);
    setUniformItemSizes(false);
    setWordWrap(true);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &TranscriptView::loadOlderIfAtTop);
    connect(m_delegate, &MessageItemDelegate::originalRequested, this, &TranscriptView::openOriginal);
}

void TranscriptView::showConversation(qint64 conversationId)
{
    m_delegate->clearState();
    // The reset drops the scroll value to 0, which looks exactly like the agent reaching the top:
    // without this guard every open pulled a second page before the view even scrolled down.
    m_loadingOlder = true;
    m_model->setConversation(conversationId);
    scrollToBottom();
    m_loadingOlder = false;
    fillViewport();
}

void TranscriptView::fillViewport()
{
    // A short newest page leaves no scroll bar, so the agent could never scroll up to ask for more.
    while (m_model->hasOlder() && verticalScrollBar()->maximum() == 0) {
        m_loadingOlder = true;
        const int added = m_model->fetchOlder();
        doItemsLayout();
        scrollToBottom();
        m_loadingOlder = false;
        if (added == 0)
            break;
    }
}

OriginalEmailDialog *TranscriptView::openOriginal(const QModelIndex &index)
{
    if (!index.isValid() || !MessageItemDelegate::isEmail(index))
        return nullptr;
    OriginalEmailDialog::Email email;
    email.subject = index.data(Roles::MessageSubject).toString();
    email.sender = index.data(Roles::SenderName).toString();
    email.time = TimeText::dateTime(index.data(Roles::MessageTime).toDateTime());
    email.html = index.data(Roles::MessageHtml).toString();
    auto *dialog = new OriginalEmailDialog(email, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

void TranscriptView::resizeEvent(QResizeEvent *event)
{
    m_delegate->setWidth(viewport()->width());
    QListView::resizeEvent(event);
    doItemsLayout();
}

void TranscriptView::keyPressEvent(QKeyEvent *event)
{
    const QModelIndex current = currentIndex();
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (current.isValid() && enter && (event->modifiers() & Qt::ControlModifier)) {
        if (openOriginal(current))
            return;
    } else if (current.isValid() && (enter || event->key() == Qt::Key_Space) && event->modifiers() == Qt::NoModifier) {
        if (m_delegate->toggleQuote(current)) {
            scrollTo(current);
            return;
        }
    }
    QListView::keyPressEvent(event);
}

void TranscriptView::contextMenuEvent(QContextMenuEvent *event)
{
    const QModelIndex index = indexAt(event->pos());
    if (!index.isValid() || !MessageItemDelegate::isEmail(index))
        return;
    const qint64 id = index.data(Roles::MessageId).toLongLong();
    QMenu menu(this);
    if (m_delegate->emailParts(index).hasQuote()) {
        menu.addAction(m_delegate->isQuoteExpanded(id) ? tr("Hide quoted text") : tr("Show quoted text"),
                       this, [this, index] { m_delegate->toggleQuote(index); });
    }
    menu.addAction(tr("View original…"), this, [this, index] { openOriginal(index); });
    menu.exec(event->globalPos());
}

void TranscriptView::loadOlderIfAtTop(int value)
{
    if (value != verticalScrollBar()->minimum() || m_loadingOlder || !m_model->hasOlder())
        return;
    m_loadingOlder = true;
    const int added = m_model->fetchOlder();
    if (added > 0) {
        doItemsLayout();
        // Keep the message that was at the top where it was, instead of jumping to the oldest.
        scrollTo(m_model->index(added), QAbstractItemView::PositionAtTop);
    }
    m_loadingOlder = false;
}

} // namespace Counterpart::Ui
