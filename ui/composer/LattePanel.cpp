#include "LattePanel.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QToolButton>
#include <QVBoxLayout>

namespace Counterpart::Ui {

using Compose::LatteStep;

LattePanel::LattePanel(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(tr("LATTE"), this))
    , m_policyLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("lattePanel"));
    setAccessibleName(tr("LATTE checklist"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_policyLabel->setObjectName(QStringLiteral("lattePolicy"));
    m_policyLabel->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_policyLabel);

    auto *grid = new QGridLayout;
    grid->setColumnStretch(0, 1);
    grid->setVerticalSpacing(2);
    const QList<LatteStep> steps = Compose::allLatteSteps();
    for (int i = 0; i < steps.size(); ++i) {
        const LatteStep step = steps.at(i);
        const QString key = Compose::latteStepKey(step);
        Row &row = m_rows[i];
        row.check = new QCheckBox(Compose::latteStepDisplayName(step), this);
        row.check->setObjectName(QStringLiteral("latteStep_") % key);
        row.check->setAccessibleName(Compose::latteStepDisplayName(step));
        row.why = new QLabel(this);
        row.why->setObjectName(QStringLiteral("latteWhy_") % key);
        row.why->setWordWrap(true);
        row.why->setIndent(22); // under the check box's text, not its box
        QPalette muted = row.why->palette();
        muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
        row.why->setPalette(muted);
        row.reset = new QToolButton(this);
        row.reset->setObjectName(QStringLiteral("latteAuto_") % key);
        row.reset->setText(tr("Auto"));
        row.reset->setToolTip(tr("Forget the manual tick and detect this step again"));
        row.reset->setAccessibleName(tr("Detect %1 automatically").arg(Compose::latteStepDisplayName(step)));
        row.reset->setAutoRaise(true);
        grid->addWidget(row.check, i * 2, 0);
        grid->addWidget(row.reset, i * 2, 1);
        grid->addWidget(row.why, i * 2 + 1, 0, 1, 2);

        connect(row.check, &QCheckBox::toggled, this, [this, step](bool checked) {
            m_result.setManual(step, checked);
            refresh();
            emit manualChanged(step, checked);
        });
        connect(row.reset, &QToolButton::clicked, this, [this, step] {
            m_result.clearManual(step);
            refresh();
            emit manualChanged(step, std::nullopt);
        });
    }
    layout->addLayout(grid);
    layout->addStretch(1);
    refresh();
}

void LattePanel::setResult(const Compose::LatteResult &result)
{
    m_result = result;
    refresh();
}

void LattePanel::setPolicy(const Compose::LattePolicy &policy)
{
    m_policy = policy;
    refresh();
}

QCheckBox *LattePanel::checkBox(LatteStep step) const
{
    return m_rows[static_cast<int>(step)].check;
}

QString LattePanel::whyText(LatteStep step) const
{
    return m_rows[static_cast<int>(step)].why->text();
}

void LattePanel::refresh()
{
    switch (m_policy.mode) {
    case Compose::LattePolicyMode::Off:
        m_policyLabel->setText(tr("Off"));
        break;
    case Compose::LattePolicyMode::Remind:
        m_policyLabel->setText(tr("Reminder"));
        break;
    case Compose::LattePolicyMode::Require:
        m_policyLabel->setText(tr("Required before sending"));
        break;
    }
    m_title->setText(tr("LATTE %1/5").arg(m_result.tickedCount()));
    const bool requiring = m_policy.mode == Compose::LattePolicyMode::Require;
    const QList<LatteStep> steps = Compose::allLatteSteps();
    for (int i = 0; i < steps.size(); ++i) {
        const LatteStep step = steps.at(i);
        const Compose::LatteEvidence &evidence = m_result.step(step);
        Row &row = m_rows[i];
        const QSignalBlocker blocker(row.check);
        row.check->setChecked(evidence.isTicked());
        const bool required = requiring && m_policy.steps.contains(step);
        QString name = Compose::latteStepDisplayName(step);
        if (required)
            name = tr("%1 (required)").arg(name);
        row.check->setText(name);
        QFont font = row.check->font();
        font.setBold(required && !evidence.isTicked());
        row.check->setFont(font);

        QString why;
        if (evidence.manual.has_value())
            why = *evidence.manual ? tr("Ticked by hand") : tr("Unticked by hand");
        else if (evidence.detected && !evidence.text.isEmpty())
            why = tr("Found: “%1”").arg(evidence.text);
        else if (evidence.detected)
            why = tr("Detected");
        else
            why = tr("Not found in the draft");
        row.why->setText(why);
        row.why->setToolTip(evidence.text);
        row.reset->setVisible(evidence.manual.has_value());
    }
}

} // namespace Counterpart::Ui
