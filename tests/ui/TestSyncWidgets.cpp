#include "WindowTestSupport.h"
#include "common/OutboxItemDelegate.h"
#include "connectors/chatwoot/ChatwootConnector.h"
#include "common/OutboxPanel.h"
#include "common/SyncStatusWidget.h"
#include "connectors/demo/DemoConnector.h"
#include "credentials/CredentialJob.h"
#include "credentials/MemoryCredentialStore.h"
#include "models/OutboxListModel.h"
#include "models/OutboxRoles.h"
#include "settings/AccountsDialog.h"
#include "storage/CacheStore.h"
#include "storage/WorkspaceStore.h"
#include "support/FakeChatwootServer.h"
#include "support/TempDataDir.h"
#include "sync/AccountConnectors.h"
#include "sync/AccountStore.h"
#include "sync/OutboxStore.h"
#include "sync/SyncEngine.h"

#include <QAbstractItemModelTester>
#include <QDialogButtonBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMainWindow>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>

#include <memory>

using namespace Counterpart;
using Connectors::Demo::DemoConnector;
using Sync::OutboxOperation;
using Sync::SyncEngine;
using Testing::FakeChatwootServer;

namespace {

void seed(FakeChatwootServer &server)
{
    const qint64 inbox = server.addInbox(QStringLiteral("Mail"), QStringLiteral("Channel::Email"), {},
                                         QStringLiteral("help@example.com"));
    for (int i = 0; i < 30; ++i) {
        const qint64 contact = server.addContact(QStringLiteral("Customer %1").arg(i));
        const qint64 conversation = server.addConversation(inbox, contact);
        server.addMessage(conversation, QStringLiteral("Question %1").arg(i));
    }
}

OutboxOperation reply(const QString &uid, qint64 conversation, const QString &text)
{
    OutboxOperation operation;
    operation.sourceUid = uid;
    operation.conversationRemoteId = conversation;
    operation.kind = OutboxOperation::Kind::Reply;
    operation.payload.insert(QStringLiteral("content"), text);
    return operation;
}

/** What the list shows for a row: the text the outbox delegate draws. */
QString shownText(const QListView *view, int row)
{
    return Ui::OutboxItemDelegate::describe(view->model()->index(row, 0));
}

} // namespace

/**
 * The sync widgets as the agent meets them: Settings > Accounts against the fake Chatwoot server,
 * the status bar corner through a backfill, a revoked token and a lost connection, and the
 * outbox panel with a failed reply that can be retried or discarded.
 */
class TestSyncWidgets : public QObject
{
    Q_OBJECT

private:
    /** One profile and a running engine, the way main.cpp wires them. */
    struct Rig
    {
        Testing::TempDataDir dir;
        Storage::CacheStore cache;
        Storage::WorkspaceStore workspace;
        std::unique_ptr<Sync::OutboxStore> outbox;
        std::unique_ptr<Sync::AccountStore> accounts;
        Credentials::MemoryCredentialStore keychain;
        QNetworkAccessManager network;
        std::unique_ptr<SyncEngine> engine;
        std::unique_ptr<Sync::AccountConnectors> connectors;

        bool open()
        {
            if (!workspace.open(dir.workspacePath()).ok || !cache.open(dir.cachePath()).ok)
                return false;
            outbox = std::make_unique<Sync::OutboxStore>(&workspace);
            accounts = std::make_unique<Sync::AccountStore>(&workspace);
            engine = std::make_unique<SyncEngine>(&cache, outbox.get(), Sync::systemClock(),
                                                  Sync::Backoff({50, 200}, [] { return 0.0; }));
            SyncEngine::Options options;
            options.realtime = false;
            engine->setOptions(options);
            connectors = std::make_unique<Sync::AccountConnectors>(&cache, engine.get(), accounts.get(), &keychain,
                                                                   &network);
            return true;
        }
        ~Rig()
        {
            if (engine)
                engine->cancel();
            connectors.reset();
            engine.reset();
        }
    };

private slots:
    void accountsDialogExplainsFailuresThenAddsAndRemoves()
    {
        FakeChatwootServer server;
        QVERIFY(server.listen());
        seed(server);
        Rig rig;
        QVERIFY(rig.open());
        rig.connectors->start();
        Ui::AccountsDialog dialog(rig.accounts.get(), rig.connectors.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *list = dialog.findChild<QListWidget *>(QStringLiteral("accountList"));
        QCOMPARE(list->count(), 1);
        QCOMPARE(list->item(0)->text(), QStringLiteral("No account yet: the demo workspace is shown."));

        // A wrong token: told in a sentence what to do, and nothing is stored.
        dialog.setFormValues(server.baseUrl().toString(), server.accountId(), QStringLiteral("not-the-token"));
        dialog.findChild<QPushButton *>(QStringLiteral("testConnection"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.statusText().startsWith(QStringLiteral("Checking")), 15000);
        QVERIFY2(dialog.statusText().contains(QStringLiteral("refused the access token")), qPrintable(dialog.statusText()));
        QVERIFY(dialog.statusText().contains(QStringLiteral("Copy it again")));
        QVERIFY(Testing::saveScreenshot(&dialog, QStringLiteral("accounts-dialog-refused-token.png")));

        // Nobody listening: the URL is named and the agent is pointed at it.
        dialog.setFormValues(QStringLiteral("http://127.0.0.1:1"), server.accountId(), server.token());
        dialog.findChild<QPushButton *>(QStringLiteral("testConnection"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.statusText().startsWith(QStringLiteral("Checking")), 15000);
        QVERIFY2(dialog.statusText().startsWith(QStringLiteral("Nothing answers at http://127.0.0.1:1")),
                 qPrintable(dialog.statusText()));

        // An account the token's owner is not a member of.
        dialog.setFormValues(server.baseUrl().toString(), server.accountId() + 1, server.token());
        dialog.findChild<QPushButton *>(QStringLiteral("testConnection"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.statusText().startsWith(QStringLiteral("Checking")), 15000);
        QVERIFY2(dialog.statusText().contains(QStringLiteral("not a member of account %1").arg(server.accountId() + 1)),
                 qPrintable(dialog.statusText()));
        QVERIFY(rig.accounts->accounts().isEmpty());

        // Right: added, listed with where its token lives, the token field emptied, syncing.
        QSignalSpy synced(rig.engine.get(), &SyncEngine::accountSynced);
        dialog.setFormValues(server.baseUrl().toString(), server.accountId(), server.token());
        dialog.findChild<QPushButton *>(QStringLiteral("addAccount"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(dialog.statusText(), QStringLiteral("Added. The first sync has started."), 15000);
        QCOMPARE(list->count(), 1);
        QVERIFY2(list->item(0)->text().contains(QStringLiteral("account %1 (token in the keychain)").arg(server.accountId())),
                 qPrintable(list->item(0)->text()));
        QVERIFY(dialog.findChild<QLineEdit *>(QStringLiteral("accessToken"))->text().isEmpty());
        QVERIFY(!list->item(0)->text().contains(server.token()));
        QVERIFY(synced.wait(15000));
        QCOMPARE(rig.cache.conversationCount(), qint64(30));
        QVERIFY(Testing::saveScreenshot(&dialog, QStringLiteral("accounts-dialog-added.png")));

        // Removed: gone from the list, the store and the engine.
        auto *remove = dialog.findChild<QPushButton *>(QStringLiteral("removeAccount"));
        QVERIFY(!remove->isEnabled());
        list->setCurrentRow(0);
        QVERIFY(remove->isEnabled());
        remove->click();
        QCOMPARE(list->count(), 1);
        QCOMPARE(list->item(0)->text(), QStringLiteral("No account yet: the demo workspace is shown."));
        QVERIFY(rig.accounts->accounts().isEmpty());
        QVERIFY(rig.engine->sourceUids().isEmpty());
    }

    void statusBarShowsProgressSignInAndOffline()
    {
        auto server = std::make_unique<FakeChatwootServer>();
        QVERIFY(server->listen());
        seed(*server);
        Rig rig;
        QVERIFY(rig.open());
        QMainWindow window;
        window.setCentralWidget(new QLabel(QStringLiteral("(the inbox)")));
        auto *status = new Ui::SyncStatusWidget(rig.engine.get(), rig.outbox.get(), rig.connectors.get(), &window);
        window.statusBar()->addPermanentWidget(status);
        window.resize(900, 140);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(status->text(), QStringLiteral("Up to date"));

        // The backfill: what is being fetched and how far, with Cancel beside it.
        QStringList seen;
        bool cancelShown = false;
        connect(rig.engine.get(), &SyncEngine::progress, &window, [&] {
            seen.append(status->text());
            cancelShown = cancelShown || !status->findChild<QPushButton *>(QStringLiteral("syncCancel"))->isHidden();
        });
        QSignalSpy synced(rig.engine.get(), &SyncEngine::accountSynced);
        rig.connectors->start();
        Sync::Account account;
        account.kind = QStringLiteral("chatwoot");
        account.baseUrl = server->baseUrl().toString(QUrl::StripTrailingSlash);
        account.remoteAccountId = server->accountId();
        account.displayName = QStringLiteral("Fake desk");
        QVERIFY(rig.connectors->connectAccount(account, server->token()) != 0);
        // Requests retry a lost server a few times before the sync gives up; in the test, quickly.
        auto *chatwoot = qobject_cast<Connectors::Chatwoot::ChatwootConnector *>(
            rig.engine->connector(rig.engine->sourceUids().value(0)));
        QVERIFY(chatwoot);
        Connectors::Chatwoot::ChatwootRetryPolicy quickly;
        quickly.timeoutMs = 2000;
        quickly.maxAttempts = 2;
        quickly.backoffBaseMs = 10;
        quickly.backoffMaxMs = 40;
        chatwoot->setRetryPolicy(quickly);
        QVERIFY(synced.wait(15000));
        QVERIFY2(seen.contains(QStringLiteral("Syncing conversations: 30 of 30")), qPrintable(seen.join(u'|')));
        QVERIFY(cancelShown);
        QCOMPARE(status->text(), QStringLiteral("Up to date"));
        const QString uid = rig.engine->sourceUids().value(0);

        // The token is revoked on the server: a banner to sign in again, the reply kept.
        server->setToken(QStringLiteral("rotated-token"));
        rig.engine->syncNow(uid);
        QTRY_VERIFY_WITH_TIMEOUT(status->signInShown(), 15000);
        rig.engine->enqueue(reply(uid, server->conversationIds().first(), QStringLiteral("Your refund is on its way.")));
        // Tests run without the English plural translation (common.TestTranslations covers it).
        const QRegularExpression oneKept(QStringLiteral("— 1 change(\\(s\\))? kept$"));
        QTRY_VERIFY2(oneKept.match(status->text()).hasMatch(), qPrintable(status->text()));
        QVERIFY2(status->text().startsWith(QStringLiteral("Sign-in needed")), qPrintable(status->text()));
        auto *outboxButton = status->findChild<QPushButton *>(QStringLiteral("syncOutbox"));
        QVERIFY(outboxButton->isVisible());
        QCOMPARE(outboxButton->text(), QStringLiteral("Outbox (1)"));
        QVERIFY(Testing::saveScreenshot(&window, QStringLiteral("status-bar-sign-in.png")));

        // Signing in with the new token resumes the account and sends what was kept.
        const int before = server->messageCount(server->conversationIds().first());
        bool asked = false;
        {
            const Testing::NextModal prompt([&asked](QWidget *modal) {
                auto *input = qobject_cast<QInputDialog *>(modal);
                if (!input)
                    return;
                asked = true;
                QTest::keyClicks(input->findChild<QLineEdit *>(), QStringLiteral("rotated-token"));
                input->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
            });
            status->findChild<QPushButton *>(QStringLiteral("syncSignIn"))->click();
        }
        QVERIFY(asked);
        QVERIFY(!status->signInShown());
        QTRY_COMPARE_WITH_TIMEOUT(rig.outbox->pending(uid).size(), 0, 15000);
        QCOMPARE(server->messageCount(server->conversationIds().first()), before + 1);
        QTRY_COMPARE(status->text(), QStringLiteral("Up to date"));
        QVERIFY(!outboxButton->isVisible());

        // The server goes away: "Offline", with the count of what waits.
        server.reset();
        rig.engine->enqueue(reply(uid, 1, QStringLiteral("Written while offline.")));
        rig.engine->syncNow(uid);
        QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("Offline")), 15000);
        QVERIFY2(QRegularExpression(QStringLiteral("^Offline — 1 change(\\(s\\))? waiting$")).match(status->text()).hasMatch(),
                 qPrintable(status->text()));
        // The reason is one hover away.
        QVERIFY(!status->findChild<QLabel *>(QStringLiteral("syncStatusText"))->toolTip().isEmpty());
        QVERIFY(Testing::saveScreenshot(&window, QStringLiteral("status-bar-offline.png")));

        QSignalSpy outboxRequested(status, &Ui::SyncStatusWidget::outboxRequested);
        outboxButton->click();
        QCOMPARE(outboxRequested.size(), 1);
    }

    void outboxPanelShowsAFailureWithRetryAndDiscard()
    {
        Rig rig;
        QVERIFY(rig.open());
        Connectors::Demo::DemoOptions options;
        options.conversations = 10;
        options.batchConversations = 10;
        options.seed = 3;
        options.now = QDateTime(QDate(2025, 3, 14), QTime(10, 0), Qt::UTC);
        auto *demo = new DemoConnector(options, QStringLiteral("demo-outbox"));
        demo->setSendDelayMs(5);
        QVERIFY(rig.engine->addConnector(demo));
        QSignalSpy synced(rig.engine.get(), &SyncEngine::accountSynced);
        rig.engine->start();
        QVERIFY(synced.wait(15000));
        const QList<Domain::Conversation> conversations = demo->serverConversations();
        QVERIFY(conversations.size() >= 2);

        Ui::OutboxPanel panel(rig.outbox.get(), rig.engine.get());
        QAbstractItemModelTester tester(panel.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        panel.resize(560, 300);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QLabel *empty = nullptr;
        for (QLabel *label : panel.findChildren<QLabel *>()) {
            if (label->text() == QStringLiteral("Everything has been sent."))
                empty = label;
        }
        QVERIFY(empty && empty->isVisible());
        auto *retry = panel.findChild<QPushButton *>(QStringLiteral("outboxRetry"));
        auto *discard = panel.findChild<QPushButton *>(QStringLiteral("outboxDiscard"));
        QVERIFY(!panel.view()->isVisible());
        QVERIFY(!retry->isEnabled() && !discard->isEnabled());

        // The server refuses two replies.
        demo->scriptSendResults({Sync::SendOutcome::Result::Rejected, Sync::SendOutcome::Result::Rejected});
        const int messagesBefore = demo->serverMessageCount();
        const qint64 first = rig.engine->enqueue(
            reply(demo->sourceUid(), conversations.at(0).remoteId, QStringLiteral("Your replacement ships on Monday.")));
        const qint64 second = rig.engine->enqueue(
            reply(demo->sourceUid(), conversations.at(1).remoteId, QStringLiteral("Sent to the wrong customer.")));
        QTRY_COMPARE_WITH_TIMEOUT(rig.outbox->operation(first)->state, OutboxOperation::State::Failed, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(rig.outbox->operation(second)->state, OutboxOperation::State::Failed, 10000);
        QTRY_COMPARE(panel.model()->rowCount(), 2);
        QVERIFY(panel.view()->isVisible());
        QVERIFY(!empty->isVisible());

        // Each failed row says so, what it was, and why the server refused it.
        for (int row = 0; row < 2; ++row) {
            const QString text = shownText(panel.view(), row);
            QVERIFY2(text.startsWith(QStringLiteral("Failed · “")), qPrintable(text));
            QVERIFY2(text.endsWith(QStringLiteral(" — Scripted demo failure.")), qPrintable(text));
        }
        QVERIFY(Testing::saveScreenshot(&panel, QStringLiteral("outbox-panel-failed.png")));

        // Retry the first: it goes out and leaves the list.
        const int firstRow = panel.model()->index(0, 0).data(Models::OutboxIdRole).toLongLong() == first ? 0 : 1;
        panel.view()->setCurrentIndex(panel.model()->index(firstRow, 0));
        QVERIFY(retry->isEnabled() && discard->isEnabled());
        retry->click();
        QTRY_COMPARE_WITH_TIMEOUT(rig.outbox->operation(first)->state, OutboxOperation::State::Sent, 10000);
        QTRY_COMPARE(panel.model()->rowCount(), 1);
        QCOMPARE(demo->serverMessageCount(), messagesBefore + 1);

        // Discard the second: gone from the list, never sent.
        panel.view()->setCurrentIndex(panel.model()->index(0, 0));
        QCOMPARE(panel.model()->index(0, 0).data(Models::OutboxIdRole).toLongLong(), second);
        discard->click();
        QTRY_COMPARE(panel.model()->rowCount(), 0);
        QVERIFY(rig.outbox->pending(demo->sourceUid()).isEmpty());
        QTest::qWait(50);
        QCOMPARE(demo->serverMessageCount(), messagesBefore + 1);
        QVERIFY(!panel.view()->isVisible());
        QVERIFY(empty->isVisible());
        QVERIFY(!retry->isEnabled() && !discard->isEnabled());
        QVERIFY(Testing::saveScreenshot(&panel, QStringLiteral("outbox-panel-empty.png")));
    }
};

QTEST_MAIN(TestSyncWidgets)
#include "TestSyncWidgets.moc"
