#include "TemplateEngine.h"

namespace Counterpart::Compose {

namespace {

const QLatin1String askPrefix("ask:");

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('.')
        || c == QLatin1Char('-');
}

bool isValidName(QStringView name)
{
    if (name.isEmpty() || name.startsWith(QLatin1Char('.')) || name.endsWith(QLatin1Char('.')))
        return false;
    for (const QChar c : name) {
        if (!isNameChar(c))
            return false;
    }
    return true;
}

QString placeholderKey(const Placeholder &p)
{
    return p.kind == Placeholder::Kind::Prompt ? QString(askPrefix + p.name) : p.name;
}

} // namespace

QStringList TemplateEngine::knownVariables()
{
    return {QStringLiteral("contact.name"),       QStringLiteral("contact.first_name"),
            QStringLiteral("contact.last_name"),  QStringLiteral("contact.email"),
            QStringLiteral("contact.phone"),      QStringLiteral("contact.company"),
            QStringLiteral("contact.location"),   QStringLiteral("agent.name"),
            QStringLiteral("agent.first_name"),   QStringLiteral("agent.last_name"),
            QStringLiteral("agent.email"),        QStringLiteral("conversation.id"),
            QStringLiteral("conversation.subject"), QStringLiteral("inbox.name")};
}

bool TemplateEngine::isKnownVariable(const QString &name)
{
    for (const QLatin1String prefix :
         {QLatin1String("contact.custom."), QLatin1String("conversation.custom.")}) {
        if (name.startsWith(prefix) && name.size() > prefix.size())
            return true;
    }
    static const QStringList known = knownVariables();
    return known.contains(name);
}

QList<Placeholder> TemplateEngine::parse(const QString &source)
{
    QList<Placeholder> result;
    qsizetype from = 0;
    while (true) {
        const qsizetype open = source.indexOf(QLatin1String("{{"), from);
        if (open < 0)
            break;
        const qsizetype close = source.indexOf(QLatin1String("}}"), open + 2);
        if (close < 0)
            break;
        const QStringView inner = QStringView(source).mid(open + 2, close - open - 2);
        // "{{{{x}}" must still find "{{x}}": restart after a nested opening.
        const qsizetype nested = inner.indexOf(QLatin1String("{{"));
        if (nested >= 0) {
            from = open + 2 + nested;
            continue;
        }
        from = close + 2;

        Placeholder p;
        p.start = open;
        p.length = close + 2 - open;
        const qsizetype bar = inner.indexOf(QLatin1Char('|'));
        QStringView head = (bar < 0 ? inner : inner.left(bar)).trimmed();
        if (bar >= 0) {
            p.hasFallback = true;
            p.fallback = inner.mid(bar + 1).trimmed().toString();
        }
        if (head.startsWith(askPrefix, Qt::CaseInsensitive)) {
            p.kind = Placeholder::Kind::Prompt;
            p.name = head.mid(askPrefix.size()).trimmed().toString();
            if (p.name.isEmpty())
                continue;
        } else {
            if (!isValidName(head))
                continue;
            p.name = head.toString();
        }
        result.append(p);
    }
    return result;
}

QStringList TemplateEngine::promptedFields(const QString &source)
{
    QStringList labels;
    for (const Placeholder &p : parse(source)) {
        if (p.kind == Placeholder::Kind::Prompt && !labels.contains(p.name))
            labels.append(p.name);
    }
    return labels;
}

RenderResult TemplateEngine::render(const QString &source, const TemplateContext &context)
{
    RenderResult result;
    const QList<Placeholder> placeholders = parse(source);
    result.text.reserve(source.size() + 64);
    qsizetype copied = 0;
    for (const Placeholder &p : placeholders) {
        result.text += QStringView(source).mid(copied, p.start - copied);
        copied = p.start + p.length;

        RenderedSpan span;
        span.name = placeholderKey(p);
        QString value;
        if (p.kind == Placeholder::Kind::Prompt) {
            if (!result.prompts.contains(p.name))
                result.prompts.append(p.name);
            value = context.answers.value(p.name);
            span.fill = RenderedSpan::Fill::Answer;
        } else {
            if (!isKnownVariable(p.name) && !result.unknown.contains(p.name))
                result.unknown.append(p.name);
            value = context.values.value(p.name);
            span.fill = RenderedSpan::Fill::Value;
        }
        if (value.trimmed().isEmpty()) {
            if (p.hasFallback) {
                value = p.fallback;
                span.fill = RenderedSpan::Fill::Fallback;
            } else {
                value = source.mid(p.start, p.length);
                span.fill = RenderedSpan::Fill::Undefined;
                if (!result.undefined.contains(span.name))
                    result.undefined.append(span.name);
            }
        }
        span.start = result.text.size();
        span.length = value.size();
        result.text += value;
        result.spans.append(span);
    }
    result.text += QStringView(source).mid(copied);
    return result;
}

QStringList TemplateEngine::unresolvedIn(const QString &draft)
{
    QStringList names;
    for (const Placeholder &p : parse(draft)) {
        const QString key = placeholderKey(p);
        if (!names.contains(key))
            names.append(key);
    }
    return names;
}

} // namespace Counterpart::Compose
