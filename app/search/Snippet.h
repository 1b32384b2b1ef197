#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace Counterpart::Search {

/**
 * A short window of the ORIGINAL text around the first match of a search, with every match
 * wrapped in caller-chosen marks. Matching happens on a folded copy (accents dropped, case folded,
 * like SearchText::fold) that keeps a map back to the original, so "καλημερα" highlights
 * "Καλημέρα" with its accent intact.
 */
struct Snippet
{
    QString text;
    /** [start, length) of each highlighted stretch in `text`, not counting the marks. */
    QList<QPair<int, int>> highlights;

    struct Options
    {
        int windowChars = 90;
        QString openMark = QStringLiteral("[");
        QString closeMark = QStringLiteral("]");
        /** Escape &, <, > in the text (not in the marks), for rich-text rendering. */
        bool escapeHtml = false;
    };

    /**
     * `foldedTerms` come from SearchText::queryTerms(): Latin/Greek terms match as prefixes of
     * words (the whole word is highlighted; below SearchText::MinPrefixLength whole words only),
     * Han terms match anywhere. Whitespace runs become one
     * space; "…" marks each end that was cut. Without a match the text's beginning is returned.
     */
    static Snippet make(const QString &original, const QStringList &foldedTerms,
                        const Options &options);

    /** True when the folded `original` contains `foldedNeedle` verbatim (e.g. a Han phrase). */
    static bool containsFolded(const QString &original, const QString &foldedNeedle);
};

} // namespace Counterpart::Search
