#pragma once

#include "ReviewTypes.h"
#include "Rubric.h"

#include <QString>

#include <optional>

namespace Counterpart::Storage {
class CacheStore;
class ReviewStore;
}

namespace Counterpart::Review {

/**
 * A conversation as a self-contained HTML document (inline styles, no remote resources), with the
 * lead's annotations under the messages they belong to and the scorecard at the end when asked.
 * The same HTML is printed to PDF by Print::PdfExport, so both exports read the same.
 */
class TranscriptDocument
{
public:
    struct Options
    {
        bool annotations = true;
        bool scorecard = true;
    };

    TranscriptDocument(const Storage::CacheStore *cache, const Storage::ReviewStore *reviews);

    /** Empty, with *error set, when the conversation is not in the cache. */
    QString html(qint64 conversationId, const Rubric &rubric, Options options, QString *error = nullptr) const;
    /** A file-name friendly title: "conversation-1042-maria-lopez". */
    QString suggestedFileName(qint64 conversationId) const;

private:
    const Storage::CacheStore *m_cache;
    const Storage::ReviewStore *m_reviews;
};

} // namespace Counterpart::Review
