#pragma once

#include <QString>
#include <QStringList>

namespace Counterpart::Search {

/**
 * The text transformations that make FTS5's unicode61 tokenizer language-aware:
 *  - accents and tonos are removed and case is folded ("Καλημέρα" -> "καλημερα"), which
 *    unicode61 alone does not do for Greek;
 *  - runs of Han characters become one-character and two-character words ("我想申请退款" ->
 *    "我 我想 想 想申 ..."), because unicode61 would keep the whole run as one token and most
 *    Chinese words are two characters long.
 */
class SearchText
{
public:
    /** Shorter Latin/Greek query words match whole words only; see matchExpression(). */
    static constexpr qsizetype MinPrefixLength = 3;

    /** Text to store in an FTS5 column. */
    static QString forIndex(const QString &text);

    /** Folds one character sequence the same way the index does, keeping Han characters as is. */
    static QString fold(const QString &text);

    /**
     * Splits what a user typed into FTS5 query terms (each already folded). A Han run of three or
     * more characters becomes its overlapping two-character words, all required.
     */
    static QStringList queryTerms(const QString &query);

    /**
     * An FTS5 MATCH expression requiring every term; Latin/Greek terms of three or more letters
     * match as prefixes, shorter ones as whole words (a short prefix is far too slow).
     */
    static QString matchExpression(const QString &query);

    static bool isHan(QChar c);
};

} // namespace Counterpart::Search
