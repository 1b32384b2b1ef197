#pragma once

#include "DemoPeople.h"

#include <QList>

namespace Counterpart::Connectors::Demo {

/**
 * Contact notes the demo team keeps about some customers (every VIP and every sixth customer):
 * one or two short notes in the customer's language by an agent who serves it, written after the
 * customer was first seen. Deterministic: the same person and index give the same notes.
 */
class DemoNotes
{
public:
    /** Note remote ids are derived from `contactIndex`, so they never collide between customers. */
    static QList<Domain::ContactNote> forPerson(const DemoPerson &person, qint64 contactIndex,
                                                const QDateTime &firstSeen, const QDateTime &now);
};

} // namespace Counterpart::Connectors::Demo
