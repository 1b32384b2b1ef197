#include "ComposeLanguage.h"

namespace Counterpart::Compose {

QStringList ComposeLanguage::supported()
{
    return {QStringLiteral("en"), QStringLiteral("zh-Hans"), QStringLiteral("zh-Hant"),
            QStringLiteral("el")};
}

QString ComposeLanguage::resolve(const QString &tag)
{
    const QString t = tag.trimmed().toLower().replace(QLatin1Char('_'), QLatin1Char('-'));
    const QStringList parts = t.split(QLatin1Char('-'), Qt::SkipEmptyParts);
    const QString primary = parts.value(0);
    if (primary == QLatin1String("zh")) {
        // The script subtag wins over the region: zh-Hant-CN is still traditional.
        if (parts.contains(QLatin1String("hant")))
            return QStringLiteral("zh-Hant");
        if (parts.contains(QLatin1String("hans")))
            return QStringLiteral("zh-Hans");
        if (parts.contains(QLatin1String("tw")) || parts.contains(QLatin1String("hk"))
            || parts.contains(QLatin1String("mo")))
            return QStringLiteral("zh-Hant");
        return QStringLiteral("zh-Hans");
    }
    if (primary == QLatin1String("el"))
        return QStringLiteral("el");
    return QStringLiteral("en");
}

QStringList ComposeLanguage::fallbackChain(const QString &code)
{
    const QString resolved = resolve(code);
    QStringList chain{resolved};
    // A reader of one Chinese script reads the other far better than English.
    if (resolved == QLatin1String("zh-Hant"))
        chain.append(QStringLiteral("zh-Hans"));
    else if (resolved == QLatin1String("zh-Hans"))
        chain.append(QStringLiteral("zh-Hant"));
    if (resolved != QLatin1String("en"))
        chain.append(QStringLiteral("en"));
    return chain;
}

bool ComposeLanguage::isChinese(const QString &code) { return code.startsWith(QLatin1String("zh")); }

} // namespace Counterpart::Compose
