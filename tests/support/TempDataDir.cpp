#include "TempDataDir.h"

#include <QDir>
#include <QFile>

namespace Counterpart::Testing {

TempDataDir::TempDataDir()
    : m_dir(QDir::tempPath() + QStringLiteral("/counterpart-test-XXXXXX"))
{
}

QStringList TempDataDir::entries() const
{
    return QDir(m_dir.path()).entryList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden,
                                        QDir::Name);
}

QByteArray TempDataDir::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    return file.readAll();
}

bool TempDataDir::writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

} // namespace Counterpart::Testing
