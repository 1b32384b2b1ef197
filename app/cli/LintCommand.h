#pragma once

#include "compose/ToneLinter.h"

#include <QJsonObject>
#include <QStringList>
#include <QTextStream>

namespace Counterpart::Cli {

/**
 * `counterpart-cli lint --lang LANG [--customer FILE] [--formality formal|neutral|casual]
 *  [--name NAME] [--channel email|sms|whatsapp|...] [--response-target MINUTES] FILE|-`
 *
 * Prints one JSON object: the language used, the five LATTE steps (each with "present" and, when
 * present, the evidence span) and the tone findings (rule, start, end, severity, message,
 * suggestion). Offsets are UTF-16 code units of the draft, as in JavaScript. \a arguments are
 * the words after "lint". Returns 0, or 2 with a message on stderr for bad usage or unreadable
 * files.
 */
int runLint(const QStringList &arguments);

/** The same with explicit streams, so tests can run it in-process; \a in is read for "-". */
int runLint(const QStringList &arguments, QTextStream &in, QTextStream &out, QTextStream &err);

/** The JSON document runLint prints, for a draft already in memory. */
QJsonObject lintJson(const QString &draft, const Compose::ToneOptions &options,
                     const QString &customerMessage);

} // namespace Counterpart::Cli
