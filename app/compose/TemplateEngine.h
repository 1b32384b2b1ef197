#pragma once

#include "TemplateContext.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Counterpart::Compose {

/** One "{{...}}" found in a template text. */
struct Placeholder
{
    enum class Kind { Variable, Prompt };
    Kind kind = Kind::Variable;
    QString name;     ///< "contact.first_name", or the label of "{{ask:Delivery date}}"
    QString fallback; ///< text after "|", used when the value is missing
    bool hasFallback = false;
    qsizetype start = 0; ///< offset of "{{" in the source
    qsizetype length = 0;
};

/** Where a placeholder's text landed in the rendered output, for the live preview. */
struct RenderedSpan
{
    enum class Fill { Value, Fallback, Answer, Undefined };
    qsizetype start = 0;
    qsizetype length = 0;
    QString name;
    Fill fill = Fill::Value;
};

struct RenderResult
{
    QString text;
    /** Variables with neither value nor fallback, and unanswered prompts as "ask:Label". They
     *  stay in the text as "{{...}}" so the pre-send check sees them even after editing. */
    QStringList undefined;
    /** Names that no context ever provides (typos such as "contact.frist_name"). */
    QStringList unknown;
    /** Labels of every prompted field, in order, each once: the form to show before insertion. */
    QStringList prompts;
    QList<RenderedSpan> spans;

    bool isComplete() const { return undefined.isEmpty(); }
};

/**
 * Fills "{{name}}", "{{name|fallback}}" and "{{ask:Label}}" placeholders. Whitespace inside the
 * braces is ignored; anything between braces that is not a valid name stays literal text.
 */
class TemplateEngine
{
public:
    static QList<Placeholder> parse(const QString &source);
    static QStringList promptedFields(const QString &source);
    static RenderResult render(const QString &source, const TemplateContext &context);

    /** Names TemplateContext::fromConversation can provide (custom.* accepted for any key). */
    static bool isKnownVariable(const QString &name);
    static QStringList knownVariables();

    /** Placeholders still present in a draft, as "name" or "ask:Label", each once. */
    static QStringList unresolvedIn(const QString &draft);
};

} // namespace Counterpart::Compose
