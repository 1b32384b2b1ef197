#include "CommandLine.h"

#include <cstdio>

namespace Counterpart::Cli {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

QString takeOption(QStringList &arguments, const QString &name, const QString &fallback)
{
    const QString flag = QStringLiteral("--") + name;
    const QString prefix = flag + QLatin1Char('=');
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        if (arguments.at(i) == flag && i + 1 < arguments.size()) {
            const QString value = arguments.at(i + 1);
            arguments.remove(i, 2);
            return value;
        }
        if (arguments.at(i).startsWith(prefix)) {
            const QString value = arguments.at(i).mid(prefix.size());
            arguments.removeAt(i);
            return value;
        }
    }
    return fallback;
}

bool takeFlag(QStringList &arguments, const QString &name)
{
    return arguments.removeAll(QStringLiteral("--") + name) > 0;
}

} // namespace Counterpart::Cli
