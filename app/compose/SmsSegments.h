#pragma once

#include <QString>

namespace Counterpart::Compose {

enum class SmsEncoding { Gsm7, Ucs2 };

/** How an SMS body is split on the wire. */
struct SmsCount
{
    SmsEncoding encoding = SmsEncoding::Gsm7;
    int units = 0;           ///< septets (GSM-7, extension characters count 2) or UTF-16 units
    int segments = 0;        ///< 0 for an empty body
    int unitsPerSegment = 160; ///< 160/153 for GSM-7, 70/67 for UCS-2
    int remaining = 160;     ///< units still free in the last segment
    QString nonGsmCharacters; ///< distinct characters that forced UCS-2, in order of appearance
};

/**
 * Counts SMS segments the way carriers do: GSM 03.38 basic table (1 septet) and extension table
 * (escape + character, 2 septets); anything else switches the whole message to UCS-2, where a
 * character outside the BMP (most emoji, rare Han) takes a surrogate pair, 2 units. A multi-part
 * message loses 7 septets / 3 units per segment to the concatenation header, and an escape pair
 * or a surrogate pair is never split across two segments.
 */
class SmsSegments
{
public:
    static SmsCount count(const QString &text);

    static bool isGsm7Basic(char32_t c);
    static bool isGsm7Extension(char32_t c);
};

} // namespace Counterpart::Compose
