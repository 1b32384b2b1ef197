#include "BusinessHoursDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace Counterpart::Ui {

namespace {

QTime timeOf(int minute)
{
    return minute >= 24 * 60 ? QTime(23, 59) : QTime(minute / 60, minute % 60);
}

int minuteOf(const QTime &time)
{
    // 23:59 on screen means "until midnight": a window may close at the end of the day.
    return time == QTime(23, 59) ? 24 * 60 : time.hour() * 60 + time.minute();
}

} // namespace

BusinessHoursDialog::BusinessHoursDialog(const Metrics::BusinessHours &hours, QWidget *parent)
    : QDialog(parent)
    , m_alwaysOpen(new QCheckBox(tr("Always open (count wall-clock time)"), this))
    , m_zone(new QComboBox(this))
{
    setObjectName(QStringLiteral("businessHoursDialog"));
    setWindowTitle(tr("Business hours"));
    m_alwaysOpen->setObjectName(QStringLiteral("alwaysOpen"));
    m_alwaysOpen->setAccessibleName(tr("Always open"));
    m_alwaysOpen->setChecked(hours.isAlwaysOpen());
    m_zone->setObjectName(QStringLiteral("timeZone"));
    m_zone->setAccessibleName(tr("Time zone"));
    m_zone->setEditable(true);
    m_zone->setInsertPolicy(QComboBox::NoInsert);
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        m_zone->addItem(QString::fromLatin1(id));
    m_zone->setCurrentText(QString::fromLatin1(hours.zone().id()));

    auto *grid = new QGridLayout;
    const QLocale locale;
    for (int day = 0; day < 7; ++day) {
        const Metrics::BusinessHours::Window window = hours.week()[day];
        DayRow &row = m_days[day];
        const QString name = locale.dayName(day + 1);
        row.open = new QCheckBox(name, this);
        row.open->setObjectName(QStringLiteral("open%1").arg(day));
        row.open->setAccessibleName(tr("Open on %1").arg(name));
        row.from = new QTimeEdit(this);
        row.from->setObjectName(QStringLiteral("from%1").arg(day));
        row.from->setAccessibleName(tr("%1 opens at").arg(name));
        row.to = new QTimeEdit(this);
        row.to->setObjectName(QStringLiteral("to%1").arg(day));
        row.to->setAccessibleName(tr("%1 closes at").arg(name));
        for (QTimeEdit *edit : {row.from, row.to})
            edit->setDisplayFormat(QStringLiteral("HH:mm"));
        const bool open = window.closeMinute > window.openMinute;
        row.open->setChecked(hours.isAlwaysOpen() ? day < 5 : open);
        row.from->setTime(open ? timeOf(window.openMinute) : QTime(9, 0));
        row.to->setTime(open ? timeOf(window.closeMinute) : QTime(17, 0));
        grid->addWidget(row.open, day, 0);
        grid->addWidget(row.from, day, 1);
        grid->addWidget(new QLabel(QStringLiteral("–"), this), day, 2);
        grid->addWidget(row.to, day, 3);
        connect(row.open, &QCheckBox::toggled, this, &BusinessHoursDialog::updateEnabled);
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_alwaysOpen, &QCheckBox::toggled, this, &BusinessHoursDialog::updateEnabled);

    auto *form = new QFormLayout;
    form->addRow(tr("Time zone"), m_zone);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Response and resolution times count only the hours the team is open."), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_alwaysOpen);
    layout->addLayout(grid);
    layout->addWidget(buttons);
    updateEnabled();
}

void BusinessHoursDialog::updateEnabled()
{
    const bool perDay = !m_alwaysOpen->isChecked();
    for (const DayRow &row : m_days) {
        row.open->setEnabled(perDay);
        row.from->setEnabled(perDay && row.open->isChecked());
        row.to->setEnabled(perDay && row.open->isChecked());
    }
}

Metrics::BusinessHours BusinessHoursDialog::hours() const
{
    QTimeZone zone(m_zone->currentText().trimmed().toLatin1());
    if (!zone.isValid())
        zone = QTimeZone::utc();
    if (m_alwaysOpen->isChecked())
        return Metrics::BusinessHours::alwaysOpen(zone);
    Metrics::BusinessHours::Week week{};
    for (int day = 0; day < 7; ++day) {
        const DayRow &row = m_days[day];
        if (row.open->isChecked() && row.to->time() > row.from->time())
            week[day] = {minuteOf(row.from->time()), minuteOf(row.to->time())};
    }
    return Metrics::BusinessHours(zone, week);
}

} // namespace Counterpart::Ui
