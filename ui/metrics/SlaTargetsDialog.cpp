#include "SlaTargetsDialog.h"

#include "domain/Channel.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Counterpart::Ui {

SlaTargetsDialog::SlaTargetsDialog(const Metrics::Sla &sla, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("First-response targets"));
    setObjectName(QStringLiteral("slaTargetsDialog"));
    auto *intro = new QLabel(tr("How soon a customer should get a first answer on each channel. "
                                "The inbox's SLA badges and the dashboard measure against these."),
                             this);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    for (const QString &key : Metrics::Sla::channelKeys()) {
        auto *box = new QSpinBox(this);
        box->setObjectName(QStringLiteral("sla_") + key);
        box->setRange(1, 14 * 24 * 60); // a minute to two weeks
        box->setSuffix(tr(" min"));
        box->setValue(int(sla.targetSecs(key) / 60));
        const QString channel = Domain::channelDisplayName(Domain::channelFromKey(key));
        box->setAccessibleName(tr("First-response target for %1, in minutes").arg(channel));
        form->addRow(channel, box);
        m_minutes.insert(key, box);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

Metrics::Sla SlaTargetsDialog::sla() const
{
    Metrics::Sla sla;
    for (auto it = m_minutes.cbegin(); it != m_minutes.cend(); ++it)
        sla.setTargetSecs(it.key(), qint64(it.value()->value()) * 60);
    return sla;
}

} // namespace Counterpart::Ui
