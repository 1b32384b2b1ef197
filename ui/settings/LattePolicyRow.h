#pragma once

#include "compose/LattePolicy.h"

#include <QCoreApplication>
#include <QList>

#include <array>
#include <optional>

class QCheckBox;
class QComboBox;
class QGridLayout;
class QWidget;

namespace Counterpart::Ui {

/**
 * One line of the LATTE policy dialog: a mode ("off", "remind", "require", and optionally "not
 * set", which leaves the decision to the fallback policy) and a check box per step. It places its
 * widgets in the dialog's grid so the steps of every line stand in the same columns.
 */
class LattePolicyRow
{
    Q_DECLARE_TR_FUNCTIONS(Counterpart::Ui::LattePolicyRow)
public:
    /** \a unsetText names the "not set" choice; empty: the line always has a policy. */
    LattePolicyRow(const QString &objectKey, const QString &subject, const QString &unsetText,
                   const QList<Compose::LattePolicyMode> &modes, QWidget *parent);

    /** Mode in \a column, steps in the five columns after it. */
    void addToGrid(QGridLayout *grid, int row, int column) const;

    std::optional<Compose::LattePolicy> policy() const;
    void setPolicy(const std::optional<Compose::LattePolicy> &policy);

    QComboBox *modeBox() const { return m_mode; }
    QCheckBox *stepBox(Compose::LatteStep step) const;

    static QString modeText(Compose::LattePolicyMode mode);

private:
    void updateSteps() const;

    QComboBox *m_mode;
    std::array<QCheckBox *, 5> m_steps{};
};

} // namespace Counterpart::Ui
