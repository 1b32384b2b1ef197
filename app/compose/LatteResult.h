#pragma once

#include "LatteStep.h"

#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace Counterpart::Compose {

/** Why one LATTE step is (or is not) ticked. */
struct LatteEvidence
{
    bool detected = false;
    qsizetype start = -1; ///< span in the reply that shows the step, UTF-16 offsets
    qsizetype end = -1;
    QString text;
    std::optional<bool> manual; ///< the agent's own tick or untick, which wins over detection

    bool isTicked() const { return manual.value_or(detected); }
};

/** The five steps of one reply; the agent's manual ticks survive re-checking with carryManual. */
class LatteResult
{
public:
    const LatteEvidence &step(LatteStep step) const { return m_steps[index(step)]; }
    LatteEvidence &step(LatteStep step) { return m_steps[index(step)]; }

    bool isTicked(LatteStep step) const { return this->step(step).isTicked(); }
    void setManual(LatteStep step, bool ticked) { this->step(step).manual = ticked; }
    void clearManual(LatteStep step) { this->step(step).manual.reset(); }
    /** Copies the manual ticks of an earlier result (the previous keystroke's) into this one. */
    void carryManual(const LatteResult &previous);

    /** The steps of \a required that are not ticked, in LATTE order. */
    QList<LatteStep> missing(const QList<LatteStep> &required) const;
    int tickedCount() const;

private:
    static int index(LatteStep step) { return static_cast<int>(step); }
    std::array<LatteEvidence, 5> m_steps;
};

} // namespace Counterpart::Compose
