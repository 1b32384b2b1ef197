#pragma once

#include "metrics/Sla.h"

#include <QDialog>
#include <QHash>

class QSpinBox;

namespace Counterpart::Ui {

/**
 * The first-response target of each channel, in minutes: what the inbox's SLA badges, the
 * dashboard's "within target" and its SLA hit rate measure against.
 */
class SlaTargetsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SlaTargetsDialog(const Metrics::Sla &sla, QWidget *parent = nullptr);

    Metrics::Sla sla() const;
    QSpinBox *minutesBox(const QString &channelKey) const { return m_minutes.value(channelKey); }

private:
    QHash<QString, QSpinBox *> m_minutes;
};

} // namespace Counterpart::Ui
