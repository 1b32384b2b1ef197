#pragma once

#include <QList>
#include <QString>

namespace Counterpart::Compose {

enum class Severity { Low, Medium, High };

/** How formal an inbox wants its replies; set per inbox in settings. */
enum class Formality { Formal, Neutral, Casual };

/** One thing the tone linter noticed in a draft. Offsets are UTF-16 units into the draft. */
struct ToneFinding
{
    QString ruleId; ///< stable across languages: "blame.demand", "promise.date", ...
    qsizetype start = 0;
    qsizetype end = 0;
    Severity severity = Severity::Low;
    QString message;    ///< one line for the agent, in the UI language
    /** Replacement for [start, end) that the agent can apply with one click; empty when the fix
     *  needs the agent's own words. start == end means "insert here". */
    QString suggestion;

    friend bool operator==(const ToneFinding &, const ToneFinding &) = default;
};

QString severityKey(Severity severity);
Severity severityFromKey(const QString &key);
QString formalityKey(Formality formality);
Formality formalityFromKey(const QString &key, bool *ok = nullptr);

} // namespace Counterpart::Compose
