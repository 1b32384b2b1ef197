#include "DemoScenario.h"

namespace Counterpart::Connectors::Demo {

const QList<DemoScenario> &DemoScenario::all()
{
    // Teams: 1 Orders & Shipping, 2 Billing, 3 Tier 2. In the surge, shipping questions dominate.
    static const QList<DemoScenario> scenarios = {
        {QStringLiteral("lost-order"), {QStringLiteral("lost-order")}, QStringLiteral("carrier"), 1, 10, 14, true},
        {QStringLiteral("damaged"), {QStringLiteral("damaged")}, QStringLiteral("exchange"), 1, 10, 10, true},
        {QStringLiteral("product-complaint"), {QStringLiteral("complaint"), QStringLiteral("product-feedback")}, QString(), 3, 9, 5, true},
        {QStringLiteral("refund"), {QStringLiteral("refund")}, QStringLiteral("billing"), 2, 12, 8, true},
        {QStringLiteral("password-reset"), {QStringLiteral("password-reset"), QStringLiteral("identity-check")}, QString(), 3, 8, 4, false},
        {QStringLiteral("delay-carrier"), {QStringLiteral("shipping-delay"), QStringLiteral("carrier")}, QString(), 1, 12, 30, true},
        {QStringLiteral("delay-warehouse"), {QStringLiteral("shipping-delay"), QStringLiteral("warehouse")}, QString(), 1, 8, 22, true},
        {QStringLiteral("exchange"), {QStringLiteral("exchange")}, QString(), 1, 8, 6, true},
        {QStringLiteral("billing"), {QStringLiteral("billing")}, QStringLiteral("refund"), 2, 8, 4, true},
        {QStringLiteral("bug"), {QStringLiteral("bug")}, QString(), 3, 6, 4, false},
    };
    return scenarios;
}

} // namespace Counterpart::Connectors::Demo
