#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Counterpart::Compose {

struct PhraseHit
{
    qsizetype start = 0;
    qsizetype end = 0;
    int index = 0; ///< which phrase matched, in construction order
};

/**
 * Finds fixed phrases in FoldedText output. Latin and Greek phrases match whole words only, so
 * "can't" never fires inside "cant", while Han phrases match anywhere (Chinese has no spaces).
 * A phrase ending in "*" matches as a word prefix ("guarantee*" also finds "guaranteed"); one
 * starting with "*" may end a longer word ("*εστειλα" also finds "ξαναέστειλα").
 */
class PhraseMatcher
{
public:
    PhraseMatcher() = default;
    /** Phrases are folded here, so tables may be written with accents and capitals. */
    explicit PhraseMatcher(const QStringList &phrases);

    QList<PhraseHit> findAll(const QString &folded) const;
    /** The earliest hit at or after \a from, or a hit with index -1. */
    PhraseHit findFirst(const QString &folded, qsizetype from = 0) const;
    bool isEmpty() const { return m_phrases.isEmpty(); }

    static bool isWordChar(QChar c);

private:
    struct Entry
    {
        QString text;
        bool needStartBoundary = true;
        bool needEndBoundary = true;
        bool extendToWordEnd = false; ///< "thank*" reports the whole word "thanks"
    };
    qsizetype hitEnd(const QString &folded, const Entry &entry, qsizetype at) const;
    bool accept(const QString &folded, const Entry &entry, qsizetype at) const;

    QList<Entry> m_phrases;
};

} // namespace Counterpart::Compose
