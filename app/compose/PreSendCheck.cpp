#include "PreSendCheck.h"

#include "SmsSegments.h"
#include "TemplateEngine.h"

#include <QCoreApplication>

#include <algorithm>

namespace Counterpart::Compose {

namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("Counterpart::Compose::PreSendCheck", text, nullptr, n);
}

// Characters word processors substitute for plain ones; each silently turns an SMS into UCS-2.
bool isTypographic(QChar c)
{
    switch (c.unicode()) {
    case 0x2018:
    case 0x2019:
    case 0x201C:
    case 0x201D:
    case 0x2013:
    case 0x2014:
    case 0x2026:
    case 0x00A0:
        return true;
    default:
        return false;
    }
}

} // namespace

bool PreSendReport::isBlocked() const
{
    return std::any_of(problems.begin(), problems.end(),
                       [](const PreSendProblem &p) { return p.level == PreSendLevel::Block; });
}

bool PreSendReport::needsConfirmation() const
{
    return std::any_of(problems.begin(), problems.end(),
                       [](const PreSendProblem &p) { return p.level == PreSendLevel::Confirm; });
}

bool PreSendReport::has(PreSendIssue issue) const
{
    return std::any_of(problems.begin(), problems.end(),
                       [issue](const PreSendProblem &p) { return p.issue == issue; });
}

QList<PreSendProblem> PreSendReport::at(PreSendLevel level) const
{
    QList<PreSendProblem> out;
    for (const PreSendProblem &p : problems) {
        if (p.level == level)
            out.append(p);
    }
    return out;
}

PreSendReport PreSendCheck::run(const PreSendInput &input)
{
    PreSendReport report;
    auto add = [&](PreSendIssue issue, PreSendLevel level, const QString &message,
                   const QStringList &details = {}) {
        report.problems.append({issue, level, message, details});
    };

    if (input.draft.trimmed().isEmpty())
        add(PreSendIssue::EmptyDraft, PreSendLevel::Block, tr("The reply is empty."));

    QStringList undefined = input.undefinedVariables;
    for (const QString &name : TemplateEngine::unresolvedIn(input.draft)) {
        if (!undefined.contains(name))
            undefined.append(name);
    }
    if (!undefined.isEmpty())
        add(PreSendIssue::UndefinedVariable, PreSendLevel::Block,
            tr("%n template field(s) still need a value.", int(undefined.size())), undefined);

    if (input.lattePolicy.mode != LattePolicyMode::Off) {
        const QList<LatteStep> missing = input.latte.missing(input.lattePolicy.steps);
        if (!missing.isEmpty()) {
            QStringList names;
            QStringList displayNames;
            for (const LatteStep s : missing) {
                names.append(latteStepKey(s));
                displayNames.append(latteStepDisplayName(s));
            }
            // The agent has to know which step is missing to fix it, not only that one is.
            const QString list = displayNames.join(QStringLiteral(", "));
            const bool require = input.lattePolicy.mode == LattePolicyMode::Require;
            add(PreSendIssue::LatteMissing, require ? PreSendLevel::Block : PreSendLevel::Warn,
                require ? tr("This conversation requires these LATTE steps before sending: %1.").arg(list)
                        : tr("LATTE steps not covered yet: %1.").arg(list),
                names);
        }
    }

    for (const ToneFinding &f : input.toneFindings) {
        if (f.severity == Severity::High)
            add(PreSendIssue::ToneFinding, PreSendLevel::Confirm, f.message, {f.ruleId});
    }

    if (input.channel == Domain::ChannelKind::Sms && !input.draft.isEmpty()) {
        const SmsCount sms = SmsSegments::count(input.draft);
        const QStringList count{QString::number(sms.segments)};
        if (sms.segments > input.smsMaxSegments)
            add(PreSendIssue::SmsSegments, PreSendLevel::Block,
                tr("This SMS would be sent as %n parts; shorten it.", sms.segments), count);
        else if (sms.segments > 1)
            add(PreSendIssue::SmsSegments, PreSendLevel::Warn,
                tr("This SMS will be sent as %n parts.", sms.segments), count);
        if (sms.encoding == SmsEncoding::Ucs2) {
            bool onlyTypographic = true;
            QStringList characters;
            for (const QChar c : sms.nonGsmCharacters) {
                onlyTypographic = onlyTypographic && isTypographic(c);
                characters.append(QString(c));
            }
            // Chinese or Greek text needs UCS-2 anyway; only say so when curly quotes alone cost
            // the customer more than half the message length.
            if (onlyTypographic)
                add(PreSendIssue::SmsEncoding, PreSendLevel::Warn,
                    tr("Curly quotes or dashes shrink each SMS part from 160 to 70 characters."),
                    characters);
        }
    }

    if (input.channel == Domain::ChannelKind::WhatsApp) {
        const bool open = input.lastCustomerMessageAt.isValid() && input.now.isValid()
            && input.lastCustomerMessageAt.secsTo(input.now) < 24 * 3600;
        if (!open)
            add(PreSendIssue::WhatsAppWindowClosed, PreSendLevel::Block,
                tr("The customer last wrote more than 24 hours ago: WhatsApp only allows an "
                   "approved template message now."));
    }

    if (input.newCustomerMessages > 0)
        add(PreSendIssue::NewCustomerMessages, PreSendLevel::Confirm,
            tr("The customer sent %n new message(s) since you opened the conversation.",
               input.newCustomerMessages));

    std::stable_sort(report.problems.begin(), report.problems.end(),
                     [](const PreSendProblem &a, const PreSendProblem &b) {
                         return static_cast<int>(a.level) < static_cast<int>(b.level);
                     });
    return report;
}

} // namespace Counterpart::Compose
