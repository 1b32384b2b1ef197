#include "DemoCommand.h"

#include "CommandLine.h"
#include "connectors/demo/DemoGenerator.h"
#include "storage/CacheStore.h"
#include "storage/DataLocation.h"

#include <QElapsedTimer>
#include <QFile>

namespace Counterpart::Cli {

namespace {

int fail(const QString &message, int code = 1)
{
    err() << "counterpart-cli demo: " << message << '\n';
    err().flush();
    return code;
}

} // namespace

int runDemo(const QStringList &arguments)
{
    using Connectors::Demo::DemoGenerator;
    using Connectors::Demo::DemoOptions;

    QStringList rest = arguments;
    const Storage::DataLocation location(Storage::DataLocation::resolve(arguments));
    takeOption(rest, QStringLiteral("data-dir"));

    DemoOptions options;
    bool ok = true;
    options.conversations = takeOption(rest, QStringLiteral("conversations"), QStringLiteral("2000")).toInt(&ok);
    if (!ok || options.conversations < 0)
        return fail(QStringLiteral("--conversations needs a whole number of 0 or more"), 2);
    options.seed = takeOption(rest, QStringLiteral("seed"), QStringLiteral("42")).toULongLong(&ok);
    if (!ok)
        return fail(QStringLiteral("--seed needs a whole number of 0 or more"), 2);
    const QString nowText = takeOption(rest, QStringLiteral("now"));
    if (!nowText.isEmpty()) {
        options.now = QDateTime::fromString(nowText, Qt::ISODate);
        if (!options.now.isValid())
            return fail(QStringLiteral("--now needs a date and time like 2025-03-14T10:00:00Z"), 2);
        if (options.now.timeSpec() == Qt::LocalTime)
            options.now.setTimeSpec(Qt::UTC); // a time without zone is read as UTC, like the rest
    }
    const bool force = takeFlag(rest, QStringLiteral("force"));
    if (!rest.isEmpty())
        return fail(QStringLiteral("unexpected argument: %1").arg(rest.first()), 2);

    QString error;
    if (!location.ensureExists(&error))
        return fail(error);
    const QString path = location.cachePath();
    if (QFile::exists(path)) {
        if (!force)
            return fail(QStringLiteral("%1 already exists; add --force to replace it").arg(path));
        const QStringList files = {path, path + QStringLiteral("-wal"), path + QStringLiteral("-shm")};
        for (const QString &file : files) {
            if (QFile::exists(file) && !QFile::remove(file))
                return fail(QStringLiteral("cannot remove %1").arg(file));
        }
    }

    Storage::CacheStore cache;
    const auto report = cache.open(path);
    if (!report.ok)
        return fail(report.message);

    const DemoGenerator generator(options);
    QElapsedTimer timer;
    timer.start();
    const bool written = generator.writeTo(cache, &error, [](int done, int total) {
        err() << "\r" << done << " / " << total << " conversations";
        err().flush();
    });
    err() << '\n';
    if (!written)
        return fail(error);
    const double seconds = double(timer.elapsed()) / 1000.0;
    out() << "Wrote " << cache.conversationCount() << " conversations, " << cache.messageCount()
          << " messages to " << path << " in " << QString::number(seconds, 'f', 1) << " s\n";
    return 0;
}

} // namespace Counterpart::Cli
