#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace Counterpart::Connectors::Demo {

/** What customers and agents write about one scenario, in one language. Texts hold {placeholders}. */
struct DemoScenarioText
{
    QStringList subject, open, detail, great, ok, terse, blame, reply, resolve, note;
};

struct DemoGivenName
{
    QString native, latin;
    bool female = false;
    QString vocative; ///< form used to address them (Greek "Δημήτρη"); empty: same as native
};

struct DemoFamilyName
{
    QString male, female, latin;
};

struct DemoPlace
{
    QString location, timezone, phonePrefix;
};

struct DemoProduct
{
    QString name;
    int price = 0; ///< in the language's currency
};

struct DemoCarrier
{
    QString name, trackingPrefix;
};

/** Everything the generator writes in one language: names, places, products and message parts. */
struct DemoLanguage
{
    QString key; ///< "en", "zh-Hans", "zh-Hant", "el"
    bool available = false; ///< false when the corpus has no file for this language yet
    bool familyFirst = false;
    QStringList months;
    QString dateFormat;
    QString currencyFormat, currencyDecimal, currencyCode;
    int currencyDecimals = 2;

    QList<DemoGivenName> given;
    QList<DemoFamilyName> family;
    QList<QStringList> longNames; ///< [native, email local part]
    QList<DemoPlace> places;
    QStringList companies;
    QStringList emailDomains;
    QList<DemoCarrier> carriers;
    QList<DemoProduct> products;

    QStringList customerGreeting, customerClosing, emotional, nudge, thanks, unhappy;
    QString voicemail;
    QString quoteHeader; ///< "On {date}, {actor} wrote:"
    QString sentenceJoiner; ///< " " between sentences; empty in Chinese
    QStringList agentGreeting, agentClosing, wrapUp, followUp;
    QString signature, bot;
    QList<QStringList> csat; ///< index 0..4 for ratings 1..5
    QHash<QString, DemoScenarioText> scenarios;
    QHash<QString, QString> activity;
};

} // namespace Counterpart::Connectors::Demo
