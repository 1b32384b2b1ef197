#pragma once

#include "LattePolicy.h"
#include "LatteResult.h"
#include "ToneFinding.h"
#include "domain/Channel.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace Counterpart::Compose {

/** How hard a problem stops the send. */
enum class PreSendLevel {
    Block,   ///< cannot be sent until fixed
    Confirm, ///< stops once; the agent may send anyway after looking
    Warn,    ///< shown, does not stop
};

enum class PreSendIssue {
    EmptyDraft,
    UndefinedVariable,
    LatteMissing,
    ToneFinding,
    SmsSegments,
    SmsEncoding,
    WhatsAppWindowClosed,
    NewCustomerMessages,
};

struct PreSendProblem
{
    PreSendIssue issue = PreSendIssue::EmptyDraft;
    PreSendLevel level = PreSendLevel::Warn;
    QString message; ///< one line for the agent
    QStringList details; ///< variable names, missing steps, characters ...
};

/** Everything the check looks at; the composer fills it from the conversation and the draft. */
struct PreSendInput
{
    QString draft;
    Domain::ChannelKind channel = Domain::ChannelKind::Email;
    QDateTime lastCustomerMessageAt; ///< invalid: the customer never wrote
    QDateTime now;
    QStringList undefinedVariables; ///< from TemplateEngine; placeholders left in the draft are added
    LatteResult latte;
    LattePolicy lattePolicy;
    QList<ToneFinding> toneFindings;
    int newCustomerMessages = 0; ///< arrived since the agent opened the conversation
    int smsMaxSegments = 6;      ///< longer SMS are refused (cost and reassembly on old phones)
};

struct PreSendReport
{
    QList<PreSendProblem> problems;

    bool isBlocked() const;
    bool needsConfirmation() const;
    bool has(PreSendIssue issue) const;
    QList<PreSendProblem> at(PreSendLevel level) const;
};

/** A pure function from the situation to the list of problems, most serious first. */
class PreSendCheck
{
public:
    static PreSendReport run(const PreSendInput &input);
};

} // namespace Counterpart::Compose
