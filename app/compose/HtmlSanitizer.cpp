#include "HtmlSanitizer.h"

#include <QHash>
#include <QSet>
#include <QUrl>

namespace Counterpart::Compose {

namespace {

using Attributes = QList<std::pair<QString, QString>>; // name (lower case), decoded value

const QSet<QString> &allowedTags()
{
    static const QSet<QString> tags = {
        QStringLiteral("a"),      QStringLiteral("abbr"),    QStringLiteral("b"),     QStringLiteral("blockquote"),
        QStringLiteral("br"),     QStringLiteral("caption"), QStringLiteral("center"), QStringLiteral("cite"),
        QStringLiteral("code"),   QStringLiteral("col"),     QStringLiteral("colgroup"), QStringLiteral("dd"),
        QStringLiteral("del"),    QStringLiteral("div"),     QStringLiteral("dl"),    QStringLiteral("dt"),
        QStringLiteral("em"),     QStringLiteral("font"),    QStringLiteral("h1"),    QStringLiteral("h2"),
        QStringLiteral("h3"),     QStringLiteral("h4"),      QStringLiteral("h5"),    QStringLiteral("h6"),
        QStringLiteral("hr"),     QStringLiteral("i"),       QStringLiteral("img"),   QStringLiteral("ins"),
        QStringLiteral("kbd"),    QStringLiteral("li"),      QStringLiteral("ol"),    QStringLiteral("p"),
        QStringLiteral("pre"),    QStringLiteral("q"),       QStringLiteral("s"),     QStringLiteral("small"),
        QStringLiteral("span"),   QStringLiteral("strike"),  QStringLiteral("strong"), QStringLiteral("sub"),
        QStringLiteral("sup"),    QStringLiteral("table"),   QStringLiteral("tbody"), QStringLiteral("td"),
        QStringLiteral("tfoot"),  QStringLiteral("th"),      QStringLiteral("thead"), QStringLiteral("tr"),
        QStringLiteral("tt"),     QStringLiteral("u"),       QStringLiteral("ul"),
    };
    return tags;
}

// Their whole content goes with them: code, other documents, or text that is not the message.
const QSet<QString> &droppedWithContent()
{
    static const QSet<QString> tags = {
        QStringLiteral("script"),  QStringLiteral("style"),   QStringLiteral("iframe"),  QStringLiteral("object"),
        QStringLiteral("applet"),  QStringLiteral("noscript"), QStringLiteral("template"), QStringLiteral("svg"),
        QStringLiteral("math"),    QStringLiteral("frameset"), QStringLiteral("frame"),   QStringLiteral("head"),
        QStringLiteral("title"),   QStringLiteral("select"),  QStringLiteral("textarea"), QStringLiteral("xmp"),
        QStringLiteral("noembed"), QStringLiteral("noframes"), QStringLiteral("video"),   QStringLiteral("audio"),
    };
    return tags;
}

// Counted as removed but their content (if any) stays readable.
const QSet<QString> &droppedTagsOnly()
{
    static const QSet<QString> tags = {
        QStringLiteral("embed"), QStringLiteral("form"), QStringLiteral("input"), QStringLiteral("button"),
        QStringLiteral("link"),  QStringLiteral("meta"), QStringLiteral("base"),  QStringLiteral("source"),
    };
    return tags;
}

// Raw-text elements: their content is not markup, so the tokenizer must jump to the closing tag.
bool isRawText(const QString &tag)
{
    return tag == QLatin1String("script") || tag == QLatin1String("style") || tag == QLatin1String("textarea")
        || tag == QLatin1String("title") || tag == QLatin1String("xmp") || tag == QLatin1String("noscript")
        || tag == QLatin1String("iframe") || tag == QLatin1String("noembed") || tag == QLatin1String("noframes");
}

bool isVoid(const QString &tag)
{
    return tag == QLatin1String("br") || tag == QLatin1String("hr") || tag == QLatin1String("img")
        || tag == QLatin1String("col") || tag == QLatin1String("wbr");
}

const QSet<QString> &allowedAttributes()
{
    static const QSet<QString> names = {
        QStringLiteral("align"),   QStringLiteral("alt"),     QStringLiteral("border"),  QStringLiteral("cellpadding"),
        QStringLiteral("cellspacing"), QStringLiteral("colspan"), QStringLiteral("dir"), QStringLiteral("height"),
        QStringLiteral("width"),   QStringLiteral("lang"),    QStringLiteral("rowspan"), QStringLiteral("title"),
        QStringLiteral("valign"),  QStringLiteral("color"),   QStringLiteral("face"),    QStringLiteral("size"),
        QStringLiteral("bgcolor"), QStringLiteral("start"),   QStringLiteral("type"),    QStringLiteral("style"),
    };
    return names;
}

// CSS can fetch (url(), @import), run code in old engines (expression, behavior) and hide
// all of that behind escapes; a style with any of those goes entirely.
bool isSafeStyle(const QString &style)
{
    const QString lower = style.toLower();
    return !lower.contains(QLatin1String("url(")) && !lower.contains(QLatin1String("expression"))
        && !lower.contains(QLatin1String("javascript")) && !lower.contains(QLatin1String("@import"))
        && !lower.contains(QLatin1String("behavior")) && !lower.contains(QLatin1String("-moz-binding"))
        && !lower.contains(QLatin1Char('\\'));
}

bool isTinyOrHidden(const Attributes &attributes)
{
    auto dimension = [](const QString &value) {
        bool ok = false;
        const int number = QString(value).remove(QLatin1String("px")).trimmed().toInt(&ok);
        return ok ? number : -1;
    };
    int width = -1;
    int height = -1;
    for (const auto &[name, value] : attributes) {
        if (name == QLatin1String("width"))
            width = dimension(value);
        else if (name == QLatin1String("height"))
            height = dimension(value);
        else if (name == QLatin1String("style")) {
            QString compact = value.toLower();
            compact.remove(QLatin1Char(' '));
            if (compact.contains(QLatin1String("display:none")) || compact.contains(QLatin1String("visibility:hidden")))
                return true;
        }
    }
    return (width >= 0 && width <= 1) || (height >= 0 && height <= 1);
}

QString attributeValue(const Attributes &attributes, QLatin1String name)
{
    for (const auto &[key, value] : attributes) {
        if (key == name)
            return value;
    }
    return {};
}

QString hostOf(const QString &url)
{
    const QString host = QUrl(url).host();
    return host.isEmpty() ? QStringLiteral("remote") : host;
}

// The host a link text claims, when the text looks like an address at all.
QString claimedHost(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.contains(QLatin1Char(' ')) || !trimmed.contains(QLatin1Char('.')))
        return {};
    const QUrl url = QUrl::fromUserInput(trimmed);
    return url.isValid() ? url.host().toLower() : QString();
}

QString displayTarget(const QString &target)
{
    constexpr int kMaximum = 72;
    return target.size() <= kMaximum ? target : target.left(kMaximum - 1) + QChar(0x2026);
}

bool decodeEntityAt(const QString &text, qsizetype i, QString *decoded, qsizetype *consumed)
{
    static const QHash<QString, QChar> named = {
        {QStringLiteral("amp"), QLatin1Char('&')},   {QStringLiteral("lt"), QLatin1Char('<')},
        {QStringLiteral("gt"), QLatin1Char('>')},    {QStringLiteral("quot"), QLatin1Char('"')},
        {QStringLiteral("apos"), QLatin1Char('\'')}, {QStringLiteral("nbsp"), QChar(0xa0)},
        {QStringLiteral("copy"), QChar(0xa9)},       {QStringLiteral("reg"), QChar(0xae)},
        {QStringLiteral("hellip"), QChar(0x2026)},   {QStringLiteral("mdash"), QChar(0x2014)},
        {QStringLiteral("ndash"), QChar(0x2013)},    {QStringLiteral("laquo"), QChar(0xab)},
        {QStringLiteral("raquo"), QChar(0xbb)},      {QStringLiteral("euro"), QChar(0x20ac)},
        {QStringLiteral("colon"), QLatin1Char(':')}, {QStringLiteral("tab"), QLatin1Char('\t')},
        {QStringLiteral("newline"), QLatin1Char('\n')}, {QStringLiteral("middot"), QChar(0xb7)},
        {QStringLiteral("rsquo"), QChar(0x2019)},    {QStringLiteral("lsquo"), QChar(0x2018)},
        {QStringLiteral("rdquo"), QChar(0x201d)},    {QStringLiteral("ldquo"), QChar(0x201c)},
    };
    qsizetype j = i + 1;
    while (j < text.size() && j - i <= 32 && (text.at(j).isLetterOrNumber() || text.at(j) == QLatin1Char('#')))
        ++j;
    const QString body = text.mid(i + 1, j - i - 1);
    const bool terminated = j < text.size() && text.at(j) == QLatin1Char(';');
    if (body.startsWith(QLatin1Char('#')) && body.size() > 1) {
        bool ok = false;
        const bool hex = body.at(1) == QLatin1Char('x') || body.at(1) == QLatin1Char('X');
        const uint code = hex ? body.mid(2).toUInt(&ok, 16) : body.mid(1).toUInt(&ok, 10);
        if (!ok)
            return false;
        const char32_t point = (code == 0 || code > 0x10ffff) ? char32_t(0xfffd) : char32_t(code);
        *decoded = QString::fromUcs4(&point, 1);
    } else if (const auto found = named.constFind(body); found != named.constEnd()) {
        *decoded = QString(*found);
    } else {
        return false;
    }
    *consumed = (terminated ? j + 1 : j) - i;
    return true;
}

// Text is rebuilt character by character: known references are decoded and re-escaped, other
// well-formed named references ("&eacute;") pass as they are (they cannot open markup), and any
// other '&' becomes "&amp;".
QString escapeText(const QString &raw)
{
    QString out;
    out.reserve(raw.size() + 8);
    qsizetype i = 0;
    while (i < raw.size()) {
        const QChar c = raw.at(i);
        if (c == QLatin1Char('&')) {
            QString decoded;
            qsizetype consumed = 0;
            if (decodeEntityAt(raw, i, &decoded, &consumed)) {
                out += decoded.toHtmlEscaped();
                i += consumed;
                continue;
            }
            qsizetype j = i + 1;
            while (j < raw.size() && j - i <= 32 && raw.at(j).isLetterOrNumber() && raw.at(j).unicode() < 128)
                ++j;
            if (j > i + 1 && j < raw.size() && raw.at(j) == QLatin1Char(';') && raw.at(i + 1).isLetter()) {
                out += raw.mid(i, j + 1 - i);
                i = j + 1;
                continue;
            }
            out += QStringLiteral("&amp;");
        } else if (c == QLatin1Char('>')) {
            out += QStringLiteral("&gt;");
        } else if (c == QLatin1Char('"')) {
            out += QStringLiteral("&quot;");
        } else {
            out += c;
        }
        ++i;
    }
    return out;
}

class Sanitizer
{
public:
    Sanitizer(const QString &input, const HtmlSanitizer::Options &options)
        : m_in(input)
        , m_options(options)
    {
    }

    SanitizedHtml run()
    {
        m_result.html.reserve(m_in.size());
        while (m_pos < m_in.size()) {
            const QChar c = m_in.at(m_pos);
            if (c == QLatin1Char('<'))
                readMarkup();
            else
                readText();
        }
        closeLink();
        while (!m_open.isEmpty())
            emitClose(m_open.takeLast());
        return std::move(m_result);
    }

private:
    void readText()
    {
        const qsizetype start = m_pos;
        while (m_pos < m_in.size() && m_in.at(m_pos) != QLatin1Char('<'))
            ++m_pos;
        if (m_skipDepth > 0)
            return;
        const QString raw = m_in.mid(start, m_pos - start);
        if (m_inLink)
            m_linkText += HtmlSanitizer::decodeEntities(raw);
        m_result.html += escapeText(raw);
    }

    void readMarkup()
    {
        const qsizetype start = m_pos;
        if (m_in.mid(m_pos, 4) == QLatin1String("<!--")) {
            const qsizetype end = m_in.indexOf(QLatin1String("-->"), m_pos + 4);
            m_pos = end < 0 ? m_in.size() : end + 3;
            return;
        }
        const QChar next = m_pos + 1 < m_in.size() ? m_in.at(m_pos + 1) : QChar();
        if (next == QLatin1Char('!') || next == QLatin1Char('?')) { // doctype, CDATA, processing instruction
            const qsizetype end = m_in.indexOf(QLatin1Char('>'), m_pos);
            m_pos = end < 0 ? m_in.size() : end + 1;
            return;
        }
        const bool closing = next == QLatin1Char('/');
        qsizetype p = m_pos + (closing ? 2 : 1);
        if (p >= m_in.size() || !m_in.at(p).isLetter()) {
            // Not a tag ("a < b"): a literal character.
            ++m_pos;
            if (m_skipDepth == 0) {
                if (m_inLink)
                    m_linkText += QLatin1Char('<');
                m_result.html += QStringLiteral("&lt;");
            }
            return;
        }
        const qsizetype nameStart = p;
        while (p < m_in.size() && !m_in.at(p).isSpace() && m_in.at(p) != QLatin1Char('>') && m_in.at(p) != QLatin1Char('/'))
            ++p;
        const QString name = m_in.mid(nameStart, p - nameStart).toLower();
        Attributes attributes;
        bool complete = false;
        while (p < m_in.size()) {
            const QChar ch = m_in.at(p);
            if (ch == QLatin1Char('>')) {
                complete = true;
                ++p;
                break;
            }
            if (ch.isSpace() || ch == QLatin1Char('/')) {
                ++p;
                continue;
            }
            const qsizetype attrStart = p;
            while (p < m_in.size() && !m_in.at(p).isSpace() && m_in.at(p) != QLatin1Char('=')
                   && m_in.at(p) != QLatin1Char('>') && m_in.at(p) != QLatin1Char('/'))
                ++p;
            const QString attrName = m_in.mid(attrStart, p - attrStart).toLower();
            while (p < m_in.size() && m_in.at(p).isSpace())
                ++p;
            QString value;
            if (p < m_in.size() && m_in.at(p) == QLatin1Char('=')) {
                ++p;
                while (p < m_in.size() && m_in.at(p).isSpace())
                    ++p;
                if (p < m_in.size() && (m_in.at(p) == QLatin1Char('"') || m_in.at(p) == QLatin1Char('\''))) {
                    const QChar quote = m_in.at(p);
                    const qsizetype end = m_in.indexOf(quote, p + 1);
                    if (end < 0) {
                        p = m_in.size();
                        break;
                    }
                    value = m_in.mid(p + 1, end - p - 1);
                    p = end + 1;
                } else {
                    const qsizetype valueStart = p;
                    while (p < m_in.size() && !m_in.at(p).isSpace() && m_in.at(p) != QLatin1Char('>'))
                        ++p;
                    value = m_in.mid(valueStart, p - valueStart);
                }
            }
            if (!attrName.isEmpty())
                attributes.append({attrName, HtmlSanitizer::decodeEntities(value)});
        }
        m_pos = p;
        if (!complete) {
            // A tag cut off at the end of the document: nothing after '<' is trusted.
            Q_UNUSED(start);
            return;
        }
        if (closing)
            endTag(name);
        else
            startTag(name, attributes);
    }

    void skipRawText(const QString &name)
    {
        const QString closer = QStringLiteral("</") + name;
        const qsizetype end = m_in.indexOf(closer, m_pos, Qt::CaseInsensitive);
        if (end < 0) {
            m_pos = m_in.size();
            return;
        }
        const qsizetype gt = m_in.indexOf(QLatin1Char('>'), end);
        m_pos = gt < 0 ? m_in.size() : gt + 1;
    }

    void startTag(const QString &name, const Attributes &attributes)
    {
        if (droppedWithContent().contains(name)) {
            if (m_skipDepth == 0)
                ++m_result.removedElements;
            if (isRawText(name)) {
                skipRawText(name);
            } else {
                m_skipStack.append(name);
                ++m_skipDepth;
            }
            return;
        }
        if (m_skipDepth > 0)
            return;
        if (droppedTagsOnly().contains(name)) {
            ++m_result.removedElements;
            return;
        }
        if (!allowedTags().contains(name))
            return; // html, body, unknown: the tag goes, its text stays
        if (name == QLatin1String("img")) {
            image(attributes);
            return;
        }
        if (name == QLatin1String("a")) {
            openLink(attributes);
            return;
        }
        m_result.html += QLatin1Char('<') + name + safeAttributes(attributes) + QLatin1Char('>');
        if (!isVoid(name))
            m_open.append(name);
    }

    void endTag(const QString &name)
    {
        if (m_skipDepth > 0) {
            const qsizetype at = m_skipStack.lastIndexOf(name);
            if (at >= 0) {
                m_skipDepth -= int(m_skipStack.size() - at);
                m_skipStack.resize(at);
            }
            return;
        }
        if (name == QLatin1String("a")) {
            closeLink();
            return;
        }
        const qsizetype at = m_open.lastIndexOf(name);
        if (at < 0)
            return; // a stray end tag closes nothing it did not open
        while (m_open.size() > at)
            emitClose(m_open.takeLast());
    }

    void emitClose(const QString &name)
    {
        m_result.html += QStringLiteral("</") + name + QLatin1Char('>');
    }

    QString safeAttributes(const Attributes &attributes) const
    {
        QString out;
        for (const auto &[name, value] : attributes) {
            if (!allowedAttributes().contains(name))
                continue; // on*, href/src elsewhere, id, class, data-*, formaction ...
            if (name == QLatin1String("style") && !isSafeStyle(value))
                continue;
            out += QLatin1Char(' ') + name + QStringLiteral("=\"") + value.toHtmlEscaped() + QLatin1Char('"');
        }
        return out;
    }

    void image(const Attributes &attributes)
    {
        const QString src = attributeValue(attributes, QLatin1String("src")).trimmed();
        const QString scheme = HtmlSanitizer::schemeOf(src);
        const QString alt = attributeValue(attributes, QLatin1String("alt"));
        if (scheme == QLatin1String("http") || scheme == QLatin1String("https")) {
            const QString host = hostOf(src);
            if (!m_result.blockedHosts.contains(host))
                m_result.blockedHosts.append(host);
            if (isTinyOrHidden(attributes)) {
                ++m_result.trackers; // invisible by design: there is nothing to show, only a visit to report
                return;
            }
            if (!m_options.allowRemoteImages) {
                ++m_result.blockedImages;
                m_result.html += QStringLiteral("<span title=\"") + src.toHtmlEscaped() + QStringLiteral("\">[")
                    + (alt.isEmpty() ? QStringLiteral("image: %1").arg(host) : QStringLiteral("image: %1 · %2").arg(alt, host)).toHtmlEscaped()
                    + QStringLiteral("]</span>");
                return;
            }
            m_result.blockedHosts.removeAll(host);
            m_result.html += QStringLiteral("<img src=\"") + src.toHtmlEscaped() + QLatin1Char('"')
                + safeAttributes(attributes) + QLatin1Char('>');
            return;
        }
        if (scheme == QLatin1String("data")) {
            // Inline raster images fetch nothing; SVG can carry script, so it never passes.
            const QString lower = src.left(32).toLower();
            const bool raster = lower.startsWith(QLatin1String("data:image/png")) || lower.startsWith(QLatin1String("data:image/gif"))
                || lower.startsWith(QLatin1String("data:image/jpeg")) || lower.startsWith(QLatin1String("data:image/webp"));
            if (raster) {
                m_result.html += QStringLiteral("<img src=\"") + src.toHtmlEscaped() + QLatin1Char('"')
                    + safeAttributes(attributes) + QLatin1Char('>');
                return;
            }
        }
        ++m_result.removedElements;
        m_result.html += QStringLiteral("[") + (alt.isEmpty() ? QStringLiteral("image") : QStringLiteral("image: %1").arg(alt)).toHtmlEscaped()
            + QStringLiteral("]");
    }

    void openLink(const Attributes &attributes)
    {
        closeLink(); // <a> does not nest
        m_inLink = true;
        m_linkText.clear();
        m_linkTarget = attributeValue(attributes, QLatin1String("href")).trimmed();
        const QString scheme = HtmlSanitizer::schemeOf(m_linkTarget);
        m_linkSafe = scheme == QLatin1String("http") || scheme == QLatin1String("https") || scheme == QLatin1String("mailto");
        if (m_linkSafe) {
            m_result.html += QStringLiteral("<a href=\"") + m_linkTarget.toHtmlEscaped() + QStringLiteral("\" title=\"")
                + m_linkTarget.toHtmlEscaped() + QStringLiteral("\">");
        } else {
            // Kept as text, so the agent still reads what the sender wrote, but nothing to click.
            m_result.html += QStringLiteral("<span title=\"")
                + (m_linkTarget.isEmpty() ? QString() : QStringLiteral("blocked link: ") + displayTarget(m_linkTarget)).toHtmlEscaped()
                + QStringLiteral("\">");
        }
    }

    void closeLink()
    {
        if (!m_inLink)
            return;
        m_inLink = false;
        SanitizedLink link;
        link.text = m_linkText.simplified();
        link.target = m_linkTarget;
        link.safe = m_linkSafe;
        const QString claimed = claimedHost(link.text);
        link.mismatch = !claimed.isEmpty() && link.safe && claimed != QUrl(link.target).host().toLower();
        if (!m_linkTarget.isEmpty())
            m_result.links.append(link);
        m_result.html += m_linkSafe ? QStringLiteral("</a>") : QStringLiteral("</span>");
        if (!m_options.showLinkTargets || m_linkTarget.isEmpty())
            return;
        QString shown = link.target;
        if (shown.startsWith(QLatin1String("mailto:"), Qt::CaseInsensitive))
            shown = shown.mid(7);
        if (link.text == shown || link.text == link.target)
            return;
        m_result.html += QStringLiteral(" <small>(") + (link.safe ? QString() : QStringLiteral("blocked: "))
            + displayTarget(link.target).toHtmlEscaped() + QStringLiteral(")</small>");
    }

    const QString &m_in;
    HtmlSanitizer::Options m_options;
    SanitizedHtml m_result;
    qsizetype m_pos = 0;
    QStringList m_open;
    QStringList m_skipStack;
    int m_skipDepth = 0;
    bool m_inLink = false;
    bool m_linkSafe = false;
    QString m_linkText;
    QString m_linkTarget;
};

} // namespace

SanitizedHtml HtmlSanitizer::sanitize(const QString &html, const Options &options)
{
    return Sanitizer(html, options).run();
}

QString HtmlSanitizer::decodeEntities(const QString &text)
{
    if (!text.contains(QLatin1Char('&')))
        return text;
    QString out;
    out.reserve(text.size());
    qsizetype i = 0;
    while (i < text.size()) {
        QString decoded;
        qsizetype consumed = 0;
        if (text.at(i) == QLatin1Char('&') && decodeEntityAt(text, i, &decoded, &consumed)) {
            out += decoded;
            i += consumed;
        } else {
            out += text.at(i);
            ++i;
        }
    }
    return out;
}

QString HtmlSanitizer::schemeOf(const QString &url)
{
    QString compact;
    compact.reserve(url.size());
    for (const QChar c : url) {
        // Browsers ignore tabs, newlines and other controls inside a scheme ("java\tscript:").
        if (c.unicode() > 0x20 && c.unicode() != 0x7f)
            compact += c;
    }
    const qsizetype colon = compact.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        return {};
    const QString scheme = compact.left(colon);
    for (const QChar c : scheme) {
        if (!(c.isLetterOrNumber() || c == QLatin1Char('+') || c == QLatin1Char('-') || c == QLatin1Char('.')))
            return {}; // a ':' after '/', '?' or '#': a relative reference
    }
    return scheme.toLower();
}

} // namespace Counterpart::Compose
