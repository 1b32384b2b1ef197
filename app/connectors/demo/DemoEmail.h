#pragma once

#include <QString>

namespace Counterpart::Connectors::Demo {

/**
 * HTML bodies as mail clients send them: paragraphs, a quoted history in replies, and now and
 * then a tracking pixel and a link, so that the sanitiser and the quote folding have work to do.
 */
class DemoEmail
{
public:
    struct Parts
    {
        QString text;        ///< the new text; blank lines separate paragraphs
        QString quoteHeader; ///< "On 3 March, Maria wrote:"; empty: no quoted history
        QString quoted;      ///< the previous message's text
        QString link;        ///< a URL to show as a link at the end, or empty
        bool trackingPixel = false;
    };
    static QString html(const Parts &parts);
};

} // namespace Counterpart::Connectors::Demo
