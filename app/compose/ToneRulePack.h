#pragma once

#include "PhraseMatcher.h"

#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QString>

namespace Counterpart::Compose {

/** A phrase that triggers a rule, with the words offered instead (empty: no one-click fix). */
struct PhraseRule
{
    QString ruleId;
    QString phrase;
    QString suggestion;
};

/**
 * What the tone linter knows about one language. The tables live in C++ rather than JSON: they
 * are checked by the compiler, need no parsing at start-up, and a typo in a rule id fails the
 * corpus test instead of silently disabling a rule. Regular expressions run on FoldedText.
 */
struct ToneRulePack
{
    QString language;
    bool cjk = false;

    QList<PhraseRule> rules;       ///< checked in every inbox
    QList<PhraseRule> casualRules; ///< flagged only in a formal inbox (formality.casual)
    QList<PhraseRule> stiffRules;  ///< flagged only in a casual inbox (formality.stiff)
    QStringList exceptions;        ///< a hit inside one of these is not a finding ("if you need to")
    QStringList apologyCues;
    QStringList hedges;            ///< a date or time in a hedged sentence is an estimate
    QStringList responseVerbs;     ///< a duration is a response time only next to these
    QStringList commitments;       ///< "will": "immediately" is a promise only after one
    QHash<QString, double> numberWords;
    QRegularExpression datePromise;
    QRegularExpression responseTime; ///< named groups "n" and "unit"

    int longSentence = 40;   ///< words, or characters for CJK
    int longParagraph = 120;
    int noBreaksMinimum = 400; ///< characters of an email with no line break
    QString nameGreeting;      ///< "%1" is the customer's first name
    QString nextStepStub;

    PhraseMatcher ruleMatcher;
    PhraseMatcher casualMatcher;
    PhraseMatcher stiffMatcher;
    PhraseMatcher exceptionMatcher;
    PhraseMatcher apologyMatcher;
    PhraseMatcher hedgeMatcher;
    PhraseMatcher responseVerbMatcher;
    PhraseMatcher commitmentMatcher;

    /** The pack for a supported code (see ComposeLanguage::resolve); built once, immutable. */
    static const ToneRulePack &forLanguage(const QString &code);
};

} // namespace Counterpart::Compose
