#pragma once

#include "LatteResult.h"
#include "ToneFinding.h"
#include "domain/Channel.h"

#include <QList>
#include <QString>

namespace Counterpart::Compose {

struct ToneRulePack;

/** The situation a draft is written in. */
struct ToneOptions
{
    QString language = QStringLiteral("en"); ///< any tag; resolved with ComposeLanguage
    Formality formality = Formality::Neutral; ///< the inbox's configured voice
    Domain::ChannelKind channel = Domain::ChannelKind::Email;
    QString customerName;          ///< empty: the "name never used" rule is off
    int responseTargetMinutes = 0; ///< the inbox's reply target; 0: not configured, rule off
};

/**
 * Finds tone problems in a draft with the rule pack of its language: blaming or negative
 * phrasing, promises the team may not keep, an apology with no next step, walls of text, a voice
 * that does not fit the inbox, the customer's name never used. Each finding carries a span, a
 * severity, a one-line message and, where one exists, a rewrite to apply with one click.
 * Stateless after construction and cheap enough to run on every keystroke.
 */
class ToneLinter
{
public:
    explicit ToneLinter(ToneOptions options);

    /** Runs LatteChecker itself to know whether an apology is followed by a next step. */
    QList<ToneFinding> lint(const QString &draft) const;
    /** The same, reusing the LATTE result the composer already has for this draft. */
    QList<ToneFinding> lint(const QString &draft, const LatteResult &latte) const;

    const ToneOptions &options() const { return m_options; }

    /** The draft with the finding's suggestion applied (capitalised like the text it replaces). */
    static QString apply(const QString &draft, const ToneFinding &finding);

    static QStringList ruleIds();
    static Severity ruleSeverity(const QString &ruleId);
    static QString ruleMessage(const QString &ruleId);

private:
    ToneOptions m_options;
    const ToneRulePack *m_pack = nullptr;
};

} // namespace Counterpart::Compose
