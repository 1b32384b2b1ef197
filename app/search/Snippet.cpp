#include "Snippet.h"

#include "SearchText.h"

#include <QHash>

#include <algorithm>

namespace Counterpart::Search {

namespace {

// Long e-mails are cut here: a match further in still finds the message, the snippet then shows
// the beginning without a highlight. Keeps a page of 50 hits far below the search budget.
constexpr qsizetype kMaxScannedChars = 50000;
// How far a cut may move to land on a space instead of inside a word.
constexpr int kMaxSnap = 15;

/** The folded text and, for each of its UTF-16 units, the original range it came from. */
struct FoldedText
{
    QString folded;
    QList<int> originStart;
    QList<int> originEnd;
};

bool isUrohHan(char16_t u) { return (u >= 0x4E00 && u <= 0x9FFF) || (u >= 0x3400 && u <= 0x4DBF); }

// Folding one character through normalisation costs allocations; the alphabet of a mailbox is
// small, so remember each character's fold.
const QString &foldedChar(const QString &character)
{
    thread_local QHash<QString, QString> memo;
    auto found = memo.constFind(character);
    if (found == memo.constEnd()) {
        if (memo.size() > 20000)
            memo.clear();
        found = memo.insert(character, SearchText::fold(character));
    }
    return found.value();
}

FoldedText foldWithMap(const QString &original)
{
    FoldedText result;
    const qsizetype size = std::min(original.size(), kMaxScannedChars);
    result.folded.reserve(size);
    result.originStart.reserve(size);
    result.originEnd.reserve(size);
    for (qsizetype i = 0; i < size;) {
        const char16_t u = original.at(i).unicode();
        const qsizetype length = (QChar::isHighSurrogate(u) && i + 1 < original.size()
                                  && original.at(i + 1).isLowSurrogate())
            ? 2
            : 1;
        auto append = [&](QChar c) {
            result.folded.append(c);
            result.originStart.append(int(i));
            result.originEnd.append(int(i + length));
        };
        if (u < 0x80) {
            append(QChar(u >= 'A' && u <= 'Z' ? char16_t(u + 32) : u));
        } else if (isUrohHan(u)) {
            append(QChar(u));
        } else {
            for (const QChar c : foldedChar(original.mid(i, length)))
                append(c);
        }
        i += length;
    }
    return result;
}

bool isHanAt(const QString &text, qsizetype i)
{
    const QChar c = text.at(i);
    if (c.isHighSurrogate() && i + 1 < text.size())
        return SearchText::isHan(c) || QChar::surrogateToUcs4(c, text.at(i + 1)) >= 0x20000;
    return SearchText::isHan(c);
}

// Word characters as FTS5's unicode61 sees them; surrogates are treated as letters.
bool isWordChar(QChar c) { return c.isLetterOrNumber() || c.isSurrogate(); }

bool startsHan(const QString &term)
{
    const auto ucs4 = term.toUcs4();
    if (ucs4.isEmpty())
        return false;
    const char32_t c = ucs4.first();
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF)
        || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FA1F);
}

using Range = QPair<int, int>; // [first, second) in the original

QList<Range> findMatches(const QString &original, const FoldedText &text, const QStringList &terms)
{
    QList<Range> ranges;
    const QString &folded = text.folded;
    for (const QString &term : terms) {
        if (term.isEmpty())
            continue;
        const bool han = startsHan(term);
        for (qsizetype at = folded.indexOf(term); at >= 0;
             at = folded.indexOf(term, at + 1)) {
            qsizetype end = at + term.size();
            if (!han) {
                // The index splits words at punctuation and between Han and other scripts, so a
                // prefix match must start a word there too.
                if (at > 0 && isWordChar(folded.at(at - 1)) && !isHanAt(folded, at - 1))
                    continue;
                while (end < folded.size() && isWordChar(folded.at(end)) && !isHanAt(folded, end))
                    ++end;
                if (term.size() < SearchText::MinPrefixLength && end != at + term.size())
                    continue; // short words are searched as whole words
            }
            int originalEnd = text.originEnd.at(end - 1);
            // Combining marks of the original fold to nothing; keep them with their letter.
            while (originalEnd < original.size()
                   && original.at(originalEnd).category() == QChar::Mark_NonSpacing)
                ++originalEnd;
            ranges.append({text.originStart.at(at), originalEnd});
        }
    }
    std::sort(ranges.begin(), ranges.end());
    QList<Range> merged;
    for (const Range &range : std::as_const(ranges)) {
        if (!merged.isEmpty() && range.first <= merged.last().second)
            merged.last().second = std::max(merged.last().second, range.second);
        else
            merged.append(range);
    }
    return merged;
}

bool isCutUnsafe(const QString &text, qsizetype at)
{
    // Never split a surrogate pair or a letter from its combining mark.
    return at > 0 && at < text.size()
        && (text.at(at).isLowSurrogate() || text.at(at).category() == QChar::Mark_NonSpacing);
}

void appendEscaped(QString &out, QChar c, bool escapeHtml)
{
    if (escapeHtml && c == QLatin1Char('&'))
        out += QStringLiteral("&amp;");
    else if (escapeHtml && c == QLatin1Char('<'))
        out += QStringLiteral("&lt;");
    else if (escapeHtml && c == QLatin1Char('>'))
        out += QStringLiteral("&gt;");
    else
        out += c;
}

} // namespace

bool Snippet::containsFolded(const QString &original, const QString &foldedNeedle)
{
    return foldWithMap(original).folded.contains(foldedNeedle);
}

Snippet Snippet::make(const QString &original, const QStringList &foldedTerms,
                      const Options &options)
{
    const int length = int(original.size());
    const int window = std::max(options.windowChars, 10);
    const QList<Range> matches = findMatches(original, foldWithMap(original), foldedTerms);

    int start = 0;
    int end = length;
    if (length > window) {
        if (matches.isEmpty()) {
            end = window;
        } else {
            const Range first = matches.first();
            const int matchLength = first.second - first.first;
            // A third of the spare room before the match reads naturally: some context, and the
            // match stays near the left where the eye starts.
            start = std::max(0, first.first - std::max(0, window - matchLength) / 3);
            end = std::min(length, start + window);
            start = std::max(0, std::min(start, end - window));
            end = std::max(end, first.second);
        }
        if (start > 0 && !original.at(start - 1).isSpace()) {
            const int limit = matches.isEmpty() ? start + kMaxSnap
                                                : std::min(start + kMaxSnap, matches.first().first);
            for (int i = start; i < limit; ++i) {
                if (original.at(i).isSpace()) {
                    start = i + 1;
                    break;
                }
            }
        }
        if (end < length && !original.at(end).isSpace()) {
            const int floor = matches.isEmpty() ? end - kMaxSnap
                                                : std::max(end - kMaxSnap, matches.first().second);
            for (int i = end; i > floor && i > start; --i) {
                if (original.at(i - 1).isSpace()) {
                    end = i - 1;
                    break;
                }
            }
        }
        // A highlight is never cut in half.
        for (const Range &range : matches) {
            if (range.first < end && range.second > end)
                end = range.second;
        }
        while (isCutUnsafe(original, start))
            --start;
        while (isCutUnsafe(original, end))
            ++end;
    }
    while (start < end && original.at(start).isSpace())
        ++start;
    while (end > start && original.at(end - 1).isSpace())
        --end;

    Snippet snippet;
    QString &out = snippet.text;
    out.reserve(end - start + 16);
    if (start > 0)
        out += QChar(0x2026);
    qsizetype next = 0; // the next match to open
    int highlightStart = -1;
    int highlightEnd = -1;
    bool lastWasSpace = false;
    for (int i = start; i < end; ++i) {
        while (next < matches.size() && matches.at(next).second <= i)
            ++next;
        if (highlightStart < 0 && next < matches.size() && matches.at(next).first <= i) {
            out += options.openMark;
            highlightStart = int(out.size());
            highlightEnd = matches.at(next).second;
        }
        const QChar c = original.at(i);
        if (c.isSpace()) {
            if (!lastWasSpace)
                out += QLatin1Char(' ');
            lastWasSpace = true;
        } else {
            appendEscaped(out, c, options.escapeHtml);
            lastWasSpace = false;
        }
        if (highlightStart >= 0 && i + 1 >= highlightEnd) {
            snippet.highlights.append({highlightStart, int(out.size()) - highlightStart});
            out += options.closeMark;
            highlightStart = -1;
            ++next;
        }
    }
    if (highlightStart >= 0) {
        snippet.highlights.append({highlightStart, int(out.size()) - highlightStart});
        out += options.closeMark;
    }
    if (end < length)
        out += QChar(0x2026);
    return snippet;
}

} // namespace Counterpart::Search
