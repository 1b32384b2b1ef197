#pragma once

#include <QString>

namespace Counterpart::Compose {

/** An email body cut where the quoted history begins. */
struct EmailParts
{
    QString text;        ///< what the sender wrote this time, plain text
    QString quoteHeader; ///< "On 3 March, Ana wrote:", "Στις … έγραψε:", "-----Original Message-----" ...
    QString quoted;      ///< the history below it, plain text, without the header
    int quotedLines = 0; ///< non-empty lines in `quoted`, for "Show quoted text (N lines)"

    bool hasQuote() const { return !quoteHeader.isEmpty() || !quoted.isEmpty(); }
};

/**
 * Finds the quoted history of a reply so the transcript can fold it: a <blockquote> or Gmail's
 * quote block in HTML, and in plain text the attribution line mail clients write in English,
 * Chinese (simplified and traditional) and Greek ("On … wrote:", "… 于 … 写道：", "在 … 写道：",
 * "… 於 … 寫道：", "Στις … έγραψε:"), Outlook's "-----Original Message-----" / "From:" block, and
 * lines starting with ">".
 */
class EmailText
{
public:
    static EmailParts split(const QString &plainText);
    static EmailParts splitHtml(const QString &html);
    /** Markup to readable text: block elements become line breaks, entities are decoded. */
    static QString htmlToPlain(const QString &html);
    /** Whether a line introduces quoted history. */
    static bool isQuoteHeader(const QString &line);
};

} // namespace Counterpart::Compose
