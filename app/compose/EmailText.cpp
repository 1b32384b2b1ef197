#include "EmailText.h"

#include "HtmlSanitizer.h"

#include <QRegularExpression>
#include <QStringList>

namespace Counterpart::Compose {

namespace {

const QRegularExpression &headerPattern()
{
    // Anchored at both ends so a sentence that merely mentions "wrote" never folds the message.
    static const QRegularExpression pattern(
        QStringLiteral("^(?:"
                       "On\\s.{1,200}\\swrote\\s*:?"            // Gmail, Apple Mail, Thunderbird
                       "|.{0,120}\\s*于\\s*.{1,120}写道\\s*[:：]?" // zh-Hans clients: "张伟 于 2026年3月3日 写道："
                       "|在\\s*.{1,160}写道\\s*[:：]?"           // "在 2026年3月3日，张伟 写道："
                       "|.{0,120}\\s*於\\s*.{1,120}寫道\\s*[:：]?" // zh-Hant
                       "|在\\s*.{1,160}寫道\\s*[:：]?"
                       "|Στις\\s.{1,200}\\s*έγραψε\\s*:?"       // Greek
                       "|-{2,}\\s*(?:Original Message|原始邮件|原始郵件|Αρχικό μήνυμα)\\s*-{2,}"
                       ")$"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    return pattern;
}

const QRegularExpression &outlookFromPattern()
{
    static const QRegularExpression pattern(QStringLiteral("^(?:From|发件人|寄件者|寄件人|Από)\\s*[:：]"),
                                            QRegularExpression::CaseInsensitiveOption);
    return pattern;
}

int countLines(const QString &text)
{
    int lines = 0;
    for (const auto &line : QStringView(text).split(QLatin1Char('\n'))) {
        if (!line.trimmed().isEmpty())
            ++lines;
    }
    return lines;
}

QString joinLines(const QStringList &lines, qsizetype from, qsizetype to)
{
    return lines.mid(from, to - from).join(QLatin1Char('\n')).trimmed();
}

QString stripQuoteMarks(const QString &text)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString &line : lines) {
        qsizetype i = 0;
        while (i < line.size() && (line.at(i) == QLatin1Char('>') || line.at(i) == QLatin1Char(' ')))
            ++i;
        line = line.mid(i);
    }
    return lines.join(QLatin1Char('\n')).trimmed();
}

} // namespace

bool EmailText::isQuoteHeader(const QString &line)
{
    const QString trimmed = line.trimmed();
    return !trimmed.isEmpty() && trimmed.size() < 400 && headerPattern().match(trimmed).hasMatch();
}

EmailParts EmailText::split(const QString &plainText)
{
    EmailParts parts;
    const QStringList lines = QString(plainText).replace(QStringLiteral("\r\n"), QStringLiteral("\n")).split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        if (isQuoteHeader(line)) {
            parts.quoteHeader = line;
            parts.quoted = stripQuoteMarks(joinLines(lines, i + 1, lines.size()));
        } else if (i + 1 < lines.size() && isQuoteHeader(line + QLatin1Char(' ') + lines.at(i + 1).trimmed())) {
            // "On Tue, 3 Mar 2026 at 10:02, Ana Souza <ana@example.com>" / "wrote:" wrapped by the client.
            parts.quoteHeader = line + QLatin1Char(' ') + lines.at(i + 1).trimmed();
            parts.quoted = stripQuoteMarks(joinLines(lines, i + 2, lines.size()));
        } else if (line.startsWith(QLatin1Char('>'))) {
            parts.quoted = stripQuoteMarks(joinLines(lines, i, lines.size()));
        } else if (line.size() >= 8 && line.count(QLatin1Char('_')) == line.size() && i + 1 < lines.size()
                   && outlookFromPattern().match(lines.at(i + 1).trimmed()).hasMatch()) {
            parts.quoteHeader = lines.at(i + 1).trimmed();
            parts.quoted = joinLines(lines, i + 2, lines.size());
        } else {
            continue;
        }
        parts.text = joinLines(lines, 0, i);
        parts.quotedLines = countLines(parts.quoted);
        return parts;
    }
    parts.text = plainText.trimmed();
    return parts;
}

EmailParts EmailText::splitHtml(const QString &html)
{
    qsizetype cut = html.indexOf(QLatin1String("<blockquote"), 0, Qt::CaseInsensitive);
    const qsizetype gmail = html.indexOf(QLatin1String("gmail_quote"), 0, Qt::CaseInsensitive);
    if (gmail >= 0 && (cut < 0 || gmail < cut)) {
        const qsizetype open = html.lastIndexOf(QLatin1Char('<'), gmail);
        cut = open >= 0 ? open : gmail;
    }
    if (cut < 0)
        return split(htmlToPlain(html));
    EmailParts parts = split(htmlToPlain(html.left(cut)));
    const EmailParts rest = split(htmlToPlain(html.mid(cut)));
    if (parts.hasQuote()) {
        // The attribution line sat above the blockquote, in the new part's markup.
        parts.quoted = parts.quoted.isEmpty() ? rest.text : parts.quoted + QLatin1Char('\n') + rest.text;
    } else if (!rest.quoteHeader.isEmpty() && rest.text.isEmpty()) {
        parts.quoteHeader = rest.quoteHeader;
        parts.quoted = rest.quoted;
    } else {
        const QString plainRest = htmlToPlain(html.mid(cut));
        const QStringList lines = plainRest.split(QLatin1Char('\n'));
        if (!lines.isEmpty() && isQuoteHeader(lines.constFirst())) {
            parts.quoteHeader = lines.constFirst().trimmed();
            parts.quoted = joinLines(lines, 1, lines.size());
        } else {
            parts.quoted = plainRest;
        }
    }
    parts.quotedLines = countLines(parts.quoted);
    return parts;
}

QString EmailText::htmlToPlain(const QString &html)
{
    QString out;
    out.reserve(html.size());
    qsizetype i = 0;
    while (i < html.size()) {
        const QChar c = html.at(i);
        if (c != QLatin1Char('<')) {
            const qsizetype next = html.indexOf(QLatin1Char('<'), i);
            const qsizetype end = next < 0 ? html.size() : next;
            out += HtmlSanitizer::decodeEntities(html.mid(i, end - i)).replace(QChar(0xa0), QLatin1Char(' '));
            i = end;
            continue;
        }
        const qsizetype close = html.indexOf(QLatin1Char('>'), i);
        if (close < 0)
            break;
        QString tag = html.mid(i + 1, close - i - 1).trimmed().toLower();
        const bool ending = tag.startsWith(QLatin1Char('/'));
        if (ending)
            tag.remove(0, 1);
        qsizetype nameEnd = 0;
        while (nameEnd < tag.size() && tag.at(nameEnd).isLetterOrNumber())
            ++nameEnd;
        const QString name = tag.left(nameEnd);
        i = close + 1;
        if (!ending && (name == QLatin1String("script") || name == QLatin1String("style"))) {
            const qsizetype endTag = html.indexOf(QStringLiteral("</") + name, i, Qt::CaseInsensitive);
            i = endTag < 0 ? html.size() : endTag;
            continue;
        }
        if (name == QLatin1String("br") || name == QLatin1String("p") || name == QLatin1String("div")
            || name == QLatin1String("blockquote") || name == QLatin1String("tr") || name == QLatin1String("li")
            || (name.size() == 2 && name.at(0) == QLatin1Char('h') && name.at(1).isDigit())) {
            if (!out.endsWith(QLatin1Char('\n')))
                out += QLatin1Char('\n');
            if (name == QLatin1String("p") && ending)
                out += QLatin1Char('\n');
        }
    }
    // Collapse the runs of blank lines nested blocks leave behind.
    static const QRegularExpression blankRuns(QStringLiteral("\\n[ \\t]*\\n(?:[ \\t]*\\n)+"));
    out.replace(blankRuns, QStringLiteral("\n\n"));
    return out.trimmed();
}

} // namespace Counterpart::Compose
