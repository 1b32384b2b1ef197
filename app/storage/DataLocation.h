#pragma once

#include <QString>
#include <QStringList>

namespace Counterpart::Storage {

/**
 * Where a profile's files live. Precedence: `--data-dir DIR`, then COUNTERPART_DATA_DIR, then
 * QStandardPaths::AppDataLocation. Tests and several profiles never share a folder by accident.
 */
class DataLocation
{
public:
    static QString resolve(const QStringList &arguments);
    /** Value of `--data-dir DIR` or `--data-dir=DIR`, empty when absent. */
    static QString fromArguments(const QStringList &arguments);

    explicit DataLocation(const QString &directory);
    QString directory() const { return m_directory; }
    QString cachePath() const;
    QString workspacePath() const;
    /** Creates the folder; false with a reason when it cannot. */
    bool ensureExists(QString *error = nullptr) const;

private:
    QString m_directory;
};

} // namespace Counterpart::Storage
