#pragma once

#include "metrics/BusinessHours.h"

#include <QDialog>

#include <array>

class QCheckBox;
class QComboBox;
class QTimeEdit;

namespace Counterpart::Ui {

/**
 * The team's opening hours and time zone, which every duration of the dashboard is measured in:
 * "always open" counts wall-clock time, otherwise one window per weekday.
 */
class BusinessHoursDialog : public QDialog
{
    Q_OBJECT
public:
    explicit BusinessHoursDialog(const Metrics::BusinessHours &hours, QWidget *parent = nullptr);

    Metrics::BusinessHours hours() const;

    QCheckBox *alwaysOpenBox() const { return m_alwaysOpen; }
    QComboBox *zoneBox() const { return m_zone; }
    QCheckBox *dayBox(int weekday) const { return m_days.at(weekday).open; }
    QTimeEdit *openEdit(int weekday) const { return m_days.at(weekday).from; }
    QTimeEdit *closeEdit(int weekday) const { return m_days.at(weekday).to; }

private:
    struct DayRow
    {
        QCheckBox *open = nullptr;
        QTimeEdit *from = nullptr;
        QTimeEdit *to = nullptr;
    };
    void updateEnabled();

    QCheckBox *m_alwaysOpen;
    QComboBox *m_zone;
    std::array<DayRow, 7> m_days{};
};

} // namespace Counterpart::Ui
