#include "LintCommand.h"

#include "CommandLine.h"
#include "compose/ComposeLanguage.h"
#include "compose/LatteChecker.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

namespace Counterpart::Cli {

namespace {

const char usage[] =
    "usage: counterpart-cli lint --lang en|zh-Hans|zh-Hant|el [--customer FILE]\n"
    "       [--formality formal|neutral|casual] [--name NAME] [--channel KIND]\n"
    "       [--response-target MINUTES] FILE|-\n";

bool readFile(const QString &path, QString *text, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    *text = QString::fromUtf8(file.readAll());
    return true;
}

} // namespace

QJsonObject lintJson(const QString &draft, const Compose::ToneOptions &options,
                     const QString &customerMessage)
{
    using namespace Compose;
    const LatteResult latte = LatteChecker(options.language).check(draft, customerMessage);
    const ToneLinter linter(options);

    QJsonObject steps;
    for (const LatteStep step : allLatteSteps()) {
        const LatteEvidence &e = latte.step(step);
        QJsonObject o{{QStringLiteral("present"), e.detected}};
        if (e.detected) {
            o.insert(QStringLiteral("start"), e.start);
            o.insert(QStringLiteral("end"), e.end);
            o.insert(QStringLiteral("evidence"), e.text);
        }
        steps.insert(latteStepKey(step), o);
    }
    QJsonArray findings;
    for (const ToneFinding &f : linter.lint(draft, latte)) {
        findings.append(QJsonObject{{QStringLiteral("rule"), f.ruleId},
                                    {QStringLiteral("start"), f.start},
                                    {QStringLiteral("end"), f.end},
                                    {QStringLiteral("severity"), severityKey(f.severity)},
                                    {QStringLiteral("message"), f.message},
                                    {QStringLiteral("suggestion"), f.suggestion}});
    }
    return QJsonObject{{QStringLiteral("language"), linter.options().language},
                       {QStringLiteral("formality"), formalityKey(options.formality)},
                       {QStringLiteral("latte"), steps},
                       {QStringLiteral("findings"), findings}};
}

int runLint(const QStringList &arguments, QTextStream &in, QTextStream &out, QTextStream &err)
{
    QStringList args = arguments;
    if (takeFlag(args, QStringLiteral("help"))) {
        out << usage;
        return 0;
    }
    const QString language = takeOption(args, QStringLiteral("lang"));
    const QString customerFile = takeOption(args, QStringLiteral("customer"));
    const QString formality = takeOption(args, QStringLiteral("formality"), QStringLiteral("neutral"));
    const QString name = takeOption(args, QStringLiteral("name"));
    const QString channel = takeOption(args, QStringLiteral("channel"), QStringLiteral("email"));
    const QString target = takeOption(args, QStringLiteral("response-target"), QStringLiteral("0"));

    auto fail = [&](const QString &message) {
        err << "lint: " << message << '\n' << usage;
        err.flush();
        return 2;
    };
    if (language.isEmpty())
        return fail(QStringLiteral("--lang is required"));
    if (!Compose::ComposeLanguage::supported().contains(language))
        return fail(QStringLiteral("unsupported language '%1' (use %2)")
                        .arg(language, Compose::ComposeLanguage::supported().join(QLatin1String(", "))));
    bool formalityOk = false;
    const Compose::Formality voice = Compose::formalityFromKey(formality, &formalityOk);
    if (!formalityOk)
        return fail(QStringLiteral("--formality must be formal, neutral or casual"));
    bool targetOk = false;
    const int targetMinutes = target.toInt(&targetOk);
    if (!targetOk || targetMinutes < 0)
        return fail(QStringLiteral("--response-target must be a number of minutes"));
    for (const QString &a : std::as_const(args)) {
        if (a.startsWith(QLatin1String("--")))
            return fail(QStringLiteral("unknown option %1").arg(a));
    }
    if (args.size() != 1)
        return fail(QStringLiteral("give exactly one draft file, or - for standard input"));

    QString draft;
    QString error;
    if (args.first() == QLatin1String("-"))
        draft = in.readAll();
    else if (!readFile(args.first(), &draft, &error))
        return fail(error);
    QString customer;
    if (!customerFile.isEmpty() && !readFile(customerFile, &customer, &error))
        return fail(error);

    Compose::ToneOptions options;
    options.language = language;
    options.formality = voice;
    options.channel = Domain::channelFromKey(channel);
    options.customerName = name;
    options.responseTargetMinutes = targetMinutes;
    out << QString::fromUtf8(QJsonDocument(lintJson(draft, options, customer)).toJson(QJsonDocument::Indented));
    out.flush();
    return 0;
}

int runLint(const QStringList &arguments)
{
    QTextStream in(stdin);
    return runLint(arguments, in, out(), err());
}

} // namespace Counterpart::Cli
