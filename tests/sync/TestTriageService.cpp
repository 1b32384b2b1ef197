#include "storage/CacheStore.h"
#include "storage/WorkspaceStore.h"
#include "support/CacheFixture.h"
#include "support/TempDataDir.h"
#include "sync/OutboxStore.h"
#include "sync/TriageService.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace Counterpart;
using Domain::ConversationStatus;
using Sync::OutboxOperation;
using Testing::CacheFixture;

class TestTriageService : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Testing::TempDataDir> m_dir;
    std::unique_ptr<Storage::CacheStore> m_cache;
    std::unique_ptr<Storage::WorkspaceStore> m_workspace;
    std::unique_ptr<Sync::OutboxStore> m_outbox;
    std::unique_ptr<Sync::TriageService> m_triage;
    qint64 m_sourceId = 0;

    qint64 local(qint64 remoteId) const
    {
        QSqlQuery q(m_cache->connection());
        q.prepare(QStringLiteral("SELECT id FROM conversations WHERE remote_id=?"));
        q.addBindValue(remoteId);
        return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
    }
    Domain::Conversation conversation(qint64 remoteId) const { return *m_cache->conversation(local(remoteId)); }

private slots:
    void init()
    {
        m_dir = std::make_unique<Testing::TempDataDir>();
        m_cache = std::make_unique<Storage::CacheStore>();
        m_workspace = std::make_unique<Storage::WorkspaceStore>();
        QVERIFY(m_cache->open(m_dir->cachePath()).ok);
        QVERIFY(m_workspace->open(m_dir->workspacePath()).ok);
        CacheFixture fixture = CacheFixture::multilingual();
        fixture.addAgent(2, QStringLiteral("Nikos Agent"), QStringLiteral("nikos@support.invalid"));
        fixture.batch().teams.append({0, 0, 7, QStringLiteral("Billing")});
        fixture.batch().conversations[0].labels = {QStringLiteral("refund")};
        QString error;
        m_sourceId = fixture.ingestInto(*m_cache, &error);
        QVERIFY2(m_sourceId, qPrintable(error));
        QVERIFY(m_cache->setMeAgent(m_sourceId, CacheFixture::SupportAgent));
        m_outbox = std::make_unique<Sync::OutboxStore>(m_workspace.get());
        m_triage = std::make_unique<Sync::TriageService>(m_cache.get(), m_outbox.get());
        m_triage->setUndoDelayMs(200);
    }

    void cleanup()
    {
        m_triage.reset();
        m_outbox.reset();
    }

    void resolveIsLocalAtOnceAndQueuedAfterTheUndoWindow()
    {
        QSignalSpy changed(m_cache.get(), &Storage::CacheStore::contentChanged);
        QSignalSpy undoable(m_triage.get(), &Sync::TriageService::undoAvailable);
        QVERIFY(m_triage->resolve({local(101), local(102)}));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(undoable.count(), 1);
        QCOMPARE(undoable.at(0).at(0).toInt(), 2);
        QCOMPARE(conversation(101).status, ConversationStatus::Resolved);
        QCOMPARE(conversation(102).status, ConversationStatus::Resolved);
        QVERIFY(m_outbox->all().isEmpty()); // still in the undo window
        QVERIFY(m_triage->canUndo());

        QTRY_COMPARE(m_outbox->all().size(), 2);
        const auto ops = m_outbox->all();
        QCOMPARE(ops.at(0).kind, OutboxOperation::Kind::Status);
        QCOMPARE(ops.at(0).sourceUid, m_cache->sources().constFirst().uid);
        QCOMPARE(ops.at(0).conversationRemoteId, 101);
        QCOMPARE(ops.at(1).conversationRemoteId, 102);
        QCOMPARE(ops.at(0).payload.value(QLatin1String("status")).toString(), QStringLiteral("resolved"));
        QVERIFY(!m_triage->canUndo());
        QVERIFY(!m_triage->undo());
    }

    void undoWithinTheWindowRestoresRowsAndQueuesNothing()
    {
        m_triage->setUndoDelayMs(60'000);
        QVERIFY(m_triage->resolve({local(101), local(103)}));
        QCOMPARE(conversation(103).status, ConversationStatus::Resolved);
        QSignalSpy closed(m_triage.get(), &Sync::TriageService::undoClosed);
        QVERIFY(m_triage->undo());
        QCOMPARE(closed.count(), 1);
        QCOMPARE(conversation(101).status, ConversationStatus::Open);
        QCOMPARE(conversation(103).status, ConversationStatus::Pending); // its own earlier status
        QTest::qWait(50);
        QVERIFY(m_outbox->all().isEmpty());
    }

    void aSecondResolveCommitsTheFirst()
    {
        m_triage->setUndoDelayMs(60'000);
        QVERIFY(m_triage->resolve({local(101)}));
        QVERIFY(m_triage->resolve({local(102)}));
        QCOMPARE(m_outbox->all().size(), 1);
        QVERIFY(m_triage->undo());
        QCOMPARE(conversation(101).status, ConversationStatus::Resolved);
        QCOMPARE(conversation(102).status, ConversationStatus::Open);
    }

    void quittingInsideTheWindowKeepsTheResolve()
    {
        m_triage->setUndoDelayMs(60'000);
        QVERIFY(m_triage->resolve({local(101)}));
        m_triage.reset();
        QCOMPARE(m_outbox->all().size(), 1);
    }

    void snoozeUntilATimeAndUntilTheCustomerReplies()
    {
        const QDateTime until = CacheFixture::at(24 * 60);
        QVERIFY(m_triage->snooze({local(101)}, until));
        QVERIFY(m_triage->snooze({local(102)}, QDateTime()));
        QCOMPARE(conversation(101).status, ConversationStatus::Snoozed);
        QCOMPARE(conversation(101).snoozedUntil, until);
        QCOMPARE(conversation(102).status, ConversationStatus::Snoozed);
        QVERIFY(!conversation(102).snoozedUntil.isValid());
        const auto ops = m_outbox->all();
        QCOMPARE(ops.size(), 2);
        QCOMPARE(ops.at(0).payload.value(QLatin1String("status")).toString(), QStringLiteral("snoozed"));
        QCOMPARE(ops.at(0).payload.value(QLatin1String("snoozed_until")).toInteger(), until.toSecsSinceEpoch());
        QCOMPARE(ops.at(1).payload.value(QLatin1String("snoozed_until")).toInteger(), 0);
    }

    void reopen()
    {
        QVERIFY(m_triage->reopen({local(104)}));
        QCOMPARE(conversation(104).status, ConversationStatus::Open);
        QCOMPARE(m_outbox->all().constFirst().payload.value(QLatin1String("status")).toString(),
                 QStringLiteral("open"));
    }

    void assignCarriesRemoteIds()
    {
        qint64 nikos = 0;
        for (const auto &agent : m_cache->agents())
            if (agent.remoteId == 2)
                nikos = agent.id;
        const qint64 billing = m_cache->teams().constFirst().id;
        QVERIFY(m_triage->assign({local(101), local(102)}, nikos, billing));
        QCOMPARE(conversation(101).assigneeId, nikos);
        QCOMPARE(conversation(102).teamId, billing);
        auto ops = m_outbox->all();
        QCOMPARE(ops.size(), 2);
        QCOMPARE(ops.at(0).kind, OutboxOperation::Kind::Assign);
        QCOMPARE(ops.at(0).payload.value(QLatin1String("assignee_remote_id")).toInteger(), 2);
        QCOMPARE(ops.at(0).payload.value(QLatin1String("team_remote_id")).toInteger(), 7);

        QVERIFY(m_triage->assignToMe({local(103)}));
        QCOMPARE(conversation(103).assigneeId, m_cache->meAgentIds().constFirst());
        ops = m_outbox->all();
        QCOMPARE(ops.constLast().payload.value(QLatin1String("assignee_remote_id")).toInteger(),
                 CacheFixture::SupportAgent);
        QVERIFY(!ops.constLast().payload.contains(QLatin1String("team_remote_id")));

        QVERIFY(m_triage->assign({local(101)}, 0));
        QCOMPARE(conversation(101).assigneeId, 0);
        QCOMPARE(m_outbox->all().constLast().payload.value(QLatin1String("assignee_remote_id")).toInteger(), 0);
    }

    void labelsSendTheFullSetPerConversation()
    {
        QVERIFY(m_triage->changeLabels({local(101), local(102)}, {QStringLiteral("vip")},
                                       {QStringLiteral("refund")}));
        QCOMPARE(conversation(101).labels, QStringList{QStringLiteral("vip")});
        QVERIFY(m_triage->changeLabels({local(101)}, {QStringLiteral("billing")}, {}));
        QCOMPARE(conversation(101).labels, (QStringList{QStringLiteral("billing"), QStringLiteral("vip")}));
        const auto ops = m_outbox->all();
        QCOMPARE(ops.size(), 3);
        QCOMPARE(ops.at(2).kind, OutboxOperation::Kind::Labels);
        QCOMPARE(ops.at(2).payload.value(QLatin1String("labels")).toArray(),
                 QJsonArray({QStringLiteral("billing"), QStringLiteral("vip")}));
        QVERIFY(m_cache->labelTitles().contains(QStringLiteral("billing")));
    }

    void priorityAndMarkUnread()
    {
        QVERIFY(m_triage->setPriority({local(102)}, Domain::Priority::Urgent));
        QCOMPARE(conversation(102).priority, Domain::Priority::Urgent);
        QVERIFY(m_triage->markUnread({local(101)}));
        QVERIFY(conversation(101).unreadCount >= 1);
        const auto ops = m_outbox->all();
        QCOMPARE(ops.at(0).payload.value(QLatin1String("priority")).toString(), QStringLiteral("urgent"));
        QCOMPARE(ops.at(1).kind, OutboxOperation::Kind::MarkUnread);
    }

    void unknownConversationsChangeNothing()
    {
        QVERIFY(!m_triage->resolve({987654}));
        QVERIFY(!m_triage->canUndo());
        QVERIFY(m_outbox->all().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTriageService)
#include "TestTriageService.moc"
