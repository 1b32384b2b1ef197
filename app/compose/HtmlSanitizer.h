#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Counterpart::Compose {

/** One <a href> found in an email, as the agent should see it. */
struct SanitizedLink
{
    QString text;    ///< what the sender made visible
    QString target;  ///< where it really goes (entities decoded)
    bool safe = false;     ///< http, https or mailto: kept as a link; anything else neutralised
    bool mismatch = false; ///< the visible text names another host than the target (phishing smell)
};

struct SanitizedHtml
{
    QString html;
    int blockedImages = 0;    ///< remote images replaced by a "[image: host]" placeholder
    int trackers = 0;         ///< 1x1 (or hidden) remote images: never loaded, only counted
    int removedElements = 0;  ///< script, style, iframe, object, form controls ... dropped
    QStringList blockedHosts; ///< distinct hosts of blocked images and trackers
    QList<SanitizedLink> links;
};

/**
 * Turns an email's HTML into HTML that is safe to hand to a QTextBrowser: a small tokenizer that
 * keeps an allow-list of tags and attributes and rebuilds the markup from what it understood, so
 * whatever it does not understand is dropped rather than passed through. No scripts, event
 * handlers, frames, forms or CSS that fetches; remote images become placeholders unless the agent
 * allowed them; tracking pixels are never loaded; every link shows where it really goes.
 */
class HtmlSanitizer
{
public:
    struct Options
    {
        bool allowRemoteImages = false;
        bool showLinkTargets = true; ///< append " (target)" after a link whose text is not its target
    };
    static SanitizedHtml sanitize(const QString &html, const Options &options);
    static SanitizedHtml sanitize(const QString &html) { return sanitize(html, Options()); }

    /** Decodes character references (&amp; &#233; &#x61; and the common named ones). */
    static QString decodeEntities(const QString &text);
    /** "https", "mailto", "javascript" ... lower-cased, with the control characters browsers skip removed; empty if relative. */
    static QString schemeOf(const QString &url);
};

} // namespace Counterpart::Compose
