#pragma once

#include "sync/Connector.h"

#include <QMap>

namespace Counterpart::Testing {

/**
 * Merges the pages a connector emits the way CacheStore would (upsert by remote id, remove on
 * conversationRemoved), so tests can compare "what the client has" with the fake server's state.
 */
struct IngestCollector
{
    QMap<qint64, Domain::Inbox> inboxes;
    QMap<qint64, Domain::Agent> agents;
    QMap<qint64, Domain::Team> teams;
    QMap<qint64, Domain::Label> labels;
    QMap<qint64, Domain::Contact> contacts;
    QMap<qint64, Domain::Conversation> conversations;
    QMap<qint64, Domain::Message> messages;
    int pages = 0;
    int syncs = 0;
    Sync::Connector::Error lastError = Sync::Connector::Error::None;
    QString lastMessage;

    void attach(Sync::Connector *connector)
    {
        QObject::connect(connector, &Sync::Connector::pageReceived, connector, [this](const Storage::IngestBatch &page) {
            ++pages;
            for (const auto &item : page.inboxes) inboxes.insert(item.remoteId, item);
            for (const auto &item : page.agents) agents.insert(item.remoteId, item);
            for (const auto &item : page.teams) teams.insert(item.remoteId, item);
            for (const auto &item : page.labels) labels.insert(item.remoteId, item);
            for (const auto &item : page.contacts) contacts.insert(item.remoteId, item);
            for (const auto &item : page.conversations) conversations.insert(item.remoteId, item);
            for (const auto &item : page.messages) messages.insert(item.remoteId, item);
        });
        QObject::connect(connector, &Sync::Connector::conversationRemoved, connector, [this](qint64 id) {
            conversations.remove(id);
            for (auto it = messages.begin(); it != messages.end();)
                it = it->conversationId == id ? messages.erase(it) : std::next(it);
        });
        QObject::connect(connector, &Sync::Connector::syncFinished, connector,
                         [this](Sync::Connector::Error error, const QString &message) {
                             ++syncs;
                             lastError = error;
                             lastMessage = message;
                         });
    }

    QList<qint64> messageIds(qint64 conversationId) const
    {
        QList<qint64> ids;
        for (const Domain::Message &message : messages) {
            if (message.conversationId == conversationId)
                ids.append(message.remoteId);
        }
        return ids;
    }
};

} // namespace Counterpart::Testing
