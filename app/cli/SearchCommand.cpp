#include "SearchCommand.h"

#include "CommandLine.h"
#include "ExistingProfile.h"
#include "search/SearchIndex.h"
#include "storage/DataLocation.h"

#include <QRegularExpression>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <unistd.h>

namespace Counterpart::Cli {

using Search::SearchHit;

namespace {

QJsonObject hitToJson(const SearchHit &hit, Storage::CacheStore &cache)
{
    QJsonObject object{{QStringLiteral("kind"), hit.kind == SearchHit::Kind::Message ? QStringLiteral("message")
                                                                                      : QStringLiteral("contact")},
                       {QStringLiteral("title"), hit.title},
                       {QStringLiteral("snippet"), hit.snippet},
                       {QStringLiteral("time"), hit.createdAt.toString(Qt::ISODate)}};
    if (hit.kind == SearchHit::Kind::Message) {
        const auto conversation = cache.conversation(hit.conversationId);
        object.insert(QStringLiteral("conversation_id"), hit.conversationId);
        object.insert(QStringLiteral("remote_id"), conversation ? conversation->remoteId : 0);
        object.insert(QStringLiteral("message_id"), hit.messageId);
        object.insert(QStringLiteral("channel"), Domain::channelKey(hit.channel));
        object.insert(QStringLiteral("status"), Domain::statusKey(hit.status));
    } else {
        object.insert(QStringLiteral("contact_id"), hit.contactId);
    }
    return object;
}

} // namespace

int runSearch(const QStringList &input)
{
    QStringList arguments = input;
    const bool json = takeFlag(arguments, QStringLiteral("json"));
    const int limit = takeOption(arguments, QStringLiteral("limit"), QStringLiteral("20")).toInt();
    if (arguments.filter(QRegularExpression(QStringLiteral("^[^-]"))).isEmpty()) {
        err() << "search: give the words to look for, e.g. counterpart-cli search refund\n";
        return 2;
    }
    const std::unique_ptr<Profile> opened = openExistingProfile(QStringLiteral("search"), arguments);
    if (!opened)
        return 1;
    Profile &profile = *opened;
    const QString query = arguments.join(QLatin1Char(' ')).trimmed();
    if (query.isEmpty()) {
        err() << "search: give the words to look for, e.g. counterpart-cli search refund\n";
        return 2;
    }

    Search::SearchOptions options;
    options.limit = limit > 0 ? limit : 20;
    if (!json) {
        // Bold and reset: highlighted words stand out in a terminal without any library.
        options.openMark = QStringLiteral("\x1b[1m");
        options.closeMark = QStringLiteral("\x1b[0m");
        if (!qEnvironmentVariableIsEmpty("NO_COLOR") || !isatty(fileno(stdout))) {
            options.openMark = QStringLiteral("[");
            options.closeMark = QStringLiteral("]");
        }
    }
    const Search::SearchIndex index(profile.cache()->connection());
    const auto hits = index.searchConversations(query, options);
    if (!index.errorString().isEmpty()) {
        err() << "search failed: " << index.errorString() << "\n";
        return 1;
    }
    if (json) {
        QJsonArray results;
        for (const auto &hit : hits)
            results.append(hitToJson(hit, *profile.cache()));
        out() << QJsonDocument(QJsonObject{{QStringLiteral("query"), query}, {QStringLiteral("results"), results}})
                     .toJson(QJsonDocument::Indented);
        return 0;
    }
    if (hits.isEmpty()) {
        out() << "No conversation or contact matches \"" << query << "\".\n";
        return 0;
    }
    for (const auto &hit : hits) {
        const QString when = hit.createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd hh:mm"));
        if (hit.kind == SearchHit::Kind::Message) {
            const auto conversation = profile.cache()->conversation(hit.conversationId);
            out() << "#" << (conversation ? conversation->remoteId : 0) << "  " << hit.title << "  ·  "
                  << Domain::channelDisplayName(hit.channel) << "  ·  " << Domain::statusDisplayName(hit.status)
                  << "  ·  " << when << "\n    " << hit.snippet << "\n";
        } else {
            out() << "contact  " << hit.title << "\n    " << hit.snippet << "\n";
        }
    }
    return 0;
}

} // namespace Counterpart::Cli
