#include "connectors/chatwoot/ChatwootConnector.h"
#include "review/ScorecardSharing.h"
#include "storage/CacheStore.h"
#include "storage/ReviewStore.h"
#include "storage/WorkspaceStore.h"
#include "support/CacheFixture.h"
#include "support/FakeChatwootServer.h"
#include "support/TempDataDir.h"
#include "sync/OutboxStore.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Counterpart;
using Testing::CacheFixture;
using Testing::FakeChatwootServer;

/**
 * A lead shares a scorecard: it waits in the outbox like any write, then reaches a loopback
 * Chatwoot as a private note and as custom attributes that keep the conversation's own ones.
 */
class TestScorecardSharing : public QObject
{
    Q_OBJECT
private slots:
    void sharedScorecardReachesTheHelpdesk()
    {
        FakeChatwootServer server;
        QVERIFY(server.listen());
        const qint64 inbox = server.addInbox(QStringLiteral("Mail"), QStringLiteral("Channel::Email"));
        const qint64 conversationId = server.addConversation(inbox, server.addContact(QStringLiteral("Μαρία")));
        server.store().conversations[conversationId].customAttributes = {{QStringLiteral("plan"), QStringLiteral("pro")}};

        // The cache mirrors the server's conversation, attributes included.
        Testing::TempDataDir dir;
        Storage::CacheStore cache;
        QVERIFY(cache.open(dir.cachePath()).ok);
        CacheFixture fixture;
        fixture.addInbox(inbox, QStringLiteral("Mail"), Domain::ChannelKind::Email);
        fixture.addContact(1, QStringLiteral("Μαρία"), QString(), QString(), QStringLiteral("el"));
        Domain::Conversation &mirror = fixture.addConversation(conversationId, inbox, 1, 0, Domain::ConversationStatus::Resolved);
        mirror.customAttributes = {{QStringLiteral("plan"), QStringLiteral("pro")}};
        QString error;
        QVERIFY2(fixture.ingestInto(cache, &error), qPrintable(error));

        Storage::WorkspaceStore workspace;
        QVERIFY(workspace.open(dir.workspacePath()).ok);
        Storage::ReviewStore reviews(&workspace);
        Sync::OutboxStore outbox(&workspace);
        const Review::Rubric rubric;

        Review::Scorecard card;
        card.sourceUid = fixture.source().uid;
        card.conversationRemoteId = conversationId;
        card.rubric = {{QStringLiteral("root_cause"), Review::RubricAnswer::Met},
                       {QStringLiteral("identity"), Review::RubricAnswer::NotMet}};
        card.comment = QStringLiteral("Verify identity before changing the address.");
        card.total = rubric.total(card);
        QCOMPARE(qRound(card.total), 60); // 3 of 5 weight met

        Review::ScorecardSharing sharing(&cache, &outbox, &reviews);
        QVERIFY(!sharing.share(card, rubric, {}, &error)); // not saved yet
        QVERIFY(error.contains(QStringLiteral("Save")));
        card.id = reviews.saveScorecard(card);
        QVERIFY(card.id > 0);
        Review::Annotation annotation;
        annotation.sourceUid = card.sourceUid;
        annotation.conversationRemoteId = conversationId;
        annotation.messageRemoteId = 1;
        annotation.kind = Review::Annotation::Kind::Coaching;
        annotation.text = QStringLiteral("Ask for the order number first");
        QVERIFY(reviews.addAnnotation(annotation) > 0);

        QVERIFY2(sharing.share(card, rubric, {}, &error), qPrintable(error));
        QVERIFY(reviews.scorecard(card.sourceUid, conversationId)->sharedAt.isValid());
        const QList<Sync::OutboxOperation> queued = outbox.pending(card.sourceUid);
        QCOMPARE(queued.size(), 2);
        QCOMPARE(queued.at(0).kind, Sync::OutboxOperation::Kind::Note);
        QCOMPARE(queued.at(1).kind, Sync::OutboxOperation::Kind::CustomAttributes);

        // Sent as the sync engine would send them, in order.
        QNetworkAccessManager network;
        Connectors::Chatwoot::ChatwootConnector connector(server.baseUrl(), server.accountId(), server.token(), &network);
        QSignalSpy finished(&connector, &Sync::Connector::operationFinished);
        for (const Sync::OutboxOperation &operation : queued) {
            connector.send(operation);
            QVERIFY(finished.wait(10000));
            QCOMPARE(finished.last().at(1).value<Sync::SendOutcome>().result, Sync::SendOutcome::Result::Sent);
        }
        const auto &state = server.conversation(conversationId);
        QCOMPARE(state.customAttributes.value(QLatin1String("plan")).toString(), QStringLiteral("pro"));
        QCOMPARE(state.customAttributes.value(QLatin1String("counterpart_review_score")).toInt(), 60);
        QVERIFY(!state.customAttributes.value(QLatin1String("counterpart_reviewed_at")).toString().isEmpty());
        const QList<qint64> messages = server.messageIds(conversationId);
        QVERIFY(!messages.isEmpty());
        const auto &note = server.message(messages.last());
        QVERIFY(note.isPrivate);
        QVERIFY2(note.content.contains(QStringLiteral("Review score: 60/100")), qPrintable(note.content));
        QVERIFY(note.content.contains(QStringLiteral("Identity verified where required: not met")));
        QVERIFY(note.content.contains(annotation.text));
        QVERIFY(note.content.contains(card.comment));
    }
};

QTEST_GUILESS_MAIN(TestScorecardSharing)
#include "TestScorecardSharing.moc"
