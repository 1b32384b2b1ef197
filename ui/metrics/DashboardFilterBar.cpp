#include "DashboardFilterBar.h"

#include "common/ScopeChoices.h"
#include "domain/Channel.h"
#include "storage/CacheStore.h"

#include <QComboBox>
#include <QDateEdit>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>

namespace Counterpart::Ui {


DashboardFilterBar::DashboardFilterBar(const Storage::CacheStore *cache, const QDateTime &now, QWidget *parent)
    : QWidget(parent)
    , m_cache(cache)
    , m_now(now.isValid() ? now : QDateTime::currentDateTimeUtc())
    , m_preset(new QComboBox(this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_agent(new QComboBox(this))
    , m_team(new QComboBox(this))
    , m_inbox(new QComboBox(this))
    , m_label(new QComboBox(this))
    , m_hours(new QPushButton(tr("Hours and targets"), this))
    , m_refresh(new QPushButton(tr("Refresh"), this))
    , m_export(new QPushButton(tr("Export CSV…"), this))
{
    setObjectName(QStringLiteral("dashboardFilters"));
    m_preset->setObjectName(QStringLiteral("rangePreset"));
    m_preset->setAccessibleName(tr("Date range"));
    m_preset->addItem(tr("Today"), Today);
    m_preset->addItem(tr("Last 7 days"), Last7Days);
    m_preset->addItem(tr("Last 30 days"), Last30Days);
    m_preset->addItem(tr("This month"), ThisMonth);
    m_preset->addItem(tr("Last month"), LastMonth);
    m_preset->addItem(tr("Last 90 days"), Last90Days);
    m_preset->addItem(tr("Custom"), Custom);
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    m_from->setObjectName(QStringLiteral("rangeFrom"));
    m_from->setAccessibleName(tr("From date"));
    m_to->setObjectName(QStringLiteral("rangeTo"));
    m_to->setAccessibleName(tr("To date (inclusive)"));
    m_agent->setObjectName(QStringLiteral("filterAgent"));
    m_agent->setAccessibleName(tr("Agent"));
    m_team->setObjectName(QStringLiteral("filterTeam"));
    m_team->setAccessibleName(tr("Team"));
    m_inbox->setObjectName(QStringLiteral("filterInbox"));
    m_inbox->setAccessibleName(tr("Inbox or channel"));
    m_label->setObjectName(QStringLiteral("filterLabel"));
    m_label->setAccessibleName(tr("Label"));
    m_hours->setObjectName(QStringLiteral("businessHours"));
    m_hours->setAccessibleName(tr("Edit business hours, time zone and first-response targets"));
    m_refresh->setObjectName(QStringLiteral("refreshMetrics"));
    m_refresh->setAccessibleName(tr("Refresh the dashboard"));
    m_export->setObjectName(QStringLiteral("exportMetrics"));
    m_export->setAccessibleName(tr("Export every metric table as CSV"));

    // Two rows that wrap into the width: the window may be narrow.
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_preset, 0, 0);
    grid->addWidget(m_from, 0, 1);
    grid->addWidget(new QLabel(QStringLiteral("–"), this), 0, 2);
    grid->addWidget(m_to, 0, 3);
    grid->addWidget(m_hours, 0, 4);
    grid->addWidget(m_refresh, 0, 5);
    grid->addWidget(m_export, 0, 6);
    grid->addWidget(m_agent, 1, 0);
    grid->addWidget(m_team, 1, 1);
    grid->addWidget(m_inbox, 1, 3, 1, 2);
    grid->addWidget(m_label, 1, 5, 1, 2);
    for (int column = 0; column < 7; ++column)
        grid->setColumnStretch(column, column == 2 ? 0 : 1);

    reloadChoices();
    setPreset(Last30Days);
    connect(m_preset, &QComboBox::currentIndexChanged, this, &DashboardFilterBar::applyPreset);
    for (QDateEdit *edit : {m_from, m_to}) {
        connect(edit, &QDateEdit::dateChanged, this, [this] {
            if (m_updating)
                return;
            m_updating = true;
            m_preset->setCurrentIndex(m_preset->findData(Custom));
            m_updating = false;
            emit filterChanged();
        });
    }
    for (QComboBox *box : {m_agent, m_team, m_inbox, m_label})
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_updating)
                emit filterChanged();
        });
}

void DashboardFilterBar::reloadChoices()
{
    m_updating = true;
    ScopeChoices::fillAgents(m_agent, m_cache->agents());
    const QVariant team = m_team->currentData();
    m_team->clear();
    m_team->addItem(tr("Every team"), qint64(0));
    for (const Domain::Team &t : m_cache->teams())
        m_team->addItem(t.name, t.id);
    m_team->setCurrentIndex(std::max(0, m_team->findData(team)));
    ScopeChoices::fillInboxes(m_inbox, m_cache->inboxes());
    ScopeChoices::fillLabels(m_label, m_cache->labelTitles());
    m_updating = false;
}

void DashboardFilterBar::setPreset(Preset preset)
{
    m_preset->setCurrentIndex(m_preset->findData(preset));
    applyPreset();
}

void DashboardFilterBar::setCustomRange(const QDate &from, const QDate &toInclusive)
{
    m_updating = true;
    m_preset->setCurrentIndex(m_preset->findData(Custom));
    m_from->setDate(from);
    m_to->setDate(toInclusive);
    m_updating = false;
    emit filterChanged();
}

void DashboardFilterBar::applyPreset()
{
    if (m_updating)
        return;
    const QDate today = m_now.toUTC().date();
    QDate from = today;
    QDate to = today;
    switch (Preset(m_preset->currentData().toInt())) {
    case Today: break;
    case Last7Days: from = today.addDays(-6); break;
    case Last30Days: from = today.addDays(-29); break;
    case Last90Days: from = today.addDays(-89); break;
    case ThisMonth: from = QDate(today.year(), today.month(), 1); break;
    case LastMonth:
        from = QDate(today.year(), today.month(), 1).addMonths(-1);
        to = QDate(today.year(), today.month(), 1).addDays(-1);
        break;
    case Custom: return; // keep the dates the lead picked
    }
    m_updating = true;
    m_from->setDate(from);
    m_to->setDate(to);
    m_updating = false;
    emit filterChanged();
}

Metrics::MetricsFilter DashboardFilterBar::filter(const QTimeZone &zone) const
{
    Metrics::MetricsFilter f;
    f.from = m_from->date().startOfDay(zone).toUTC();
    f.to = m_to->date().addDays(1).startOfDay(zone).toUTC();
    if (const qint64 agent = m_agent->currentData().toLongLong(); agent > 0)
        f.agentIds = {agent};
    if (const qint64 team = m_team->currentData().toLongLong(); team > 0)
        f.teamIds = {team};
    const ScopeChoices::InboxChoice inbox = ScopeChoices::inboxChoice(m_inbox);
    f.inboxIds = inbox.inboxIds;
    f.channels = inbox.channels;
    if (const QString label = m_label->currentData().toString(); !label.isEmpty())
        f.labels = {label};
    return f;
}

} // namespace Counterpart::Ui
