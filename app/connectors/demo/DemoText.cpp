#include "DemoText.h"

namespace Counterpart::Connectors::Demo {

namespace {

int varIndex(QStringView key)
{
    static const char *const names[DemoText::VarCount] = {
        "name", "fullname", "agent", "order", "item",  "date",  "eta",      "carrier", "tracking",
        "total", "last4",   "plan",  "phone", "text",  "team",  "label",    "priority", "actor"};
    for (int i = 0; i < DemoText::VarCount; ++i) {
        if (key == QLatin1String(names[i]))
            return i;
    }
    return -1;
}

} // namespace

QString DemoText::fill(const QString &pattern, const Vars &vars)
{
    QString out;
    out.reserve(pattern.size() + 64);
    qsizetype i = 0;
    while (i < pattern.size()) {
        const qsizetype open = pattern.indexOf(QLatin1Char('{'), i);
        if (open < 0) {
            out += QStringView(pattern).mid(i);
            break;
        }
        const qsizetype close = pattern.indexOf(QLatin1Char('}'), open + 1);
        if (close < 0) {
            out += QStringView(pattern).mid(i);
            break;
        }
        out += QStringView(pattern).mid(i, open - i);
        const int index = varIndex(QStringView(pattern).mid(open + 1, close - open - 1));
        if (index >= 0)
            out += vars[index];
        else
            out += QStringView(pattern).mid(open, close - open + 1);
        i = close + 1;
    }
    return out;
}

QString DemoText::date(const DemoLanguage &language, const QDate &date)
{
    QString out = language.dateFormat;
    out.replace(QLatin1String("{month}"), language.months.value(date.month() - 1));
    out.replace(QLatin1String("{day}"), QString::number(date.day()));
    return out;
}

QString DemoText::money(const DemoLanguage &language, qint64 minorUnits)
{
    const qint64 whole = minorUnits / 100;
    QString digits = QString::number(whole);
    for (qsizetype at = digits.size() - 3; at > 0; at -= 3)
        digits.insert(at, language.currencyDecimal == QLatin1String(",") ? QLatin1Char('.') : QLatin1Char(','));
    if (language.currencyDecimals > 0)
        digits += language.currencyDecimal
            + QStringLiteral("%1").arg(minorUnits % 100, 2, 10, QLatin1Char('0'));
    QString out = language.currencyFormat;
    out.replace(QLatin1String("{amount}"), digits);
    return out;
}

} // namespace Counterpart::Connectors::Demo
