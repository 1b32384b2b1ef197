#include "DemoEmail.h"

#include <QStringList>

namespace Counterpart::Connectors::Demo {

namespace {

void appendParagraphs(QString &out, const QString &text)
{
    const QStringList paragraphs = text.split(QStringLiteral("\n\n"), Qt::SkipEmptyParts);
    for (const QString &paragraph : paragraphs) {
        out += QStringLiteral("<p>");
        out += paragraph.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
        out += QStringLiteral("</p>");
    }
}

} // namespace

QString DemoEmail::html(const Parts &parts)
{
    QString out;
    out.reserve(parts.text.size() * 2 + parts.quoted.size() * 2 + 200);
    out += QStringLiteral("<div dir=\"auto\">");
    appendParagraphs(out, parts.text);
    if (!parts.link.isEmpty()) {
        out += QStringLiteral("<p><a href=\"") + parts.link.toHtmlEscaped()
            + QStringLiteral("\" target=\"_blank\">") + parts.link.toHtmlEscaped()
            + QStringLiteral("</a></p>");
    }
    out += QStringLiteral("</div>");
    if (!parts.quoteHeader.isEmpty()) {
        out += QStringLiteral("<div class=\"gmail_quote\"><div class=\"gmail_attr\">")
            + parts.quoteHeader.toHtmlEscaped()
            + QStringLiteral("</div><blockquote style=\"margin:0 0 0 .8ex;border-left:1px solid"
                             " #ccc;padding-left:1ex\">");
        appendParagraphs(out, parts.quoted);
        out += QStringLiteral("</blockquote></div>");
    }
    if (parts.trackingPixel)
        out += QStringLiteral("<img src=\"https://tracker.example/pixel.gif\" width=\"1\""
                              " height=\"1\" alt=\"\" style=\"display:none\">");
    return out;
}

} // namespace Counterpart::Connectors::Demo
