#pragma once

// The multilingual fixture as a team lead sees it (header-only, shared by the review and dashboard
// GUI tests): Alice's e-mail (101) is assigned to Maria and rated 2 stars, the Greek one (104)
// resolved. Stores are opened in a temporary profile.

#include "storage/CacheStore.h"
#include "storage/ReviewStore.h"
#include "storage/WorkspaceStore.h"
#include "support/CacheFixture.h"
#include "support/TempDataDir.h"
#include "sync/OutboxStore.h"

#include <QSqlQuery>

#include <memory>

namespace Counterpart::Testing {

struct LeadProfile
{
    TempDataDir dir;
    Storage::CacheStore cache;
    Storage::WorkspaceStore workspace;
    std::unique_ptr<Storage::ReviewStore> reviews;
    std::unique_ptr<Sync::OutboxStore> outbox;

    bool open(QString *error)
    {
        if (!cache.open(dir.cachePath()).ok || !workspace.open(dir.workspacePath()).ok) {
            *error = QStringLiteral("could not open the stores");
            return false;
        }
        CacheFixture fixture = CacheFixture::multilingual();
        Domain::Conversation &alice = fixture.batch().conversations[0];
        alice.assigneeId = CacheFixture::SupportAgent;
        alice.csatRating = 2;
        alice.csatComment = QStringLiteral("Took too long");
        fixture.batch().conversations[3].assigneeId = CacheFixture::SupportAgent;
        const qint64 source = fixture.ingestInto(cache, error);
        if (source == 0)
            return false;
        reviews = std::make_unique<Storage::ReviewStore>(&workspace);
        outbox = std::make_unique<Sync::OutboxStore>(&workspace);
        return true;
    }

    qint64 conversationId(qint64 remoteId) const
    {
        QSqlQuery query(cache.connection());
        query.prepare(QStringLiteral("SELECT id FROM conversations WHERE remote_id=?"));
        query.addBindValue(remoteId);
        return query.exec() && query.next() ? query.value(0).toLongLong() : 0;
    }
};

} // namespace Counterpart::Testing
