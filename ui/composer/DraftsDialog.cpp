#include "DraftsDialog.h"

#include "compose/ConversationLocator.h"
#include "storage/CacheStore.h"
#include "storage/WorkspaceStore.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace Counterpart::Ui {

namespace {
enum DraftRole { ConversationRole = Qt::UserRole + 1, ModeRole };
}

DraftsDialog::DraftsDialog(Storage::CacheStore *cache, Storage::WorkspaceStore *workspace, QWidget *parent)
    : QDialog(parent)
    , m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("draftsDialog"));
    setWindowTitle(tr("Drafts"));
    setAccessibleName(tr("All drafts"));
    m_list->setObjectName(QStringLiteral("draftsList"));
    m_list->setAccessibleName(tr("Drafts"));
    m_list->setWordWrap(true);
    m_list->setAlternatingRowColors(true);

    QList<Storage::Draft> drafts = workspace ? workspace->drafts() : QList<Storage::Draft>();
    std::sort(drafts.begin(), drafts.end(),
              [](const Storage::Draft &a, const Storage::Draft &b) { return a.updatedAt > b.updatedAt; });
    for (const Storage::Draft &draft : std::as_const(drafts)) {
        const qint64 local = Compose::ConversationLocator::localId(cache, draft.sourceUid, draft.conversationRemoteId);
        QString who = tr("Conversation #%1").arg(draft.conversationRemoteId);
        if (const auto conversation = local ? cache->conversation(local) : std::nullopt) {
            if (const auto contact = cache->contact(conversation->contactId))
                who = contact->name + QStringLiteral(" · #") + QString::number(draft.conversationRemoteId);
        }
        const QString mode = draft.mode == QLatin1String("note") ? tr("Note") : tr("Reply");
        QString preview = draft.body.simplified();
        if (preview.size() > 120)
            preview = preview.left(119) + QStringLiteral("…");
        auto *item = new QListWidgetItem(who + QStringLiteral(" — ") + mode + QStringLiteral(" · ")
                                             + QLocale().toString(draft.updatedAt.toLocalTime(), QLocale::ShortFormat)
                                             + QLatin1Char('\n') + preview,
                                         m_list);
        item->setData(ConversationRole, local);
        item->setData(ModeRole, draft.mode);
        if (local == 0) {
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
            item->setToolTip(tr("This conversation is not in the local copy; it returns after the next sync."));
        }
    }

    auto *empty = new QLabel(tr("No drafts. What you type in a conversation is kept here until it is sent."), this);
    empty->setObjectName(QStringLiteral("draftsEmpty"));
    empty->setWordWrap(true);
    empty->setVisible(drafts.isEmpty());
    m_list->setVisible(!drafts.isEmpty());

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Open)->setObjectName(QStringLiteral("draftsOpen"));
    buttons->button(QDialogButtonBox::Open)->setAccessibleName(tr("Open the selected draft"));
    buttons->button(QDialogButtonBox::Open)->setEnabled(!drafts.isEmpty());
    buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("draftsClose"));
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close the drafts list"));
    connect(buttons, &QDialogButtonBox::accepted, this, &DraftsDialog::openCurrent);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::itemActivated, this, &DraftsDialog::openCurrent);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(empty);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    m_list->setFocus();
    resize(520, 380);
}

int DraftsDialog::count() const { return m_list->count(); }

void DraftsDialog::openCurrent()
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item || !(item->flags() & Qt::ItemIsEnabled))
        return;
    m_conversation = item->data(ConversationRole).toLongLong();
    m_mode = item->data(ModeRole).toString();
    accept();
}

} // namespace Counterpart::Ui
