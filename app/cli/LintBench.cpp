#include "LintBench.h"

#include "BenchStats.h"
#include "compose/LatteChecker.h"
#include "compose/ToneLinter.h"
#include "compose/ToneRulePack.h"

#include <QElapsedTimer>
#include <QJsonArray>

namespace Counterpart::Cli {

namespace {

// Paragraphs in the voice of a real reply, repeated up to the target length, so every cue
// family (apology, action, explanation, hedged dates, a few flagged phrases) is exercised.
QString draftFor(const QString &language, int length)
{
    QString paragraph;
    if (language == QLatin1String("zh-Hans")) {
        paragraph = QStringLiteral(
            "王女士您好，感谢您提供订单号 20231588。物流从上周三起就没有更新，礼物迟迟不到，换作是我也会着急，"
            "非常抱歉。我已经向快递公司提交了查件申请，并要求他们优先处理。预计 2 个工作日内会有结果，"
            "我会再给您发消息。很遗憾，包裹在中转站无法改址，但我会为您安排补发。\n\n");
    } else if (language == QLatin1String("el")) {
        paragraph = QStringLiteral(
            "Καλησπέρα Μαρία, σας ευχαριστώ για τον αριθμό 40912. Έχετε δίκιο: το δέμα έχει κολλήσει "
            "από την Τρίτη και λυπάμαι πραγματικά. Άνοιξα αίτημα αναζήτησης στην courier και θα σας "
            "ενημερώσω την Πέμπτη. Δυστυχώς δεν μπορούμε να αλλάξουμε τη διεύθυνση, αλλά θα σας "
            "στείλω αντικατάσταση αν χρειαστεί.\n\n");
    } else {
        paragraph = QStringLiteral(
            "Hi Priya, thank you for sending order #48213. You're right: the parcel has been at the "
            "carrier's depot since Tuesday, which is stressful with a birthday coming up. I've "
            "opened a trace and asked them to prioritise it. Unfortunately we can't change the "
            "address now, but you'll get an update from me within 2 business days. It should "
            "reach you by Friday.\n\n");
    }
    QString draft;
    while (draft.size() < length)
        draft += paragraph;
    draft.truncate(length);
    return draft;
}

QStringList packPhrases(const Compose::ToneRulePack &pack)
{
    QStringList phrases;
    for (const auto *rules : {&pack.rules, &pack.casualRules, &pack.stiffRules}) {
        for (const Compose::PhraseRule &rule : *rules)
            phrases.append(rule.phrase);
    }
    return phrases;
}

} // namespace

QJsonObject benchLint()
{
    using namespace Compose;
    const int length = 2000;
    const int rounds = 300;
    QJsonArray languages;
    for (const QString &language :
         {QStringLiteral("en"), QStringLiteral("zh-Hans"), QStringLiteral("el")}) {
        const QString draft = draftFor(language, length);
        ToneOptions options;
        options.language = language;
        options.formality = Formality::Formal;
        options.customerName = QStringLiteral("Priya Shah");
        options.responseTargetMinutes = 240;
        const ToneLinter linter(options);
        const LatteChecker checker(language);
        const QString customer = draft.left(200);

        int findings = 0;
        QList<double> lintMs;
        QElapsedTimer timer;
        for (int i = 0; i < rounds; ++i) {
            // Change one character per round, as a keystroke would, so no result can be reused.
            QString typed = draft;
            typed[i % typed.size()] = QLatin1Char('x');
            timer.start();
            const LatteResult latte = checker.check(typed, customer);
            findings = int(linter.lint(typed, latte).size());
            lintMs.append(timer.nsecsElapsed() / 1e6);
        }

        const QStringList phrases = packPhrases(ToneRulePack::forLanguage(language));
        QList<double> scanMs;
        qsizetype hits = 0;
        for (int i = 0; i < rounds; ++i) {
            timer.start();
            for (const QString &phrase : phrases)
                hits += draft.indexOf(phrase, 0, Qt::CaseInsensitive) >= 0 ? 1 : 0;
            scanMs.append(timer.nsecsElapsed() / 1e6);
        }

        languages.append(QJsonObject{
            {QStringLiteral("language"), language},
            {QStringLiteral("draft_chars"), int(draft.size())},
            {QStringLiteral("rounds"), rounds},
            {QStringLiteral("findings"), findings},
            {QStringLiteral("lint_p50_ms"), BenchStats::percentile(lintMs, 0.5)},
            {QStringLiteral("lint_p95_ms"), BenchStats::percentile(lintMs, 0.95)},
            {QStringLiteral("reference_indexof_phrases"), int(phrases.size())},
            {QStringLiteral("reference_indexof_p50_ms"), BenchStats::percentile(scanMs, 0.5)},
            {QStringLiteral("reference_indexof_p95_ms"), BenchStats::percentile(scanMs, 0.95)},
            {QStringLiteral("reference_hits"), int(hits / rounds)},
        });
    }
    return QJsonObject{{QStringLiteral("benchmark"), QStringLiteral("lint")},
                       {QStringLiteral("budget_ms_per_keystroke"), 5},
                       {QStringLiteral("languages"), languages}};
}

} // namespace Counterpart::Cli
