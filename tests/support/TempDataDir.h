#pragma once

#include "storage/DataLocation.h"

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

namespace Counterpart::Testing {

/**
 * A fresh, empty data folder per test, removed afterwards: where cache.sqlite and
 * workspace.sqlite of one profile live. Keep one per test function so no state leaks between them.
 */
class TempDataDir
{
public:
    TempDataDir();

    bool isValid() const { return m_dir.isValid(); }
    QString path() const { return m_dir.path(); }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }
    Storage::DataLocation location() const { return Storage::DataLocation(m_dir.path()); }
    QString cachePath() const { return location().cachePath(); }
    QString workspacePath() const { return location().workspacePath(); }

    /** Every entry of the folder, sorted, for asserting what was created or moved aside. */
    QStringList entries() const;

    /** The file's bytes, or a null QByteArray when it cannot be read. */
    static QByteArray readFile(const QString &path);
    static bool writeFile(const QString &path, const QByteArray &bytes);

private:
    QTemporaryDir m_dir;
};

} // namespace Counterpart::Testing
