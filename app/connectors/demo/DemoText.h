#pragma once

#include "DemoLanguage.h"

#include <QDate>
#include <array>

namespace Counterpart::Connectors::Demo {

/** Fills corpus templates: "{order}" becomes "HP-104582", dates and money in the customer's language. */
class DemoText
{
public:
    enum Var {
        Name,     ///< the customer's given name
        FullName, ///< the customer's full name
        Agent,    ///< the replying agent's first name
        Order,
        Item,
        Date,     ///< when the order was placed
        Eta,      ///< a promised or expected date
        Carrier,
        Tracking,
        Total,
        Last4,
        Plan,
        Phone,
        Text,
        Team,
        Label,
        Priority,
        Actor,
        VarCount
    };
    using Vars = std::array<QString, VarCount>;

    /** Replaces every known {placeholder}; unknown ones are kept so a corpus typo is visible. */
    static QString fill(const QString &pattern, const Vars &vars);
    static QString date(const DemoLanguage &language, const QDate &date);
    /** Money in minor units (cents), e.g. "$49.90", "49,90 €", "NT$1,290". */
    static QString money(const DemoLanguage &language, qint64 minorUnits);
};

} // namespace Counterpart::Connectors::Demo
