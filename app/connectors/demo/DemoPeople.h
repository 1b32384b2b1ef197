#pragma once

#include "domain/Entities.h"

namespace Counterpart::Connectors::Demo {

struct DemoOrder
{
    QString id;     ///< "HP-104582"
    QString item;   ///< product name in the customer's language
    QString status; ///< processing, shipped, delivered, returned, refunded
    QDateTime date;
    qint64 total = 0; ///< minor units of the customer's currency
};

/** A customer and the facts their conversations talk about. */
struct DemoPerson
{
    Domain::Contact contact;
    int language = 0;  ///< index in DemoCorpus::languageKeys()
    QString givenName; ///< how agents address them (given name; Greek vocative; full Chinese name)
    QString plan;      ///< Free, Plus, Business
    QString last4;     ///< card digits used in identity checks
    bool vip = false;
    QList<DemoOrder> orders; ///< oldest first, all before the workspace's "now"

    /** The newest order placed at least a day before `time`, or the oldest one. */
    const DemoOrder &orderBefore(const QDateTime &time) const;
};

/**
 * Makes customers. A customer is a pure function of (seed, index, first contact time), so a
 * returning customer in a later page is rebuilt identically instead of being kept in memory.
 */
class DemoPeople
{
public:
    explicit DemoPeople(quint64 seed, const QDateTime &now);

    /** The language a customer speaks, without building the whole customer. */
    int languageOf(qint64 index) const;
    DemoPerson person(qint64 index, const QDateTime &firstSeen) const;

private:
    quint64 m_seed;
    QDateTime m_now;
};

} // namespace Counterpart::Connectors::Demo
