#include "QueueBuilderForm.h"

#include "common/ScopeChoices.h"
#include "domain/Channel.h"
#include "storage/CacheStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSpinBox>

namespace Counterpart::Ui {

namespace {

enum SampleMode { EveryMatch, SampleCount, SamplePercent };

} // namespace

QueueBuilderForm::QueueBuilderForm(const Storage::CacheStore *cache, const QDateTime &now, QWidget *parent)
    : QWidget(parent)
    , m_cache(cache)
    , m_agent(new QComboBox(this))
    , m_inbox(new QComboBox(this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_label(new QComboBox(this))
    , m_csat(new QComboBox(this))
    , m_neverReviewed(new QCheckBox(tr("Never reviewed"), this))
    , m_resolvedOnly(new QCheckBox(tr("Resolved only"), this))
    , m_sampleMode(new QComboBox(this))
    , m_sampleCount(new QSpinBox(this))
    , m_samplePercent(new QDoubleSpinBox(this))
    , m_build(new QPushButton(tr("Build queue"), this))
{
    setObjectName(QStringLiteral("queueBuilder"));
    m_agent->setObjectName(QStringLiteral("queueAgent"));
    m_agent->setAccessibleName(tr("Agent"));
    m_inbox->setObjectName(QStringLiteral("queueInbox"));
    m_inbox->setAccessibleName(tr("Inbox or channel"));
    m_label->setObjectName(QStringLiteral("queueLabel"));
    m_label->setAccessibleName(tr("Label"));
    m_csat->setObjectName(QStringLiteral("queueCsat"));
    m_csat->setAccessibleName(tr("CSAT at or below"));
    m_csat->addItem(tr("Any rating"), 0);
    for (int rating = 1; rating <= 5; ++rating)
        m_csat->addItem(tr("%1 or lower").arg(rating), rating);

    const QDate today = (now.isValid() ? now : QDateTime::currentDateTimeUtc()).date();
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    m_from->setObjectName(QStringLiteral("queueFrom"));
    m_from->setAccessibleName(tr("From date"));
    m_from->setDate(today.addDays(-30));
    m_to->setObjectName(QStringLiteral("queueTo"));
    m_to->setAccessibleName(tr("To date (inclusive)"));
    m_to->setDate(today);

    m_neverReviewed->setObjectName(QStringLiteral("queueNeverReviewed"));
    m_neverReviewed->setAccessibleName(tr("Only conversations never reviewed"));
    m_resolvedOnly->setObjectName(QStringLiteral("queueResolvedOnly"));
    m_resolvedOnly->setAccessibleName(tr("Only resolved conversations"));
    m_resolvedOnly->setChecked(true);

    m_sampleMode->setObjectName(QStringLiteral("queueSampleMode"));
    m_sampleMode->setAccessibleName(tr("Sample"));
    m_sampleMode->addItem(tr("Every match"), EveryMatch);
    m_sampleMode->addItem(tr("Random sample of N"), SampleCount);
    m_sampleMode->addItem(tr("Random sample of K%"), SamplePercent);
    m_sampleCount->setObjectName(QStringLiteral("queueSampleCount"));
    m_sampleCount->setAccessibleName(tr("Sample size"));
    m_sampleCount->setRange(1, 10000);
    m_sampleCount->setValue(10);
    m_samplePercent->setObjectName(QStringLiteral("queueSamplePercent"));
    m_samplePercent->setAccessibleName(tr("Sample percentage"));
    m_samplePercent->setRange(0.1, 100);
    m_samplePercent->setValue(10);
    m_samplePercent->setSuffix(QStringLiteral(" %"));
    m_build->setObjectName(QStringLiteral("buildQueue"));
    m_build->setAccessibleName(tr("Build the review queue"));
    m_build->setDefault(true);

    auto *form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->addRow(tr("Agent"), m_agent);
    form->addRow(tr("Inbox"), m_inbox);
    auto *range = new QHBoxLayout;
    range->addWidget(m_from, 1);
    range->addWidget(m_to, 1);
    form->addRow(tr("From – to"), range);
    form->addRow(tr("Label"), m_label);
    form->addRow(tr("CSAT"), m_csat);
    auto *checks = new QHBoxLayout;
    checks->addWidget(m_neverReviewed);
    checks->addWidget(m_resolvedOnly);
    checks->addStretch(1);
    form->addRow(checks);
    auto *sample = new QHBoxLayout;
    sample->addWidget(m_sampleMode, 1);
    sample->addWidget(m_sampleCount);
    sample->addWidget(m_samplePercent);
    form->addRow(tr("Sample"), sample);
    form->addRow(m_build);

    connect(m_sampleMode, &QComboBox::currentIndexChanged, this, &QueueBuilderForm::updateSampleFields);
    connect(m_build, &QPushButton::clicked, this, [this] { emit buildRequested(criteria()); });
    updateSampleFields();
    reloadChoices();
}

void QueueBuilderForm::updateSampleFields()
{
    const int mode = m_sampleMode->currentData().toInt();
    m_sampleCount->setVisible(mode == SampleCount);
    m_samplePercent->setVisible(mode == SamplePercent);
}

void QueueBuilderForm::reloadChoices()
{
    ScopeChoices::fillAgents(m_agent, m_cache->agents());
    ScopeChoices::fillInboxes(m_inbox, m_cache->inboxes());
    ScopeChoices::fillLabels(m_label, m_cache->labelTitles());
}

Review::ReviewCriteria QueueBuilderForm::criteria() const
{
    Review::ReviewCriteria c;
    if (const qint64 agent = m_agent->currentData().toLongLong(); agent > 0)
        c.agentIds = {agent};
    const ScopeChoices::InboxChoice scope = ScopeChoices::inboxChoice(m_inbox);
    c.inboxIds = scope.inboxIds;
    c.channels = scope.channels;
    c.from = m_from->date().startOfDay(Qt::UTC);
    c.to = m_to->date().addDays(1).startOfDay(Qt::UTC); // the end date is inclusive on screen
    c.label = m_label->currentData().toString();
    c.csatAtMost = m_csat->currentData().toInt();
    c.neverReviewed = m_neverReviewed->isChecked();
    c.resolvedOnly = m_resolvedOnly->isChecked();
    const int mode = m_sampleMode->currentData().toInt();
    if (mode == SampleCount)
        c.sampleCount = m_sampleCount->value();
    else if (mode == SamplePercent)
        c.samplePercent = m_samplePercent->value();
    // A new draw each time the lead asks, unless a test pins the generator.
    c.seed = QRandomGenerator::global()->generate();
    return c;
}

} // namespace Counterpart::Ui
