#include "connectors/chatwoot/ChatwootConnector.h"
#include "models/ConversationListModel.h"
#include "models/ItemRoles.h"
#include "storage/CacheStore.h"
#include "storage/WorkspaceStore.h"
#include "support/FakeChatwootServer.h"
#include "support/TempDataDir.h"
#include "sync/OutboxStore.h"
#include "sync/SyncEngine.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>

using namespace Counterpart;
using Counterpart::Testing::FakeChatwootServer;
using Sync::SyncEngine;

/**
 * Backfill and realtime against the fake server. Prints figures; asserts only that everything
 * arrived. COUNTERPART_FULL_BENCH=1 for 5,000 conversations / 50,000 messages,
 * COUNTERPART_BENCH_JSON=path to keep the figures as JSON.
 */
class TestSyncBenchmark : public QObject
{
    Q_OBJECT

private slots:
    void backfillAndRealtime()
    {
        const bool full = qEnvironmentVariableIntValue("COUNTERPART_FULL_BENCH") == 1;
        const int conversations = full ? 5000 : 500;
        const int perConversation = 10;

        FakeChatwootServer server;
        QVERIFY(server.listen());
        const qint64 inbox = server.addInbox(QStringLiteral("Website"), QStringLiteral("Channel::WebWidget"));
        server.addLabel(QStringLiteral("billing"));
        const double base = server.now() - 10 * 86400;
        for (int i = 0; i < conversations; ++i) {
            const qint64 contact = server.addContact(QStringLiteral("Customer %1").arg(i));
            const qint64 id = server.addConversation(inbox, contact, QStringLiteral("open"), 0, {}, base + i * 10);
            for (int m = 0; m < perConversation; ++m)
                server.addMessage(id, QStringLiteral("Message %1 about order %2").arg(m).arg(i), m % 2, false, 0,
                                  base + i * 10 + m);
        }
        const int totalMessages = server.messageCount();

        Testing::TempDataDir dir;
        Storage::CacheStore cache;
        Storage::WorkspaceStore workspace;
        QVERIFY(workspace.open(dir.workspacePath()).ok);
        QVERIFY(cache.open(dir.cachePath()).ok);
        Sync::OutboxStore outbox(&workspace);
        SyncEngine engine(&cache, &outbox);
        QNetworkAccessManager network;
        auto *connector = new Connectors::Chatwoot::ChatwootConnector(server.baseUrl(), server.accountId(),
                                                                      server.token(), &network);
        connector->setRecentConversationsWithMessages(conversations);
        QVERIFY(engine.addConnector(connector));

        server.clearRequests();
        QSignalSpy synced(&engine, &SyncEngine::accountSynced);
        QElapsedTimer timer;
        timer.start();
        engine.start();
        QVERIFY(synced.wait(full ? 1800000 : 300000));
        const double backfillSeconds = double(timer.nsecsElapsed()) / 1e9;
        const int requests = server.requestCount();
        QCOMPARE(cache.conversationCount(), qint64(conversations));
        QCOMPARE(cache.messageCount(), qint64(totalMessages));

        Models::ConversationListModel model(&cache);
        QTRY_VERIFY_WITH_TIMEOUT(server.subscriberCount() >= 1, 20000);
        QList<double> latencies;
        QList<qint64> ids = server.conversationIds();
        std::sort(ids.begin(), ids.end());
        for (int i = 0; i < 20; ++i) {
            // The newest conversations: they stay within the list's first page wherever they sort.
            const qint64 conversation = ids.at(ids.size() - 1 - i);
            const QString text = QStringLiteral("Realtime %1").arg(i);
            const qint64 message = server.addMessage(conversation, text, 0);
            QElapsedTimer latency;
            latency.start();
            server.emitMessageCreated(message);
            bool shown = false;
            // Bounded: 10 s per message at most.
            while (!shown && latency.elapsed() < 10000) {
                QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
                for (int row = 0; row < std::min(model.rowCount(), 50) && !shown; ++row)
                    shown = model.index(row).data(Models::Roles::Preview).toString() == text;
            }
            QVERIFY2(shown, qPrintable(text));
            latencies.append(double(latency.nsecsElapsed()) / 1e6);
        }
        std::sort(latencies.begin(), latencies.end());
        const double median = (latencies.at(9) + latencies.at(10)) / 2;
        const double perSecond = conversations / backfillSeconds;

        qInfo("sync benchmark: %d conversations, %d messages", conversations, totalMessages);
        qInfo("  backfill: %d requests, %.2f s, %.0f conversations/s", requests, backfillSeconds, perSecond);
        qInfo("  realtime message.created -> conversation list: median %.1f ms of 20 (min %.1f, max %.1f)", median,
              latencies.first(), latencies.last());
        const QString jsonPath = qEnvironmentVariable("COUNTERPART_BENCH_JSON");
        if (!jsonPath.isEmpty()) {
            QFile file(jsonPath);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            const QJsonObject figures{{QStringLiteral("backfill_requests"), requests},
                                      {QStringLiteral("backfill_s"), backfillSeconds},
                                      {QStringLiteral("conversations_per_s"), perSecond},
                                      {QStringLiteral("realtime_latency_ms"), median}};
            file.write(QJsonDocument(figures).toJson());
        }
    }
};

QTEST_GUILESS_MAIN(TestSyncBenchmark)
#include "TestSyncBenchmark.moc"
