#include "PhraseMatcher.h"

#include "FoldedText.h"
#include "search/SearchText.h"

#include <algorithm>

namespace Counterpart::Compose {

PhraseMatcher::PhraseMatcher(const QStringList &phrases)
{
    m_phrases.reserve(phrases.size());
    for (const QString &phrase : phrases) {
        Entry entry;
        QString text = phrase;
        if (text.startsWith(QLatin1Char('*')) && text.size() > 1) {
            entry.needStartBoundary = false;
            text.remove(0, 1);
        }
        if (text.endsWith(QLatin1Char('*')) && text.size() > 1) {
            entry.needEndBoundary = false;
            entry.extendToWordEnd = true;
            text.chop(1);
        }
        entry.text = FoldedText::fold(text);
        // Boundaries only make sense next to letters of alphabetic scripts.
        if (!isWordChar(entry.text.front()) || Search::SearchText::isHan(entry.text.front()))
            entry.needStartBoundary = false;
        if (!isWordChar(entry.text.back()) || Search::SearchText::isHan(entry.text.back()))
            entry.needEndBoundary = false;
        m_phrases.append(entry);
    }
}

bool PhraseMatcher::isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('\'');
}

bool PhraseMatcher::accept(const QString &folded, const Entry &entry, qsizetype at) const
{
    if (entry.needStartBoundary && at > 0) {
        const QChar before = folded.at(at - 1);
        if (isWordChar(before) && !Search::SearchText::isHan(before))
            return false;
    }
    const qsizetype end = at + entry.text.size();
    if (entry.needEndBoundary && end < folded.size()) {
        const QChar after = folded.at(end);
        if (isWordChar(after) && !Search::SearchText::isHan(after))
            return false;
    }
    return true;
}

qsizetype PhraseMatcher::hitEnd(const QString &folded, const Entry &entry, qsizetype at) const
{
    qsizetype end = at + entry.text.size();
    if (entry.extendToWordEnd) {
        while (end < folded.size() && folded.at(end).isLetter()
               && !Search::SearchText::isHan(folded.at(end)))
            ++end;
    }
    return end;
}

QList<PhraseHit> PhraseMatcher::findAll(const QString &folded) const
{
    QList<PhraseHit> hits;
    for (int i = 0; i < m_phrases.size(); ++i) {
        const Entry &entry = m_phrases.at(i);
        qsizetype at = folded.indexOf(entry.text);
        while (at >= 0) {
            if (accept(folded, entry, at))
                hits.append({at, hitEnd(folded, entry, at), i});
            at = folded.indexOf(entry.text, at + 1);
        }
    }
    std::sort(hits.begin(), hits.end(), [](const PhraseHit &a, const PhraseHit &b) {
        return a.start != b.start ? a.start < b.start : a.end > b.end;
    });
    return hits;
}

PhraseHit PhraseMatcher::findFirst(const QString &folded, qsizetype from) const
{
    PhraseHit best{-1, -1, -1};
    for (int i = 0; i < m_phrases.size(); ++i) {
        const Entry &entry = m_phrases.at(i);
        qsizetype at = folded.indexOf(entry.text, from);
        while (at >= 0 && (best.index < 0 || at < best.start)) {
            if (accept(folded, entry, at)) {
                best = {at, hitEnd(folded, entry, at), i};
                break;
            }
            at = folded.indexOf(entry.text, at + 1);
        }
    }
    return best;
}

} // namespace Counterpart::Compose
