#pragma once

#include "compose/LattePolicy.h"
#include "compose/LatteResult.h"

#include <QWidget>

#include <array>

class QCheckBox;
class QLabel;
class QToolButton;

namespace Counterpart::Ui {

/**
 * The LATTE checklist beside the composer: one row per step with its tick, why it is ticked
 * (the words of the draft that show it, or "ticked by hand"), whether the policy requires it,
 * and a way back to automatic detection after a manual tick.
 */
class LattePanel : public QWidget
{
    Q_OBJECT
public:
    explicit LattePanel(QWidget *parent = nullptr);

    void setResult(const Compose::LatteResult &result);
    void setPolicy(const Compose::LattePolicy &policy);
    Compose::LatteResult result() const { return m_result; }

    /** Row widgets, for tests and accessibility: "latteStep_listen" etc. */
    QCheckBox *checkBox(Compose::LatteStep step) const;
    QString whyText(Compose::LatteStep step) const;

signals:
    /** The agent ticked or unticked a step by hand (\a manual), or went back to automatic. */
    void manualChanged(Counterpart::Compose::LatteStep step, std::optional<bool> manual);

private:
    struct Row
    {
        QCheckBox *check = nullptr;
        QLabel *why = nullptr;
        QToolButton *reset = nullptr;
    };
    void refresh();

    std::array<Row, 5> m_rows;
    QLabel *m_title;
    QLabel *m_policyLabel;
    Compose::LatteResult m_result;
    Compose::LattePolicy m_policy;
};

} // namespace Counterpart::Ui
