#include "AttachmentList.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QListWidget>
#include <QLocale>
#include <QToolButton>

namespace Counterpart::Ui {

AttachmentList::AttachmentList(QWidget *parent)
    : QWidget(parent)
    , m_attach(new QToolButton(this))
    , m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("composerAttachmentList"));
    m_attach->setObjectName(QStringLiteral("composerAttach"));
    m_attach->setText(tr("Attach…"));
    m_attach->setAccessibleName(tr("Attach files"));
    m_list->setObjectName(QStringLiteral("composerAttachments"));
    m_list->setAccessibleName(tr("Attached files"));
    m_list->setFlow(QListView::LeftToRight);
    m_list->setMaximumHeight(28);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->installEventFilter(this);
    m_list->hide();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_attach);
    layout->addWidget(m_list, 10);
    layout->addStretch(1); // keeps "Attach…" at the left while the list is hidden
    connect(m_attach, &QToolButton::clicked, this, [this] {
        addFiles(QFileDialog::getOpenFileNames(this, tr("Attach files")));
    });
}

void AttachmentList::addFiles(const QStringList &paths)
{
    bool added = false;
    for (const QString &path : paths) {
        if (!path.isEmpty() && !m_files.contains(path)) {
            m_files.append(path);
            added = true;
        }
    }
    if (added) {
        rebuild();
        emit changed();
    }
}

void AttachmentList::clear()
{
    m_files.clear();
    rebuild();
}

void AttachmentList::rebuild()
{
    m_list->clear();
    for (const QString &path : std::as_const(m_files)) {
        const QFileInfo info(path);
        auto *item = new QListWidgetItem(QStringLiteral("📎 ") + info.fileName() + QStringLiteral(" (")
                                             + QLocale().formattedDataSize(info.size()) + QLatin1Char(')'),
                                         m_list);
        item->setToolTip(path);
    }
    m_list->setVisible(!m_files.isEmpty());
}

bool AttachmentList::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_list && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const int row = m_list->currentRow();
        if ((key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace) && row >= 0) {
            m_files.removeAt(row);
            rebuild();
            emit changed();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Counterpart::Ui
