#include "Template.h"

#include "ComposeLanguage.h"

namespace Counterpart::Compose {

TemplateForm Template::formFor(Domain::ChannelKind channel)
{
    switch (channel) {
    case Domain::ChannelKind::Email:
        return TemplateForm::Full;
    case Domain::ChannelKind::WebChat:
    case Domain::ChannelKind::WhatsApp:
    case Domain::ChannelKind::Sms:
    case Domain::ChannelKind::Facebook:
    case Domain::ChannelKind::Instagram:
    case Domain::ChannelKind::Telegram:
        return TemplateForm::Short;
    case Domain::ChannelKind::Phone:
    case Domain::ChannelKind::Api:
        break;
    }
    return TemplateForm::Full;
}

const TemplateVariant *Template::pick(const QString &contactLanguage,
                                      Domain::ChannelKind channel) const
{
    if (variants.isEmpty())
        return nullptr;

    QString language;
    const QStringList present = languages();
    const QStringList chain = ComposeLanguage::fallbackChain(contactLanguage);
    for (const QString &candidate : chain) {
        if (present.contains(candidate)) {
            language = candidate;
            break;
        }
    }
    if (language.isEmpty())
        language = variants.first().language;

    const TemplateForm wanted = formFor(channel);
    const TemplateForm other = wanted == TemplateForm::Short ? TemplateForm::Full
                                                             : TemplateForm::Short;
    for (const TemplateForm form : {wanted, TemplateForm::Any, other}) {
        for (const TemplateVariant &variant : variants) {
            if (variant.language == language && variant.form == form)
                return &variant;
        }
    }
    return &variants.first();
}

QStringList Template::languages() const
{
    QStringList result;
    for (const TemplateVariant &variant : variants) {
        if (!result.contains(variant.language))
            result.append(variant.language);
    }
    return result;
}

QString Template::scopeKey(TemplateScope scope)
{
    return scope == TemplateScope::Shared ? QStringLiteral("shared") : QStringLiteral("mine");
}

TemplateScope Template::scopeFromKey(const QString &key)
{
    return key == QLatin1String("shared") ? TemplateScope::Shared : TemplateScope::Mine;
}

QString Template::formKey(TemplateForm form)
{
    switch (form) {
    case TemplateForm::Short:
        return QStringLiteral("short");
    case TemplateForm::Full:
        return QStringLiteral("full");
    case TemplateForm::Any:
        break;
    }
    return QStringLiteral("any");
}

TemplateForm Template::formFromKey(const QString &key)
{
    if (key == QLatin1String("short"))
        return TemplateForm::Short;
    if (key == QLatin1String("full"))
        return TemplateForm::Full;
    return TemplateForm::Any;
}

} // namespace Counterpart::Compose
