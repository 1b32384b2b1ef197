#pragma once

#include "LatteStep.h"
#include "domain/Channel.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace Counterpart::Compose {

/** Who sees a template: only its author, or the whole team (shared through export/import). */
enum class TemplateScope { Mine, Shared };

/** Short for chat, SMS and social; full for email. Any when one text suits every channel. */
enum class TemplateForm { Any, Short, Full };

/** One text of a template: a language and a form. The subject is used by email only. */
struct TemplateVariant
{
    QString language; ///< "en", "zh-Hans", "zh-Hant", "el"
    TemplateForm form = TemplateForm::Any;
    QString subject;
    QString body;

    friend bool operator==(const TemplateVariant &, const TemplateVariant &) = default;
};

/**
 * A reply template: one idea ("damaged package") written in several languages and lengths, with
 * the tone it is meant to strike and the LATTE steps it covers.
 */
struct Template
{
    qint64 id = 0;   ///< rowid in workspace.sqlite, 0 before it is stored
    QString uid;     ///< stable across export/import ("starter.damaged-package")
    QString name;
    QString shortcut; ///< typed after "/" in the composer
    QString folder;
    TemplateScope scope = TemplateScope::Mine;
    QString tone;     ///< empathetic, formal, friendly, reassuring, apologetic, concise ...
    QString guidance; ///< a note shown to the agent when the template is inserted
    QList<LatteStep> latteSteps;
    QList<TemplateVariant> variants;
    QDateTime updatedAt;

    /**
     * The variant to insert for a contact language (any BCP 47 tag) and a channel: the language
     * first (exact, then ComposeLanguage::fallbackChain, then any), then the form (exact, Any,
     * the other one). nullptr only when the template has no variants at all.
     */
    const TemplateVariant *pick(const QString &contactLanguage, Domain::ChannelKind channel) const;

    QStringList languages() const;

    static TemplateForm formFor(Domain::ChannelKind channel);
    static QString scopeKey(TemplateScope scope);
    static TemplateScope scopeFromKey(const QString &key);
    static QString formKey(TemplateForm form);
    static TemplateForm formFromKey(const QString &key);

    friend bool operator==(const Template &, const Template &) = default;
};

} // namespace Counterpart::Compose
