#include "SavedViewDialog.h"

#include "domain/Channel.h"
#include "domain/Entities.h"
#include "storage/CacheStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Counterpart::Ui {

using Models::ConversationFilter;
using Models::SavedView;

namespace {

const QString kAnyone = QStringLiteral("anyone");
const QString kMe = QStringLiteral("me");
const QString kUnassigned = QStringLiteral("unassigned");
const QString kAgentPrefix = QStringLiteral("agent:");

void selectData(QComboBox *combo, const QVariant &value)
{
    const int index = combo->findData(value);
    combo->setCurrentIndex(index >= 0 ? index : 0);
}

} // namespace

SavedViewDialog::SavedViewDialog(Storage::CacheStore *cache, const QList<SavedView> &views,
                                 Counter counter, QWidget *parent)
    : QDialog(parent)
    , m_cache(cache)
    , m_views(views)
    , m_counter(std::move(counter))
{
    setObjectName(QStringLiteral("savedViewDialog"));
    setWindowTitle(tr("Saved views"));
    setAccessibleName(tr("Saved views"));

    auto *layout = new QVBoxLayout(this);
    auto *columns = new QHBoxLayout;
    layout->addLayout(columns, 1);

    auto *left = new QVBoxLayout;
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("savedViewList"));
    m_list->setAccessibleName(tr("Saved views"));
    m_list->setMinimumWidth(170);
    left->addWidget(m_list, 1);
    auto *listButtons = new QHBoxLayout;
    m_add = new QPushButton(tr("&New view"), this);
    m_add->setObjectName(QStringLiteral("savedViewAdd"));
    m_add->setAccessibleName(tr("New saved view"));
    m_delete = new QPushButton(tr("&Delete"), this);
    m_delete->setObjectName(QStringLiteral("savedViewDelete"));
    m_delete->setAccessibleName(tr("Delete the selected saved view"));
    listButtons->addWidget(m_add);
    listButtons->addWidget(m_delete);
    left->addLayout(listButtons);
    columns->addLayout(left);

    m_form = new QWidget(this);
    m_form->setObjectName(QStringLiteral("savedViewForm"));
    buildForm(m_form);
    columns->addWidget(m_form, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setObjectName(QStringLiteral("savedViewSave"));
    m_ok->setText(tr("Save"));
    m_ok->setAccessibleName(tr("Save the saved views"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel, keep the views as they were"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        storeForm();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    for (const SavedView &view : std::as_const(m_views))
        m_list->addItem(view.name);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        storeForm();
        showView(row);
    });
    connect(m_add, &QPushButton::clicked, this, [this] { addView(); });
    connect(m_delete, &QPushButton::clicked, this, &SavedViewDialog::deleteCurrentView);
    m_loading = false;
    editView(m_views.isEmpty() ? -1 : 0);
    resize(640, 420);
}

void SavedViewDialog::buildForm(QWidget *form)
{
    auto *layout = new QFormLayout(form);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_name = new QLineEdit(form);
    m_name->setObjectName(QStringLiteral("savedViewName"));
    m_name->setAccessibleName(tr("View name"));
    m_name->setPlaceholderText(tr("e.g. Urgent WhatsApp in Greek"));
    layout->addRow(tr("&Name:"), m_name);

    auto *statusRow = new QWidget(form);
    auto *statusLayout = new QHBoxLayout(statusRow);
    statusLayout->setContentsMargins(0, 0, 0, 0);
    using Domain::ConversationStatus;
    for (const auto status : {ConversationStatus::Open, ConversationStatus::Pending,
                              ConversationStatus::Snoozed, ConversationStatus::Resolved}) {
        auto *box = new QCheckBox(Domain::statusDisplayName(status), statusRow);
        box->setObjectName(QStringLiteral("savedViewStatus_") + Domain::statusKey(status));
        box->setProperty("statusKey", Domain::statusKey(status));
        box->setAccessibleName(tr("Status %1").arg(Domain::statusDisplayName(status)));
        box->setAccessibleDescription(tr("Leave every status unchecked to show all of them."));
        statusLayout->addWidget(box);
        m_statuses.append(box);
        connect(box, &QCheckBox::toggled, this, &SavedViewDialog::updateState);
    }
    statusLayout->addStretch(1);
    layout->addRow(tr("Status:"), statusRow);

    auto addCombo = [&](const QString &objectName, const QString &label, const QString &accessible) {
        auto *combo = new QComboBox(form);
        combo->setObjectName(objectName);
        combo->setAccessibleName(accessible);
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(12);
        layout->addRow(label, combo);
        connect(combo, &QComboBox::currentIndexChanged, this, &SavedViewDialog::updateState);
        return combo;
    };
    m_assignee = addCombo(QStringLiteral("savedViewAssignee"), tr("&Assignee:"), tr("Assignee"));
    m_channel = addCombo(QStringLiteral("savedViewChannel"), tr("&Channel:"), tr("Channel"));
    m_inbox = addCombo(QStringLiteral("savedViewInbox"), tr("&Inbox:"), tr("Inbox"));
    m_label = addCombo(QStringLiteral("savedViewLabel"), tr("&Label:"), tr("Label"));
    m_priority = addCombo(QStringLiteral("savedViewPriority"), tr("&Priority:"), tr("Priority at least"));
    m_language = addCombo(QStringLiteral("savedViewLanguage"), tr("Lan&guage:"), tr("Customer language"));

    m_waiting = new QSpinBox(form);
    m_waiting->setObjectName(QStringLiteral("savedViewWaiting"));
    m_waiting->setAccessibleName(tr("Customer waiting at least, in minutes"));
    m_waiting->setRange(0, 14 * 24 * 60);
    m_waiting->setSingleStep(15);
    m_waiting->setSuffix(tr(" min"));
    m_waiting->setSpecialValueText(tr("Any waiting time"));
    layout->addRow(tr("&Waiting at least:"), m_waiting);
    connect(m_waiting, &QSpinBox::valueChanged, this, &SavedViewDialog::updateState);

    m_count = new QLabel(form);
    m_count->setObjectName(QStringLiteral("savedViewCount"));
    layout->addRow(QString(), m_count);
    connect(m_name, &QLineEdit::textChanged, this, &SavedViewDialog::updateState);
    fillChoices();
}

void SavedViewDialog::fillChoices()
{
    m_assignee->addItem(tr("Anyone"), kAnyone);
    m_assignee->addItem(tr("Me"), kMe);
    m_assignee->addItem(tr("Nobody (unassigned)"), kUnassigned);
    m_channel->addItem(tr("Every channel"), QString());
    for (const auto channel : Domain::allChannels())
        m_channel->addItem(Domain::channelDisplayName(channel), Domain::channelKey(channel));
    m_inbox->addItem(tr("Every inbox"), qint64(0));
    m_label->addItem(tr("Any label"), QString());
    using Domain::Priority;
    m_priority->addItem(tr("Any priority"), 0);
    for (const auto priority : {Priority::Low, Priority::Medium, Priority::High, Priority::Urgent})
        m_priority->addItem(tr("%1 or higher").arg(Domain::priorityDisplayName(priority)), int(priority));
    // Languages are named in their own script so an agent finds them whatever the UI language.
    m_language->addItem(tr("Any language"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("中文 (简体 + 繁體)"), QStringLiteral("zh"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh-Hans"));
    m_language->addItem(QStringLiteral("繁體中文"), QStringLiteral("zh-Hant"));
    m_language->addItem(QStringLiteral("Ελληνικά"), QStringLiteral("el"));
    if (!m_cache || !m_cache->connection().isOpen())
        return;
    for (const auto &agent : m_cache->agents())
        m_assignee->addItem(agent.name, QString(kAgentPrefix + QString::number(agent.id)));
    for (const auto &inbox : m_cache->inboxes())
        m_inbox->addItem(inbox.name, inbox.id);
    for (const QString &label : m_cache->labelTitles())
        m_label->addItem(label, label);
}

void SavedViewDialog::editView(int index)
{
    const int row = index >= 0 && index < m_views.size() ? index : -1;
    if (m_list->currentRow() == row)
        showView(row);
    else
        m_list->setCurrentRow(row); // currentRowChanged stores the form and shows the row
}

void SavedViewDialog::addView(const ConversationFilter &filter)
{
    storeForm();
    m_views.append({tr("New view"), filter});
    m_list->addItem(m_views.last().name);
    editView(int(m_views.size()) - 1);
    m_name->setFocus();
    m_name->selectAll();
}

void SavedViewDialog::setProposedName(const QString &name)
{
    m_name->setText(name);
    m_name->selectAll();
}

void SavedViewDialog::deleteCurrentView()
{
    const int index = m_current;
    if (index < 0 || index >= m_views.size())
        return;
    m_current = -1; // nothing to store from the form of a view that is going away
    m_views.removeAt(index);
    delete m_list->takeItem(index);
    editView(std::min(index, int(m_views.size()) - 1));
}

void SavedViewDialog::showView(int index)
{
    m_current = index >= 0 && index < m_views.size() ? index : -1;
    m_loading = true;
    const SavedView view = m_current >= 0 ? m_views.at(m_current) : SavedView{};
    const ConversationFilter &f = view.filter;
    m_name->setText(view.name);
    for (QCheckBox *box : std::as_const(m_statuses))
        box->setChecked(f.statuses.contains(box->property("statusKey").toString()));
    if (f.assigneeAgentId != 0)
        selectData(m_assignee, QString(kAgentPrefix + QString::number(f.assigneeAgentId)));
    else
        selectData(m_assignee, f.assignee == ConversationFilter::Assignee::Me           ? kMe
                               : f.assignee == ConversationFilter::Assignee::Unassigned ? kUnassigned
                                                                                        : kAnyone);
    selectData(m_channel, f.channelKey);
    selectData(m_inbox, f.inboxId);
    selectData(m_label, f.label);
    selectData(m_priority, f.minPriority);
    selectData(m_language, f.language);
    m_waiting->setValue(int(f.waitingLongerThanSecs / 60));
    m_loading = false;
    updateState();
}

ConversationFilter SavedViewDialog::formFilter() const
{
    ConversationFilter f;
    f.statuses.clear();
    for (QCheckBox *box : m_statuses) {
        if (box->isChecked())
            f.statuses.append(box->property("statusKey").toString());
    }
    const QString assignee = m_assignee->currentData().toString();
    if (assignee == kMe)
        f.assignee = ConversationFilter::Assignee::Me;
    else if (assignee == kUnassigned)
        f.assignee = ConversationFilter::Assignee::Unassigned;
    else if (assignee.startsWith(kAgentPrefix))
        f.assigneeAgentId = assignee.mid(kAgentPrefix.size()).toLongLong();
    f.channelKey = m_channel->currentData().toString();
    f.inboxId = m_inbox->currentData().toLongLong();
    f.label = m_label->currentData().toString();
    f.minPriority = m_priority->currentData().toInt();
    f.language = m_language->currentData().toString();
    f.waitingLongerThanSecs = qint64(m_waiting->value()) * 60;
    return f;
}

void SavedViewDialog::storeForm()
{
    if (m_current < 0 || m_current >= m_views.size())
        return;
    SavedView &view = m_views[m_current];
    const QString name = m_name->text().trimmed();
    if (!name.isEmpty())
        view.name = name;
    view.filter = formFilter();
}

void SavedViewDialog::updateState()
{
    if (m_loading)
        return;
    const bool editing = m_current >= 0;
    m_form->setEnabled(editing);
    m_delete->setEnabled(editing);
    if (editing && m_list->item(m_current)) {
        const QString name = m_name->text().trimmed();
        m_list->item(m_current)->setText(name.isEmpty() ? m_views.at(m_current).name : name);
    }
    // A nameless view could not be found again in the navigation column.
    bool named = true;
    for (int i = 0; i < m_views.size(); ++i)
        named = named && !(i == m_current ? m_name->text() : m_views.at(i).name).trimmed().isEmpty();
    m_ok->setEnabled(named);
    if (!editing) {
        m_count->setText(m_views.isEmpty() ? tr("No saved views yet. Choose “New view” to make one.")
                                           : QString());
        return;
    }
    if (!m_counter) {
        m_count->clear();
        return;
    }
    const int matches = m_counter(formFilter());
    m_count->setText(matches == 1 ? tr("Matches %n conversation now", nullptr, matches)
                                  : tr("Matches %n conversations now", nullptr, matches));
}

} // namespace Counterpart::Ui
