#include "Translations.h"

#include <QCoreApplication>
#include <QTranslator>

namespace Counterpart {

void installTranslations(QCoreApplication &app)
{
    auto *english = new QTranslator(&app);
    if (english->load(QStringLiteral(":/i18n/counterpart_en.qm")))
        QCoreApplication::installTranslator(english);
    else
        delete english; // a build without translations still runs, with "(s)" texts
}

} // namespace Counterpart
