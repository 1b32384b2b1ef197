#include "SearchText.h"

#include <QVarLengthArray>

#include <vector>

namespace Counterpart::Search {

namespace {

bool isHanCodepoint(char32_t c)
{
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF)
        || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FA1F);
}

} // namespace

bool SearchText::isHan(QChar c) { return isHanCodepoint(c.unicode()); }

namespace {

// Appends the canonical decomposition of one code point without its combining marks, case
// folded: the per-character equivalent of NFD + drop marks + toCaseFolded().
void appendFolded(char32_t c, QString &out)
{
    if (QChar::decompositionTag(c) == QChar::Canonical) {
        const QString parts = QChar::decomposition(c);
        const auto codePoints = parts.toUcs4();
        for (const char32_t part : codePoints)
            appendFolded(part, out); // decompositions can nest (ΐ -> ϊ + ´ -> ι + ¨ + ´)
        return;
    }
    if (QChar::category(c) == QChar::Mark_NonSpacing)
        return;
    const char32_t folded = QChar::toCaseFolded(c);
    if (QChar::requiresSurrogates(folded)) {
        out += QChar(QChar::highSurrogate(folded));
        out += QChar(QChar::lowSurrogate(folded));
    } else {
        out += QChar(char16_t(folded));
    }
}

} // namespace

namespace {

// Folding a BMP character always gives the same few units: compute each once per thread. Ingest
// folds every message, and Greek or accented Latin text would otherwise allocate a decomposition
// string per character.
const QString &foldedBmp(char16_t unit)
{
    thread_local std::vector<QString> cache(0x10000);
    thread_local std::vector<bool> known(0x10000, false);
    if (!known[unit]) {
        QString folded;
        appendFolded(unit, folded);
        cache[unit] = folded;
        known[unit] = true;
    }
    return cache[unit];
}

} // namespace

QString SearchText::fold(const QString &text)
{
    // Every message passes through here on ingest, so ASCII (most of it) and Han (no marks, no
    // case) skip the Unicode tables; only the rest is decomposed, one character at a time.
    QString out;
    out.reserve(text.size());
    const qsizetype size = text.size();
    const QChar *data = text.constData();
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t unit = data[i].unicode();
        if (unit < 0x80) {
            out += QChar(unit >= u'A' && unit <= u'Z' ? char16_t(unit + 32) : unit);
            continue;
        }
        if (unit >= 0x4E00 && unit <= 0x9FFF) {
            out += data[i];
            continue;
        }
        if (QChar::isHighSurrogate(unit) && i + 1 < size && data[i + 1].isLowSurrogate()) {
            appendFolded(QChar::surrogateToUcs4(unit, data[i + 1].unicode()), out);
            ++i;
            continue;
        }
        out += foldedBmp(unit);
    }
    return out;
}

QString SearchText::forIndex(const QString &text)
{
    const QString folded = fold(text);
    // Fast path: most English and Greek text has no Han characters at all.
    bool hasHan = false;
    for (const QChar c : folded) {
        if (c.unicode() >= 0x3400 && (isHanCodepoint(c.unicode()) || c.isSurrogate())) {
            hasHan = true;
            break;
        }
    }
    if (!hasHan)
        return folded;

    // Work on UTF-16 directly: a run is a list of character spans (one unit, or two for a
    // surrogate pair), and words are appended as views of the folded text.
    const QStringView view(folded);
    QString out;
    out.reserve(folded.size() * 4);
    QVarLengthArray<std::pair<qsizetype, qsizetype>, 64> run; // (start, length) per character
    auto flushRun = [&] {
        for (qsizetype i = 0; i < run.size(); ++i) {
            out += QLatin1Char(' ');
            out += view.mid(run[i].first, run[i].second);
            if (i + 1 < run.size()) {
                out += QLatin1Char(' ');
                out += view.mid(run[i].first, run[i].second + run[i + 1].second);
            }
        }
        out += QLatin1Char(' ');
        run.clear();
    };
    const qsizetype size = view.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t unit = view[i].unicode();
        qsizetype length = 1;
        char32_t codePoint = unit;
        if (QChar::isHighSurrogate(unit) && i + 1 < size && view[i + 1].isLowSurrogate()) {
            codePoint = QChar::surrogateToUcs4(unit, view[i + 1].unicode());
            length = 2;
        }
        if (isHanCodepoint(codePoint)) {
            run.append({i, length});
        } else {
            if (!run.isEmpty())
                flushRun();
            out += view.mid(i, length);
        }
        i += length - 1;
    }
    if (!run.isEmpty())
        flushRun();
    return out;
}

QStringList SearchText::queryTerms(const QString &query)
{
    QStringList terms;
    const auto ucs4 = fold(query).toUcs4();
    QString word;
    QList<char32_t> run;
    auto flushWord = [&] {
        if (!word.isEmpty())
            terms.append(word);
        word.clear();
    };
    auto flushRun = [&] {
        if (run.size() <= 2) {
            if (!run.isEmpty())
                terms.append(QString::fromUcs4(run.constData(), run.size()));
        } else {
            for (qsizetype i = 0; i + 1 < run.size(); ++i)
                terms.append(QString::fromUcs4(&run[i], 2));
        }
        run.clear();
    };
    for (const char32_t c : ucs4) {
        if (isHanCodepoint(c)) {
            flushWord();
            run.append(c);
            continue;
        }
        flushRun();
        const QString ch = QString::fromUcs4(&c, 1);
        // Same idea of a word character as unicode61: letters, digits and marks.
        if (ch.at(0).isLetterOrNumber() || (ch.size() == 2 && QChar::isLetterOrNumber(c)))
            word += ch;
        else
            flushWord();
    }
    flushWord();
    flushRun();
    terms.removeDuplicates();
    return terms;
}

QString SearchText::matchExpression(const QString &query)
{
    QStringList parts;
    for (const auto &term : queryTerms(query)) {
        const bool han = isHanCodepoint(term.toUcs4().value(0));
        QString quoted = QLatin1Char('"') + term + QLatin1Char('"');
        // A prefix query merges the postings of every word it expands to before the first row
        // comes back: "r"* or "th"* over a million messages takes seconds, while an exact word
        // streams newest-first in well under a millisecond. One- and two-letter words are exact.
        if (!han && term.size() >= MinPrefixLength)
            quoted += QLatin1Char('*');
        parts.append(quoted);
    }
    return parts.join(QStringLiteral(" AND "));
}

} // namespace Counterpart::Search
