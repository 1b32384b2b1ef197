#include "DataLocation.h"

#include <QDir>
#include <QStandardPaths>

namespace Counterpart::Storage {

QString DataLocation::fromArguments(const QStringList &arguments)
{
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == QLatin1String("--data-dir") && i + 1 < arguments.size())
            return arguments.at(i + 1);
        if (argument.startsWith(QLatin1String("--data-dir=")))
            return argument.mid(11);
    }
    return QString();
}

QString DataLocation::resolve(const QStringList &arguments)
{
    QString directory = fromArguments(arguments);
    if (directory.isEmpty())
        directory = qEnvironmentVariable("COUNTERPART_DATA_DIR");
    if (directory.isEmpty())
        directory = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(directory).absolutePath();
}

DataLocation::DataLocation(const QString &directory)
    : m_directory(QDir(directory).absolutePath())
{
}

QString DataLocation::cachePath() const { return QDir(m_directory).filePath(QStringLiteral("cache.sqlite")); }

QString DataLocation::workspacePath() const
{
    return QDir(m_directory).filePath(QStringLiteral("workspace.sqlite"));
}

bool DataLocation::ensureExists(QString *error) const
{
    if (QDir().mkpath(m_directory))
        return true;
    if (error)
        *error = QStringLiteral("cannot create the data folder %1").arg(m_directory);
    return false;
}

} // namespace Counterpart::Storage
