#include "TranscriptView.h"

#include "MessageItemDelegate.h"
#include "models/MessageListModel.h"

#include <QScrollBar>

namespace Counterpart::Ui {

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
}

void TranscriptView::showConversation(qint64 conversationId)
{
    m_model->setConversation(conversationId);
    scrollToBottom();
}

void TranscriptView::resizeEvent(QResizeEvent *event)
{
    m_delegate->setWidth(viewport()->width());
    QListView::resizeEvent(event);
    doItemsLayout();
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
