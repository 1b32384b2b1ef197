#pragma once

#include <QString>
#include <QStringList>

namespace Counterpart::Compose {

/**
 * The languages that have tone rule packs, LATTE cues and starter templates: "en", "zh-Hans",
 * "zh-Hant", "el". Everything else in the composer is keyed by one of these codes.
 */
class ComposeLanguage
{
public:
    static QStringList supported();

    /**
     * Maps a contact's BCP 47 tag to a supported code: zh-TW, zh-HK, zh-MO and zh-Hant-* become
     * zh-Hant; zh, zh-CN, zh-SG and zh-Hans-* become zh-Hans; el-* becomes el; anything else en.
     */
    static QString resolve(const QString &tag);

    /** Supported codes to try, best first, when a template lacks the wanted language. */
    static QStringList fallbackChain(const QString &code);

    static bool isChinese(const QString &code);
};

} // namespace Counterpart::Compose
