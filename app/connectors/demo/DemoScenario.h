#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Counterpart::Connectors::Demo {

/** A reason customers get in touch, with the labels and team it lands on. */
struct DemoScenario
{
    QString key;        ///< key of the corpus texts
    QStringList labels; ///< always added
    QString extraLabel; ///< added to some conversations ("carrier", "exchange" ...)
    int team = 1;       ///< remote id of the team that handles it
    double weight = 1;  ///< share outside peak season
    double peakWeight = 1; ///< share in the late-November/December surge
    bool aboutOrder = true;

    static const QList<DemoScenario> &all();
};

} // namespace Counterpart::Connectors::Demo
