#include "DemoCorpus.h"

#include "DemoScenario.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Counterpart::Connectors::Demo {

namespace {

QStringList strings(const QJsonValue &value)
{
    QStringList result;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array)
        result.append(item.toString());
    return result;
}

} // namespace

const QStringList &DemoCorpus::languageKeys()
{
    static const QStringList keys = {QStringLiteral("en"), QStringLiteral("zh-Hans"),
                                     QStringLiteral("zh-Hant"), QStringLiteral("el")};
    return keys;
}

const DemoCorpus &DemoCorpus::instance()
{
    static const DemoCorpus corpus;
    return corpus;
}

DemoCorpus::DemoCorpus()
{
    for (const QString &key : languageKeys()) {
        if (!QFile::exists(QStringLiteral(":/demo/") + key + QStringLiteral(".json"))) {
            m_problems.append(key + QStringLiteral(": no corpus file"));
            DemoLanguage missing;
            missing.key = key;
            m_languages.append(missing);
            continue;
        }
        m_languages.append(load(key, m_languages.isEmpty() ? nullptr : &m_languages.first()));
    }
    if (!m_problems.isEmpty())
        qWarning("Demo corpus: %s", qPrintable(m_problems.join(QStringLiteral("; "))));
}

DemoLanguage DemoCorpus::load(const QString &key, const DemoLanguage *fallback)
{
    DemoLanguage lang;
    lang.key = key;
    lang.available = true;
    QFile file(QStringLiteral(":/demo/") + key + QStringLiteral(".json"));
    if (!file.open(QIODevice::ReadOnly)) {
        m_problems.append(QStringLiteral("%1: resource missing").arg(key));
        qFatal("Demo corpus resource :/demo/%s.json is missing", qPrintable(key));
    }
    QJsonParseError parseError;
    const QJsonObject root = QJsonDocument::fromJson(file.readAll(), &parseError).object();
    if (parseError.error != QJsonParseError::NoError)
        qFatal("Demo corpus %s.json: %s at offset %d", qPrintable(key),
               qPrintable(parseError.errorString()), parseError.offset);

    auto require = [&](const QStringList &list, const QString &what) {
        if (list.isEmpty())
            m_problems.append(key + QStringLiteral(": ") + what + QStringLiteral(" is empty"));
        return list;
    };

    lang.familyFirst = root.value(QStringLiteral("nameOrder")).toString() == QLatin1String("familyFirst");
    lang.months = strings(root.value(QStringLiteral("months")));
    if (lang.months.size() != 12)
        m_problems.append(key + QStringLiteral(": months must have 12 names"));
    lang.dateFormat = root.value(QStringLiteral("dateFormat")).toString();
    const QJsonObject currency = root.value(QStringLiteral("currency")).toObject();
    lang.currencyFormat = currency.value(QStringLiteral("format")).toString();
    lang.currencyDecimal = currency.value(QStringLiteral("decimal")).toString();
    lang.currencyCode = currency.value(QStringLiteral("code")).toString();
    lang.currencyDecimals = currency.value(QStringLiteral("decimals")).toInt(2);

    const QJsonObject people = root.value(QStringLiteral("people")).toObject();
    for (const QJsonValue &value : people.value(QStringLiteral("given")).toArray()) {
        const QJsonArray item = value.toArray();
        lang.given.append({item.at(0).toString(), item.at(1).toString(),
                           item.at(2).toString() == QLatin1String("f"), item.at(3).toString()});
    }
    for (const QJsonValue &value : people.value(QStringLiteral("family")).toArray()) {
        const QJsonArray item = value.toArray();
        lang.family.append({item.at(0).toString(), item.at(1).toString(), item.at(2).toString()});
    }
    for (const QJsonValue &value : people.value(QStringLiteral("longNames")).toArray())
        lang.longNames.append(strings(value));
    for (const QJsonValue &value : people.value(QStringLiteral("places")).toArray()) {
        const QJsonArray item = value.toArray();
        lang.places.append({item.at(0).toString(), item.at(1).toString(), item.at(2).toString()});
    }
    lang.companies = require(strings(people.value(QStringLiteral("companies"))), QStringLiteral("companies"));
    lang.emailDomains = require(strings(people.value(QStringLiteral("emailDomains"))), QStringLiteral("emailDomains"));
    for (const QJsonValue &value : root.value(QStringLiteral("carriers")).toArray()) {
        const QJsonArray item = value.toArray();
        lang.carriers.append({item.at(0).toString(), item.at(1).toString()});
    }
    for (const QJsonValue &value : root.value(QStringLiteral("products")).toArray()) {
        const QJsonArray item = value.toArray();
        lang.products.append({item.at(0).toString(), item.at(1).toInt()});
    }
    if (lang.given.isEmpty() || lang.family.isEmpty() || lang.places.isEmpty()
        || lang.carriers.isEmpty() || lang.products.isEmpty())
        m_problems.append(key + QStringLiteral(": people, places, carriers or products missing"));

    const QJsonObject customer = root.value(QStringLiteral("customer")).toObject();
    lang.customerGreeting = require(strings(customer.value(QStringLiteral("greeting"))), QStringLiteral("customer.greeting"));
    lang.customerClosing = require(strings(customer.value(QStringLiteral("closing"))), QStringLiteral("customer.closing"));
    lang.emotional = require(strings(customer.value(QStringLiteral("emotional"))), QStringLiteral("customer.emotional"));
    lang.nudge = require(strings(customer.value(QStringLiteral("nudge"))), QStringLiteral("customer.nudge"));
    lang.thanks = require(strings(customer.value(QStringLiteral("thanks"))), QStringLiteral("customer.thanks"));
    lang.unhappy = require(strings(customer.value(QStringLiteral("unhappy"))), QStringLiteral("customer.unhappy"));
    lang.voicemail = customer.value(QStringLiteral("voicemail")).toString();
    lang.quoteHeader = customer.value(QStringLiteral("quoteHeader")).toString();
    if (lang.voicemail.isEmpty() || lang.quoteHeader.isEmpty())
        m_problems.append(key + QStringLiteral(": customer.voicemail or customer.quoteHeader missing"));
    lang.sentenceJoiner = root.value(QStringLiteral("sentenceJoiner")).toString(QStringLiteral(" "));

    const QJsonObject agent = root.value(QStringLiteral("agent")).toObject();
    lang.agentGreeting = require(strings(agent.value(QStringLiteral("greeting"))), QStringLiteral("agent.greeting"));
    lang.agentClosing = require(strings(agent.value(QStringLiteral("closing"))), QStringLiteral("agent.closing"));
    lang.wrapUp = require(strings(agent.value(QStringLiteral("wrapUp"))), QStringLiteral("agent.wrapUp"));
    lang.followUp = require(strings(agent.value(QStringLiteral("followUp"))), QStringLiteral("agent.followUp"));
    lang.signature = agent.value(QStringLiteral("signature")).toString();
    lang.bot = agent.value(QStringLiteral("bot")).toString();

    const QJsonObject csat = root.value(QStringLiteral("csat")).toObject();
    for (int rating = 1; rating <= 5; ++rating)
        lang.csat.append(require(strings(csat.value(QString::number(rating))),
                                 QStringLiteral("csat.") + QString::number(rating)));

    const QJsonObject scenarios = root.value(QStringLiteral("scenarios")).toObject();
    for (const DemoScenario &scenario : DemoScenario::all()) {
        const QJsonObject s = scenarios.value(scenario.key).toObject();
        const QString where = QStringLiteral("scenarios.") + scenario.key + QLatin1Char('.');
        DemoScenarioText text;
        const std::pair<QStringList *, const char *> fields[] = {
            {&text.subject, "subject"}, {&text.open, "open"},   {&text.detail, "detail"},
            {&text.great, "great"},     {&text.ok, "ok"},       {&text.terse, "terse"},
            {&text.blame, "blame"},     {&text.reply, "reply"}, {&text.resolve, "resolve"},
        };
        for (const auto &[list, name] : fields)
            *list = require(strings(s.value(QLatin1String(name))), where + QLatin1String(name));
        // Private notes are for colleagues; the team's working language is English unless a
        // language file brings its own.
        text.note = strings(s.value(QStringLiteral("note")));
        if (text.note.isEmpty() && fallback)
            text.note = fallback->scenarios.value(scenario.key).note;
        require(text.note, where + QStringLiteral("note"));
        lang.scenarios.insert(scenario.key, text);
    }

    const QJsonObject activity = root.value(QStringLiteral("activity")).toObject();
    for (auto it = activity.begin(); it != activity.end(); ++it)
        lang.activity.insert(it.key(), it.value().toString());
    if (lang.activity.isEmpty() && fallback)
        lang.activity = fallback->activity;
    return lang;
}

} // namespace Counterpart::Connectors::Demo
