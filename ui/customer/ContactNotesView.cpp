#include "ContactNotesView.h"

#include "common/Theme.h"
#include "common/TimeText.h"
#include "models/ContactNotesModel.h"
#include "models/ItemRoles.h"
#include "sync/OutboxStore.h"
#include "sync/SyncEngine.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace Counterpart::Ui {

using Sync::OutboxOperation;

ContactNotesView::ContactNotesView(Storage::CacheStore *cache, Sync::OutboxStore *outbox, Sync::SyncEngine *sync,
                                   QWidget *parent)
    : QWidget(parent)
    , m_outbox(outbox)
    , m_sync(sync)
    , m_model(new Models::ContactNotesModel(cache, outbox, this))
{
    setObjectName(QStringLiteral("contactNotes"));
    setAccessibleName(tr("Notes about the customer"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    m_list = new QVBoxLayout;
    m_list->setSpacing(8);
    layout->addLayout(m_list);

    m_input = new QPlainTextEdit(this);
    m_input->setObjectName(QStringLiteral("contactNoteInput"));
    m_input->setAccessibleName(tr("New note about the customer"));
    m_input->setPlaceholderText(tr("Add a note for the team…"));
    m_input->setTabChangesFocus(true);
    m_input->setFixedHeight(m_input->fontMetrics().lineSpacing() * 3 + 12);
    layout->addWidget(m_input);
    m_add = new QPushButton(tr("Add note"), this);
    m_add->setObjectName(QStringLiteral("addContactNote"));
    m_add->setAccessibleName(tr("Add note"));
    m_add->setToolTip(tr("Add the note (Ctrl+Enter)"));
    layout->addWidget(m_add, 0, Qt::AlignRight);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("contactNoteStatus"));
    m_status->setWordWrap(true);
    m_status->hide();
    layout->addWidget(m_status);
    m_input->setVisible(m_outbox != nullptr);
    m_add->setVisible(m_outbox != nullptr);

    connect(m_add, &QPushButton::clicked, this, &ContactNotesView::addNote);
    connect(m_input, &QPlainTextEdit::textChanged, this, &ContactNotesView::updateAddButton);
    for (const QKeySequence &keys : {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(keys, m_input, nullptr, nullptr, Qt::WidgetShortcut);
        connect(shortcut, &QShortcut::activated, this, &ContactNotesView::addNote);
    }
    connect(m_model, &QAbstractItemModel::modelReset, this, &ContactNotesView::rebuild);
    updateAddButton();
    rebuild();
}

void ContactNotesView::showContact(qint64 contactId, qint64 conversationRemoteId)
{
    const bool sameContact = contactId == m_model->contactId();
    m_conversationRemoteId = conversationRemoteId;
    if (!sameContact) {
        m_input->clear();
        m_status->hide();
    }
    m_model->setContact(contactId);
    // The cache may be behind the server: ask for the current list, which updates this view
    // through the cache when it arrives.
    if (m_sync && m_model->contactRemoteId() != 0)
        m_sync->fetchContactNotes(m_model->sourceUid(), m_model->contactRemoteId());
}

void ContactNotesView::updateAddButton()
{
    m_add->setEnabled(!m_input->toPlainText().trimmed().isEmpty() && m_model->contactRemoteId() != 0);
}

qint64 ContactNotesView::addNote()
{
    const QString text = m_input->toPlainText().trimmed();
    if (!m_outbox || text.isEmpty() || m_model->contactRemoteId() == 0)
        return 0;
    OutboxOperation operation;
    operation.sourceUid = m_model->sourceUid();
    operation.conversationRemoteId = m_conversationRemoteId;
    operation.kind = OutboxOperation::Kind::ContactNote;
    operation.payload.insert(QStringLiteral("contact_remote_id"), m_model->contactRemoteId());
    operation.payload.insert(QStringLiteral("content"), text);
    const qint64 id = m_sync ? m_sync->enqueue(operation) : m_outbox->enqueue(operation);
    if (id == 0) {
        m_status->setText(tr("⚠ Could not queue the note: %1").arg(m_outbox->errorString()));
        m_status->show();
        return 0;
    }
    m_input->clear();
    m_status->hide();
    return id;
}

void ContactNotesView::rebuild()
{
    while (QLayoutItem *item = m_list->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const QString muted = Theme::mutedText(palette()).name();
    const int rows = m_model->rowCount();
    if (rows == 0) {
        auto *empty = new QLabel(tr("No notes yet."), this);
        empty->setObjectName(QStringLiteral("noContactNotes"));
        m_list->addWidget(empty);
        empty->show(); // explicitly: a widget added to a shown layout appears only after a queued event
    }
    for (int row = 0; row < rows; ++row) {
        const QModelIndex index = m_model->index(row);
        const QString state = index.data(Models::Roles::NoteStateKey).toString();
        const QString author = index.data(Models::Roles::NoteAuthor).toString();
        const QDateTime time = index.data(Models::Roles::NoteTime).toDateTime();
        QStringList meta;
        if (!author.isEmpty())
            meta.append(author);
        if (time.isValid() && time.toSecsSinceEpoch() > 0)
            meta.append(TimeText::dateTime(time.toLocalTime()));
        QString stateText;
        if (state == QLatin1String("failed"))
            stateText = tr("Not saved: %1").arg(index.data(Models::Roles::NoteError).toString());
        else if (state != QLatin1String("stored"))
            stateText = tr("Pending");
        if (!stateText.isEmpty())
            meta.append(stateText);
        const QString content = index.data(Qt::DisplayRole).toString();
        auto *label = new QLabel(this);
        label->setObjectName(state == QLatin1String("stored") ? QStringLiteral("contactNote")
                                                               : QStringLiteral("pendingContactNote"));
        label->setWordWrap(true);
        label->setTextFormat(Qt::RichText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setText(QStringLiteral("<span style='color:%1'>%2</span><br>%3")
                           .arg(muted, meta.join(QStringLiteral(" · ")).toHtmlEscaped(),
                                content.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"))));
        label->setAccessibleName(meta.join(QStringLiteral(", ")));
        label->setAccessibleDescription(content);
        if (state != QLatin1String("stored")) {
            // Pending notes are set apart like pending replies: not on the server yet.
            label->setStyleSheet(QStringLiteral("QLabel { font-style: italic; }"));
        }
        m_list->addWidget(label);
        label->show();
    }
    updateAddButton();
}

} // namespace Counterpart::Ui
