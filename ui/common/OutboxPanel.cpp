#include "OutboxPanel.h"

#include "OutboxItemDelegate.h"

#include "models/OutboxListModel.h"
#include "models/OutboxRoles.h"
#include "sync/SyncEngine.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QVBoxLayout>

namespace Counterpart::Ui {

OutboxPanel::OutboxPanel(Sync::OutboxStore *outbox, Sync::SyncEngine *engine, QWidget *parent)
    : QWidget(parent), m_engine(engine), m_model(new Models::OutboxListModel(outbox, this)),
      m_view(new QListView(this)), m_empty(new QLabel(tr("Everything has been sent."), this)),
      m_retry(new QPushButton(tr("Retry"), this)), m_discard(new QPushButton(tr("Discard"), this))
{
    setObjectName(QStringLiteral("outboxPanel"));
    setAccessibleName(tr("Outbox"));
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("Changes waiting to be sent"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    layout->addWidget(title);
    m_view->setObjectName(QStringLiteral("outboxList"));
    m_view->setAccessibleName(tr("Outbox items"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new OutboxItemDelegate(m_view));
    m_view->setWordWrap(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSpacing(2);
    layout->addWidget(m_view, 1);
    m_empty->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_empty, 1);
    m_retry->setObjectName(QStringLiteral("outboxRetry"));
    m_discard->setObjectName(QStringLiteral("outboxDiscard"));
    m_retry->setAccessibleName(tr("Retry the selected change"));
    m_discard->setAccessibleName(tr("Discard the selected change"));
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_retry);
    buttons->addWidget(m_discard);
    layout->addLayout(buttons);

    connect(m_retry, &QPushButton::clicked, this, [this] {
        if (m_engine && currentId() != 0)
            m_engine->retryOperation(currentId());
    });
    connect(m_discard, &QPushButton::clicked, this, [this] {
        if (m_engine && currentId() != 0)
            m_engine->discardOperation(currentId());
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &OutboxPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &OutboxPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &OutboxPanel::updateButtons);
    updateButtons();
}

qint64 OutboxPanel::currentId() const
{
    const QModelIndex index = m_view->currentIndex();
    return index.isValid() ? index.data(Models::OutboxIdRole).toLongLong() : 0;
}

void OutboxPanel::updateButtons()
{
    const bool empty = m_model->rowCount() == 0;
    m_view->setVisible(!empty);
    m_empty->setVisible(empty);
    if (!empty && !m_view->currentIndex().isValid())
        m_view->setCurrentIndex(m_model->index(0, 0));
    const QModelIndex index = m_view->currentIndex();
    m_retry->setEnabled(m_engine && index.isValid() && index.data(Models::OutboxCanRetryRole).toBool());
    m_discard->setEnabled(m_engine && index.isValid() && index.data(Models::OutboxCanDiscardRole).toBool());
}

} // namespace Counterpart::Ui
