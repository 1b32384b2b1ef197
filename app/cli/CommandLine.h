#pragma once

#include <QString>
#include <QStringList>
#include <QTextStream>

namespace Counterpart::Cli {

/** stdout and stderr as UTF-8 text streams, shared by every command. */
QTextStream &out();
QTextStream &err();

/**
 * The value after `--name` (or of `--name=value`) in `arguments`, removing both words so what
 * remains are the positional arguments; `fallback` when absent.
 */
QString takeOption(QStringList &arguments, const QString &name, const QString &fallback = QString());
/** Removes `--name` and says whether it was there. */
bool takeFlag(QStringList &arguments, const QString &name);

} // namespace Counterpart::Cli
