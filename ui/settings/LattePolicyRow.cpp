#include "LattePolicyRow.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>

namespace Counterpart::Ui {

using Compose::LattePolicy;
using Compose::LattePolicyMode;
using Compose::LatteStep;

LattePolicyRow::LattePolicyRow(const QString &objectKey, const QString &subject, const QString &unsetText,
                               const QList<LattePolicyMode> &modes, QWidget *parent)
    : m_mode(new QComboBox(parent))
{
    m_mode->setObjectName(QStringLiteral("lattePolicyMode_") % objectKey);
    m_mode->setAccessibleName(tr("Checklist for %1").arg(subject));
    if (!unsetText.isEmpty())
        m_mode->addItem(unsetText);
    for (const LattePolicyMode mode : modes)
        m_mode->addItem(modeText(mode), int(mode));

    const QList<LatteStep> steps = Compose::allLatteSteps();
    for (int i = 0; i < steps.size(); ++i) {
        auto *box = new QCheckBox(parent);
        box->setObjectName(QStringLiteral("lattePolicyStep_") % objectKey % QLatin1Char('_')
                           % Compose::latteStepKey(steps.at(i)));
        box->setAccessibleName(tr("%1 for %2").arg(Compose::latteStepDisplayName(steps.at(i)), subject));
        box->setToolTip(box->accessibleName());
        box->setChecked(true);
        m_steps[size_t(i)] = box;
    }
    QObject::connect(m_mode, &QComboBox::currentIndexChanged, m_mode, [this] { updateSteps(); });
    updateSteps();
}

QString LattePolicyRow::modeText(LattePolicyMode mode)
{
    switch (mode) {
    case LattePolicyMode::Off:
        return tr("Off");
    case LattePolicyMode::Remind:
        return tr("Remind");
    case LattePolicyMode::Require:
        return tr("Require before sending");
    }
    return QString();
}

void LattePolicyRow::addToGrid(QGridLayout *grid, int row, int column) const
{
    grid->addWidget(m_mode, row, column);
    for (size_t i = 0; i < m_steps.size(); ++i)
        grid->addWidget(m_steps.at(i), row, column + 1 + int(i), Qt::AlignHCenter);
}

QCheckBox *LattePolicyRow::stepBox(LatteStep step) const
{
    return m_steps.at(size_t(Compose::allLatteSteps().indexOf(step)));
}

std::optional<LattePolicy> LattePolicyRow::policy() const
{
    const QVariant mode = m_mode->currentData();
    if (!mode.isValid())
        return std::nullopt;
    LattePolicy policy;
    policy.mode = LattePolicyMode(mode.toInt());
    policy.steps.clear();
    for (const LatteStep step : Compose::allLatteSteps()) {
        if (stepBox(step)->isChecked())
            policy.steps.append(step);
    }
    return policy;
}

void LattePolicyRow::setPolicy(const std::optional<LattePolicy> &policy)
{
    const int index = policy ? m_mode->findData(int(policy->mode)) : 0;
    // A mode this line does not offer (a label set to "off" in an older file) reads as not set.
    m_mode->setCurrentIndex(std::max(index, 0));
    for (const LatteStep step : Compose::allLatteSteps())
        stepBox(step)->setChecked(!policy || policy->steps.contains(step));
    updateSteps();
}

void LattePolicyRow::updateSteps() const
{
    // Steps mean something only when the checklist reminds or requires; "off" and "not set"
    // keep the ticks for when the agent switches back.
    const QVariant mode = m_mode->currentData();
    const bool active = mode.isValid() && LattePolicyMode(mode.toInt()) != LattePolicyMode::Off;
    for (QCheckBox *box : m_steps)
        box->setEnabled(active);
}

} // namespace Counterpart::Ui
