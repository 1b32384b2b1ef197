#pragma once

#include <QList>

namespace Counterpart::Cli {

/** Percentiles of a set of timings (nearest-rank), for benchmark output. */
class BenchStats
{
public:
    static double percentile(QList<double> samples, double fraction);
    static double median(const QList<double> &samples) { return percentile(samples, 0.5); }
    /** Peak resident memory of this process in MiB (VmHWM), 0 where unknown. */
    static double peakRssMb();
};

} // namespace Counterpart::Cli
