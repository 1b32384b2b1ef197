#include "SmsSegments.h"

#include <QList>

namespace Counterpart::Compose {

namespace {

// GSM 03.38 basic character set, excluding ESC (0x1B), in table order.
const char16_t gsmBasic[] = u"@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
                            u"¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const char16_t gsmExtension[] = u"\f^{}\\[~]|€";

bool contains(const char16_t *table, char32_t c)
{
    if (c > 0xFFFF)
        return false;
    for (const char16_t *p = table; *p; ++p) {
        if (*p == c)
            return true;
    }
    return false;
}

// Greedy packing: each item has a cost that must not straddle two segments.
int packSegments(const QList<int> &costs, int perSegment, int *usedInLast)
{
    int segments = 1;
    int used = 0;
    for (const int cost : costs) {
        if (used + cost > perSegment) {
            ++segments;
            used = 0;
        }
        used += cost;
    }
    *usedInLast = used;
    return segments;
}

} // namespace

bool SmsSegments::isGsm7Basic(char32_t c) { return contains(gsmBasic, c); }

bool SmsSegments::isGsm7Extension(char32_t c) { return contains(gsmExtension, c); }

SmsCount SmsSegments::count(const QString &text)
{
    SmsCount result;
    const QList<uint> codePoints = text.toUcs4();
    QList<int> gsmCosts;
    gsmCosts.reserve(codePoints.size());
    for (const uint c : codePoints) {
        if (isGsm7Basic(c)) {
            gsmCosts.append(1);
        } else if (isGsm7Extension(c)) {
            gsmCosts.append(2);
        } else {
            const char32_t cp = c;
            const QString ch = QString::fromUcs4(&cp, 1);
            if (!result.nonGsmCharacters.contains(ch))
                result.nonGsmCharacters += ch;
        }
    }

    QList<int> costs;
    int single = 160;
    int multi = 153;
    if (result.nonGsmCharacters.isEmpty()) {
        costs = gsmCosts;
    } else {
        result.encoding = SmsEncoding::Ucs2;
        single = 70;
        multi = 67;
        costs.reserve(codePoints.size());
        for (const uint c : codePoints)
            costs.append(c > 0xFFFF ? 2 : 1);
    }

    for (const int cost : costs)
        result.units += cost;
    if (result.units == 0) {
        result.segments = 0;
        result.unitsPerSegment = single;
        result.remaining = single;
        return result;
    }
    if (result.units <= single) {
        result.segments = 1;
        result.unitsPerSegment = single;
        result.remaining = single - result.units;
        return result;
    }
    int usedInLast = 0;
    result.segments = packSegments(costs, multi, &usedInLast);
    result.unitsPerSegment = multi;
    result.remaining = multi - usedInLast;
    return result;
}

} // namespace Counterpart::Compose
