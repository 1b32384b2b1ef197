#pragma once

#include "LatteResult.h"

#include <QString>

namespace Counterpart::Compose {

struct LatteCues;

/**
 * Detects the five LATTE steps in a reply with per-language cues (phrases and a few patterns on
 * FoldedText), and Listen by overlap with the customer's last message: an order number or other
 * identifier, or at least two specific words (word stems for alphabetic scripts, Han bigrams for
 * Chinese). Pure and cheap: safe to run on every keystroke.
 */
class LatteChecker
{
public:
    explicit LatteChecker(const QString &language);

    LatteResult check(const QString &reply, const QString &customerMessage = QString()) const;

    QString language() const { return m_language; }

private:
    QString m_language;
    const LatteCues *m_cues = nullptr;
};

} // namespace Counterpart::Compose
