#pragma once

#include <QDateTime>
#include <QtGlobal>

namespace Counterpart::Connectors::Demo {

/** What to generate. Same options (including `now`) give byte-identical data. */
struct DemoOptions
{
    int conversations = 2000;
    quint64 seed = 42;
    /** Anchor of the timeline: every generated time is before it. Invalid: the current UTC time
     *  rounded down to the hour (so two runs within the same hour agree). */
    QDateTime now;
    /** Conversations per IngestBatch page (their contacts and messages come with them). */
    int batchConversations = 500;
};

} // namespace Counterpart::Connectors::Demo
