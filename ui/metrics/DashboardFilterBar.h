#pragma once

#include "metrics/MetricsFilter.h"

#include <QTimeZone>
#include <QWidget>

class QComboBox;
class QDateEdit;
class QPushButton;

namespace Counterpart::Storage {
class CacheStore;
}

namespace Counterpart::Ui {

/**
 * The dashboard's filters: a date range (presets, or custom dates), agent, team, inbox or
 * channel, label. Emits filterChanged() on every change; the buttons for business hours, refresh
 * and CSV export sit here too so the bar reads as the dashboard's one row of controls.
 */
class DashboardFilterBar : public QWidget
{
    Q_OBJECT
public:
    enum Preset { Today, Last7Days, Last30Days, ThisMonth, LastMonth, Last90Days, Custom };

    DashboardFilterBar(const Storage::CacheStore *cache, const QDateTime &now, QWidget *parent = nullptr);

    /** Dates are whole days in `zone` (the business time zone). */
    Metrics::MetricsFilter filter(const QTimeZone &zone = QTimeZone::utc()) const;
    void setPreset(Preset preset);
    void setCustomRange(const QDate &from, const QDate &toInclusive);
    void reloadChoices();

    QComboBox *presetBox() const { return m_preset; }
    QComboBox *agentBox() const { return m_agent; }
    QComboBox *teamBox() const { return m_team; }
    QComboBox *inboxBox() const { return m_inbox; }
    QComboBox *labelBox() const { return m_label; }
    QPushButton *hoursButton() const { return m_hours; }
    QPushButton *refreshButton() const { return m_refresh; }
    QPushButton *exportButton() const { return m_export; }

signals:
    void filterChanged();

private:
    void applyPreset();

    const Storage::CacheStore *m_cache;
    QDateTime m_now;
    QComboBox *m_preset;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QComboBox *m_agent;
    QComboBox *m_team;
    QComboBox *m_inbox;
    QComboBox *m_label;
    QPushButton *m_hours;
    QPushButton *m_refresh;
    QPushButton *m_export;
    bool m_updating = false;
};

} // namespace Counterpart::Ui
