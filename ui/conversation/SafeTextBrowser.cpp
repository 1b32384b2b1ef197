#include "SafeTextBrowser.h"

namespace Counterpart::Ui {

SafeTextBrowser::SafeTextBrowser(QWidget *parent)
    : QTextBrowser(parent)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
}

QVariant SafeTextBrowser::loadResource(int type, const QUrl &name)
{
    m_requested.append(name);
    const QString scheme = name.scheme().toLower();
    if (scheme == QLatin1String("data"))
        return QTextBrowser::loadResource(type, name); // inline data: nothing leaves the machine
    if (m_remoteAllowed && (scheme == QLatin1String("http") || scheme == QLatin1String("https"))) {
        const auto found = m_images.constFind(name);
        if (found != m_images.constEnd())
            return *found;
        emit remoteResourceWanted(name);
    }
    return {};
}

} // namespace Counterpart::Ui
