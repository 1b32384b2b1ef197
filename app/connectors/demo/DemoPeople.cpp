#include "DemoPeople.h"

#include "DemoCorpus.h"
#include "DemoRandom.h"
#include "DemoText.h"

#include <QJsonArray>

namespace Counterpart::Connectors::Demo {

using namespace Domain;

namespace {

constexpr qint64 kDay = 86400;

QString digits(DemoRandom &rng, int count)
{
    QString out;
    out.reserve(count);
    for (int i = 0; i < count; ++i)
        out += QLatin1Char(char('0' + rng.below(10)));
    return out;
}

} // namespace

const DemoOrder &DemoPerson::orderBefore(const QDateTime &time) const
{
    const QDateTime limit = time.addSecs(-kDay);
    for (qsizetype i = orders.size() - 1; i > 0; --i) {
        if (orders.at(i).date <= limit)
            return orders.at(i);
    }
    return orders.first();
}

DemoPeople::DemoPeople(quint64 seed, const QDateTime &now)
    : m_seed(seed), m_now(now)
{
}

int DemoPeople::languageOf(qint64 index) const
{
    // A separate stream, so that the language can be known before the person is built.
    DemoRandom rng(DemoRandom::mix(m_seed, quint64(index), 0x1A46));
    const auto &corpus = DemoCorpus::instance();
    const double shares[] = {50, 16, 14, 20};
    std::array<double, 4> weights{};
    for (int i = 0; i < 4; ++i)
        weights[i] = corpus.language(i).available ? shares[i] : 0;
    return rng.weighted(weights);
}

DemoPerson DemoPeople::person(qint64 index, const QDateTime &firstSeen) const
{
    DemoRandom rng(DemoRandom::mix(m_seed, quint64(index), 0xC0));
    DemoPerson p;
    p.language = languageOf(index);
    const DemoLanguage &lang = DemoCorpus::instance().language(p.language);
    Contact &c = p.contact;
    c.remoteId = index;
    c.language = lang.key;

    QString latin;
    if (!lang.longNames.isEmpty() && rng.chance(0.02)) {
        const QStringList &entry = rng.pick(lang.longNames);
        c.name = entry.value(0);
        latin = entry.value(1);
        p.givenName = lang.familyFirst ? c.name : c.name.section(QLatin1Char(' '), 0, 0);
    } else {
        const DemoGivenName &given = rng.pick(lang.given);
        const DemoFamilyName &family = rng.pick(lang.family);
        const QString &familyName = given.female ? family.female : family.male;
        if (lang.familyFirst) {
            c.name = familyName + given.native;
            if (rng.chance(0.5))
                latin = given.latin + QLatin1Char('.') + family.latin;
            else
                latin = family.latin + given.latin + digits(rng, 2);
        } else {
            c.name = given.native + QLatin1Char(' ') + familyName;
            if (rng.chance(0.6))
                latin = given.latin + QLatin1Char('.') + family.latin;
            else
                latin = given.latin.left(1) + family.latin + digits(rng, 2);
        }
        // Chinese support staff address customers by full name, not by given name alone.
        p.givenName = lang.familyFirst ? c.name : given.vocative.isEmpty() ? given.native : given.vocative;
    }
    if (rng.chance(0.95))
        c.email = latin + QLatin1Char('@') + rng.pick(lang.emailDomains);
    const DemoPlace &place = rng.pick(lang.places);
    c.location = place.location;
    c.timezone = place.timezone;
    qsizetype prefixDigits = 0;
    for (const QChar ch : place.phonePrefix)
        prefixDigits += ch.isDigit() ? 1 : 0;
    c.phone = place.phonePrefix + digits(rng, int(std::max<qsizetype>(2, 12 - prefixDigits)));
    c.company = rng.pick(lang.companies);

    const int planRoll = rng.weighted(std::array<double, 3>{55, 35, 10});
    p.plan = planRoll == 0 ? QStringLiteral("Free") : planRoll == 1 ? QStringLiteral("Plus")
                                                                     : QStringLiteral("Business");
    p.last4 = digits(rng, 4);

    // Customers ordered before they first wrote; their history continues up to now.
    c.createdAt = firstSeen.addSecs(-rng.between(2 * kDay, 3 * 365 * kDay));
    QDateTime orderDate = firstSeen.addSecs(-rng.between(3 * kDay, 25 * kDay));
    if (orderDate < c.createdAt)
        orderDate = c.createdAt;
    QJsonArray orders;
    qint64 lifetime = 0;
    const qint64 meanGap = p.plan == QLatin1String("Business") ? 20 : p.plan == QLatin1String("Plus") ? 45 : 110;
    const qint64 older = rng.below(4); // orders placed before the first conversation
    orderDate = orderDate.addSecs(-older * meanGap * kDay);
    if (orderDate < c.createdAt)
        orderDate = c.createdAt;
    while (orderDate < m_now && p.orders.size() < 40) {
        DemoOrder order;
        order.date = orderDate;
        const qint64 day = orderDate.toSecsSinceEpoch() / kDay;
        order.id = QStringLiteral("HP-") + QString::number(100000 + (day - 19000) * 53 + (index * 7 + p.orders.size()) % 53);
        const DemoProduct &product = rng.pick(lang.products);
        order.item = product.name;
        const int quantity = rng.chance(0.15) ? 2 : 1;
        order.total = qint64(product.price) * 100 * quantity - (rng.chance(0.3) ? product.price * 10 : 0);
        const qint64 age = orderDate.secsTo(m_now) / kDay;
        order.status = age < 2 ? QStringLiteral("processing")
            : age < 8          ? QStringLiteral("shipped")
            : rng.chance(0.06) ? QStringLiteral("returned")
            : rng.chance(0.04) ? QStringLiteral("refunded")
                               : QStringLiteral("delivered");
        lifetime += order.total;
        QJsonObject json;
        json.insert(QStringLiteral("id"), order.id);
        json.insert(QStringLiteral("item"), order.item);
        json.insert(QStringLiteral("status"), order.status);
        json.insert(QStringLiteral("date"), order.date.date().toString(Qt::ISODate));
        json.insert(QStringLiteral("total"), double(order.total) / 100.0);
        orders.append(json);
        p.orders.append(order);
        orderDate = orderDate.addSecs(rng.between(meanGap / 3 + 1, meanGap * 2) * kDay
                                      + rng.between(0, kDay));
    }
    p.vip = p.plan == QLatin1String("Business") || p.orders.size() >= 12;
    if (p.plan == QLatin1String("Business") && c.company.isEmpty())
        c.company = lang.companies.last();

    QJsonObject attributes;
    attributes.insert(QStringLiteral("plan"), p.plan);
    attributes.insert(QStringLiteral("lifetime_value"), double(lifetime) / 100.0);
    attributes.insert(QStringLiteral("currency"), lang.currencyCode);
    attributes.insert(QStringLiteral("customer_since"), c.createdAt.date().toString(Qt::ISODate));
    attributes.insert(QStringLiteral("orders"), orders);
    if (p.vip)
        attributes.insert(QStringLiteral("vip"), true);
    c.customAttributes = attributes;
    c.lastActivityAt = firstSeen;
    return p;
}

} // namespace Counterpart::Connectors::Demo
