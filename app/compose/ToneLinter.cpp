#include "ToneLinter.h"

#include "ComposeLanguage.h"
#include "FoldedText.h"
#include "LatteChecker.h"
#include "TemplateContext.h"
#include "ToneRulePack.h"
#include "search/SearchText.h"

#include <QCoreApplication>

#include <algorithm>

namespace Counterpart::Compose {

namespace {

struct Span
{
    qsizetype start;
    qsizetype end;
};

bool isSentenceEnd(const QString &text, qsizetype i)
{
    const QChar c = text.at(i);
    switch (c.unicode()) {
    case u'!':
    case u'?':
    case u';':
    case u'\n':
    case u'。':
    case u'！':
    case u'？':
    case u'；':
        return true;
    case u'.':
        // "89.99", "j.morgan@fastmail.com" and "e.g." do not end a sentence.
        return i + 1 >= text.size() || text.at(i + 1).isSpace();
    default:
        return false;
    }
}

QList<Span> splitSpans(const QString &text, bool clauses)
{
    QList<Span> spans;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        const bool end = i == text.size() || isSentenceEnd(text, i)
            || (clauses
                && (text.at(i) == u'，' || text.at(i) == QLatin1Char(',') || text.at(i) == u'、'));
        if (!end)
            continue;
        qsizetype s = start;
        while (s < i && text.at(s).isSpace())
            ++s;
        const qsizetype e = qMin(i + 1, text.size());
        if (s < i)
            spans.append({s, e});
        start = i + 1;
    }
    return spans;
}

QList<Span> paragraphs(const QString &text, bool blankLineOnly)
{
    QList<Span> spans;
    qsizetype start = 0;
    qsizetype i = 0;
    while (i <= text.size()) {
        bool boundary = i == text.size();
        qsizetype next = i + 1;
        if (!boundary && text.at(i) == QLatin1Char('\n')) {
            if (!blankLineOnly) {
                boundary = true;
            } else {
                qsizetype j = i + 1;
                while (j < text.size() && text.at(j) != QLatin1Char('\n') && text.at(j).isSpace())
                    ++j;
                if (j < text.size() && text.at(j) == QLatin1Char('\n')) {
                    boundary = true;
                    next = j + 1;
                }
            }
        }
        if (boundary) {
            qsizetype s = start;
            qsizetype e = i;
            while (s < e && text.at(s).isSpace())
                ++s;
            while (e > s && text.at(e - 1).isSpace())
                --e;
            if (s < e)
                spans.append({s, e});
            start = next;
            i = next;
            continue;
        }
        ++i;
    }
    return spans;
}

const Span *containing(const QList<Span> &spans, qsizetype at)
{
    for (const Span &s : spans) {
        if (s.start <= at && at < s.end)
            return &s;
    }
    return nullptr;
}

int lengthUnits(QStringView text, bool cjk)
{
    if (cjk) {
        int n = 0;
        for (const QChar c : text)
            n += c.isSpace() ? 0 : 1;
        return n;
    }
    int words = 0;
    bool inWord = false;
    for (const QChar c : text) {
        const bool wordChar = !c.isSpace();
        if (wordChar && !inWord)
            ++words;
        inWord = wordChar;
    }
    return words;
}

bool anyHitIn(const PhraseMatcher &matcher, const QString &folded, qsizetype start, qsizetype end)
{
    if (matcher.isEmpty())
        return false;
    const PhraseHit hit = matcher.findFirst(folded, start);
    return hit.index >= 0 && hit.end <= end;
}

bool inside(const QList<PhraseHit> &spans, qsizetype start, qsizetype end)
{
    for (const PhraseHit &s : spans) {
        if (s.start <= start && end <= s.end)
            return true;
    }
    return false;
}

bool isEmoji(char32_t c)
{
    return (c >= 0x1F300 && c <= 0x1FAFF) || (c >= 0x1F000 && c <= 0x1F2FF)
        || (c >= 0x2600 && c <= 0x27BF);
}

double parseChineseNumber(const QString &text)
{
    static const QString digits = QStringLiteral("零一二三四五六七八九");
    if (text == QLatin1String("半"))
        return 0.5;
    const qsizetype ten = text.indexOf(u'十');
    auto digit = [](QChar c) -> int {
        if (c == u'两' || c == u'兩')
            return 2;
        return int(digits.indexOf(c));
    };
    if (ten < 0)
        return text.size() == 1 ? qMax(0, digit(text.at(0))) : 0;
    const int tens = ten == 0 ? 1 : qMax(0, digit(text.at(0)));
    const int units = ten + 1 < text.size() ? qMax(0, digit(text.at(ten + 1))) : 0;
    return tens * 10 + units;
}

int unitMinutes(const QString &unit)
{
    if (unit.startsWith(QLatin1String("min")) || unit.startsWith(QStringLiteral("λεπτ"))
        || unit.contains(u'分'))
        return 1;
    if (unit.startsWith(QLatin1String("h")) || unit.startsWith(QStringLiteral("ωρ"))
        || unit.contains(u'时') || unit.contains(u'時') || unit.contains(u'钟')
        || unit.contains(u'鐘'))
        return 60;
    return 24 * 60;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("Counterpart::Compose::ToneLinter", text);
}

struct RuleInfo
{
    const char *id;
    Severity severity;
    const char *message;
};

const RuleInfo ruleTable[] = {
    {"blame.demand", Severity::Medium,
     QT_TRANSLATE_NOOP("Counterpart::Compose::ToneLinter",
                       "Reads like an order to the customer: ask, and say why it helps.")},
    {"blame.fault", Severity::High,
     QT_TRANSLATE_NOOP("Counterpart::Compose::ToneLinter",
                       "Puts the blame on the customer: say what happened and what you'll do.")},
    {"negative.unfortunately", Severity::Low,
     QT_TRANSLATE_NOOP("Counterpart::Compose::ToneLinter",
                       "Opens bad news with a sigh: lead with what you can do.")},
    {"negative.policy", Severity::Medium,
     QT_TRANSLATE_NOOP("Counterpart::Compose::ToneLinter",
                       "Hides behind policy: give the reason and offer what is possible.")},
    {"negative.cant", Severity::Low,
     QT_TRANSLATE_NOOP("Counterpart::Compose::ToneLinter",
                       "Says what you can't do: say what you can do instead.")},
    {"promise.guarantee", Severity::High,
     QT_TRANSLATE_NOOP("Counterpart::Compose::ToneLinter",
                       "A guarantee the team may not be able to keep.")},
    {"promise.immediately", Severity::Medium,
     QT_TRANSLATE_NOOP("Counterpart::Compose::ToneLinter",
                       "Promises instant action: say when it will really happen.")},
    {"promise.date", Severity::Medium,
     QT_TRANSLATE_NOOP("Counterpart::Compose::ToneLinter",
                       "Promises a delivery date the carrier controls: give it as an estimate.")},
    {"promise.response_time", Severity::High,
     QT_TRANSLATE_NOOP("Counterpart::Compose::ToneLinter",
                       "Promises a reply sooner than this inbox's target of %1 minutes.")},
    {"apology.no_next_step", Severity::Medium,
     QT_TRANSLATE_NOOP("Counterpart::Compose::ToneLinter",
                       "An apology with no next step: say what you are doing about it.")},
    {"length.paragraph", Severity::Low,
     QT_TRANSLATE_NOOP("Counterpart::Compose::ToneLinter",
                       "Long paragraph: break it up so it can be scanned.")},
    {"length.sentence", Severity::Low,
     QT_TRANSLATE_NOOP("Counterpart::Compose::ToneLinter", "Very long sentence: split it.")},
    {"length.no_breaks", Severity::Medium,
     QT_TRANSLATE_NOOP("Counterpart::Compose::ToneLinter",
                       "A long email with no line breaks is hard to read.")},
    {"formality.casual", Severity::Medium,
     QT_TRANSLATE_NOOP("Counterpart::Compose::ToneLinter",
                       "Slang or emoji in an inbox that writes formally.")},
    {"formality.stiff", Severity::Low,
     QT_TRANSLATE_NOOP("Counterpart::Compose::ToneLinter",
                       "Stiff, official phrasing in an inbox that writes casually.")},
    {"voice.scripted", Severity::Low,
     QT_TRANSLATE_NOOP("Counterpart::Compose::ToneLinter",
                       "Sounds scripted: say it in your own words.")},
    {"name.unused", Severity::Low,
     QT_TRANSLATE_NOOP("Counterpart::Compose::ToneLinter", "The customer's name is never used.")},
};

const RuleInfo *ruleInfo(const QString &id)
{
    for (const RuleInfo &info : ruleTable) {
        if (id == QLatin1String(info.id))
            return &info;
    }
    return nullptr;
}

class Collector
{
public:
    void add(const QString &ruleId, qsizetype start, qsizetype end, const QString &suggestion,
             const QString &message = QString())
    {
        ToneFinding f;
        f.ruleId = ruleId;
        f.start = start;
        f.end = end;
        f.severity = ToneLinter::ruleSeverity(ruleId);
        f.message = message.isEmpty() ? ToneLinter::ruleMessage(ruleId) : message;
        f.suggestion = suggestion;
        // A hit inside an earlier hit of the same rule ("inconvenience caused" inside a longer
        // scripted phrase) adds nothing for the agent.
        for (const ToneFinding &other : std::as_const(m_findings)) {
            if (other.ruleId == ruleId && other.start <= start && end <= other.end)
                return;
        }
        m_findings.append(f);
    }
    QList<ToneFinding> take()
    {
        std::stable_sort(m_findings.begin(), m_findings.end(),
                         [](const ToneFinding &a, const ToneFinding &b) {
                             return a.start != b.start ? a.start < b.start : a.ruleId < b.ruleId;
                         });
        return std::move(m_findings);
    }

private:
    QList<ToneFinding> m_findings;
};

bool nameUsed(const QString &folded, const QString &customerName)
{
    const QString name = FoldedText::fold(customerName.simplified());
    if (name.isEmpty())
        return true;
    if (folded.contains(name))
        return true;
    if (Search::SearchText::isHan(name.at(0))) {
        // Chinese replies address people by family name and title, or by given name.
        static const QStringList titles = {QStringLiteral("先生"), QStringLiteral("女士"),
                                           QStringLiteral("小姐"), QStringLiteral("太太"),
                                           QStringLiteral("老师"), QStringLiteral("老師"),
                                           QStringLiteral("经理"), QStringLiteral("經理")};
        for (const QString &title : titles) {
            if (folded.contains(name.left(1) + title))
                return true;
        }
        return name.size() >= 3 && folded.contains(name.mid(1));
    }
    const QList<QStringView> parts = QStringView(name).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QStringView part : parts) {
        // Greek vocatives change the ending ("Δημήτρης" -> "Δημήτρη"); compare the stem.
        const qsizetype stem = part.size() <= 4 ? part.size() : qMax<qsizetype>(4, part.size() - 2);
        const QStringView prefix = part.left(stem);
        qsizetype at = folded.indexOf(prefix);
        while (at >= 0) {
            const bool startOk = at == 0 || !folded.at(at - 1).isLetter();
            const qsizetype end = at + prefix.size();
            const bool endOk = stem < part.size() || end >= folded.size()
                || !folded.at(end).isLetter();
            if (startOk && endOk)
                return true;
            at = folded.indexOf(prefix, at + 1);
        }
    }
    return false;
}

} // namespace

ToneLinter::ToneLinter(ToneOptions options)
    : m_options(std::move(options))
    , m_pack(&ToneRulePack::forLanguage(m_options.language))
{
    m_options.language = ComposeLanguage::resolve(m_options.language);
}

QStringList ToneLinter::ruleIds()
{
    QStringList ids;
    for (const RuleInfo &info : ruleTable)
        ids.append(QString::fromLatin1(info.id));
    return ids;
}

Severity ToneLinter::ruleSeverity(const QString &ruleId)
{
    const RuleInfo *info = ruleInfo(ruleId);
    return info ? info->severity : Severity::Low;
}

QString ToneLinter::ruleMessage(const QString &ruleId)
{
    const RuleInfo *info = ruleInfo(ruleId);
    return info ? tr(info->message) : QString();
}

QString ToneLinter::apply(const QString &draft, const ToneFinding &finding)
{
    if (finding.start < 0 || finding.end > draft.size() || finding.start > finding.end)
        return draft;
    QString replacement = finding.suggestion;
    if (finding.end > finding.start && !replacement.isEmpty() && draft.at(finding.start).isUpper()
        && replacement.at(0).isLower())
        replacement[0] = replacement.at(0).toUpper();
    return draft.left(finding.start) + replacement + draft.mid(finding.end);
}

QList<ToneFinding> ToneLinter::lint(const QString &draft) const
{
    const LatteResult latte = LatteChecker(m_options.language).check(draft);
    return lint(draft, latte);
}

QList<ToneFinding> ToneLinter::lint(const QString &draft, const LatteResult &latte) const
{
    const ToneRulePack &p = *m_pack;
    const QString folded = FoldedText::fold(draft);
    const QList<Span> sentences = splitSpans(folded, false);
    const QList<Span> clauses = p.cjk ? splitSpans(folded, true) : sentences;
    const QList<PhraseHit> excluded = p.exceptionMatcher.findAll(folded);
    const QString firstName = TemplateContext::firstNameOf(m_options.customerName);
    auto withName = [&](QString suggestion) {
        const QString fallback = p.cjk ? QString() : (p.language == QLatin1String("en")
                                                          ? QStringLiteral("there")
                                                          : QString());
        suggestion.replace(QLatin1String("{name}"), firstName.isEmpty() ? fallback : firstName);
        return suggestion.trimmed();
    };

    Collector out;

    for (const PhraseHit &hit : p.ruleMatcher.findAll(folded)) {
        if (inside(excluded, hit.start, hit.end))
            continue;
        const PhraseRule &rule = p.rules.at(hit.index);
        if (rule.ruleId == QLatin1String("promise.immediately")) {
            // "Thanks for telling us straight away" praises the customer; only "we will ...
            // immediately" is a promise.
            const Span *scope = containing(clauses, hit.start);
            if (!scope)
                continue;
            const qsizetype until = p.cjk ? scope->end : hit.start;
            if (!anyHitIn(p.commitmentMatcher, folded, scope->start, until))
                continue;
        }
        out.add(rule.ruleId, hit.start, hit.end, withName(rule.suggestion));
    }

    if (m_options.formality == Formality::Formal) {
        for (const PhraseHit &hit : p.casualMatcher.findAll(folded)) {
            const PhraseRule &rule = p.casualRules.at(hit.index);
            out.add(rule.ruleId, hit.start, hit.end, rule.suggestion);
        }
        for (qsizetype i = 0; i < draft.size(); ++i) {
            char32_t c = draft.at(i).unicode();
            qsizetype len = 1;
            if (draft.at(i).isHighSurrogate() && i + 1 < draft.size()) {
                c = QChar::surrogateToUcs4(draft.at(i), draft.at(i + 1));
                len = 2;
            }
            if (isEmoji(c)) {
                qsizetype end = i + len;
                if (end < draft.size() && draft.at(end).unicode() == 0xFE0F)
                    ++end;
                out.add(QStringLiteral("formality.casual"), i, end, QString());
                i = end - 1;
            }
        }
    } else if (m_options.formality == Formality::Casual) {
        for (const PhraseHit &hit : p.stiffMatcher.findAll(folded)) {
            const PhraseRule &rule = p.stiffRules.at(hit.index);
            out.add(rule.ruleId, hit.start, hit.end, rule.suggestion);
        }
    }

    auto dates = p.datePromise.globalMatch(folded);
    while (dates.hasNext()) {
        const QRegularExpressionMatch m = dates.next();
        const Span *sentence = containing(sentences, m.capturedStart());
        if (sentence && anyHitIn(p.hedgeMatcher, folded, sentence->start, sentence->end))
            continue;
        out.add(QStringLiteral("promise.date"), m.capturedStart(), m.capturedEnd(), QString());
    }

    if (m_options.responseTargetMinutes > 0) {
        auto times = p.responseTime.globalMatch(folded);
        while (times.hasNext()) {
            const QRegularExpressionMatch m = times.next();
            const QString n = m.captured(u"n");
            bool isNumber = false;
            double value = n.toDouble(&isNumber);
            if (!isNumber) {
                value = p.cjk ? parseChineseNumber(n) : 0;
                for (auto it = p.numberWords.begin(); it != p.numberWords.end(); ++it) {
                    if (FoldedText::fold(it.key()) == n)
                        value = it.value();
                }
            }
            const double minutes = value * unitMinutes(m.captured(u"unit"));
            if (minutes <= 0 || minutes >= m_options.responseTargetMinutes)
                continue;
            const Span *sentence = containing(sentences, m.capturedStart());
            if (!sentence || !anyHitIn(p.responseVerbMatcher, folded, sentence->start, sentence->end))
                continue;
            out.add(QStringLiteral("promise.response_time"), m.capturedStart(), m.capturedEnd(),
                    QString(),
                    ruleMessage(QStringLiteral("promise.response_time"))
                        .arg(m_options.responseTargetMinutes));
        }
    }

    if (!latte.step(LatteStep::TakeAction).detected && !latte.step(LatteStep::Explain).detected) {
        const PhraseHit apology = p.apologyMatcher.findFirst(folded);
        if (apology.index >= 0) {
            const Span *sentence = containing(sentences, apology.start);
            const Span span = sentence ? *sentence : Span{apology.start, apology.end};
            QString sentenceText = draft.mid(span.start, span.end - span.start);
            while (sentenceText.endsWith(QLatin1Char('\n')))
                sentenceText.chop(1);
            out.add(QStringLiteral("apology.no_next_step"), span.start,
                    span.start + sentenceText.size(), sentenceText + p.nextStepStub);
        }
    }

    const bool email = m_options.channel == Domain::ChannelKind::Email;
    for (const Span &s : sentences) {
        if (lengthUnits(QStringView(draft).mid(s.start, s.end - s.start), p.cjk) > p.longSentence)
            out.add(QStringLiteral("length.sentence"), s.start, s.end, QString());
    }
    for (const Span &para : paragraphs(draft, email)) {
        if (lengthUnits(QStringView(draft).mid(para.start, para.end - para.start), p.cjk)
            > p.longParagraph)
            out.add(QStringLiteral("length.paragraph"), para.start, para.end, QString());
    }
    const QString trimmed = draft.trimmed();
    if (email && trimmed.size() >= p.noBreaksMinimum && !trimmed.contains(QLatin1Char('\n'))) {
        const qsizetype start = draft.indexOf(trimmed.at(0));
        // Offer the same text with a blank line after every second sentence.
        QString rebroken;
        int count = 0;
        for (const Span &s : sentences) {
            if (!rebroken.isEmpty())
                rebroken += (count % 2 == 0) ? QStringLiteral("\n\n") : QStringLiteral(" ");
            rebroken += QStringView(draft).mid(s.start, s.end - s.start).trimmed();
            ++count;
        }
        out.add(QStringLiteral("length.no_breaks"), start, start + trimmed.size(),
                count > 1 ? rebroken : QString());
    }

    if (!m_options.customerName.trimmed().isEmpty() && !nameUsed(folded, m_options.customerName)) {
        const QString greeting = p.nameGreeting.arg(firstName);
        out.add(QStringLiteral("name.unused"), 0, 0,
                greeting + (email ? QStringLiteral("\n\n") : QStringLiteral(" ")));
    }
    return out.take();
}

} // namespace Counterpart::Compose
