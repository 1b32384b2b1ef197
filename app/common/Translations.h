#pragma once

class QCoreApplication;

namespace Counterpart {

/**
 * Installs the compiled translations embedded under :/i18n. Today that is English only, for its
 * plural forms: Qt picks "%n change" or "%n changes" from it instead of showing "change(s)".
 */
void installTranslations(QCoreApplication &app);

} // namespace Counterpart
