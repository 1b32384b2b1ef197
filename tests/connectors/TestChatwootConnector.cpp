#include "support/FakeChatwootServer.h"
#include "connectors/chatwoot/ChatwootConnector.h"
#include "connectors/chatwoot/ChatwootSignInJob.h"
#include "support/fakechatwoot/IngestCollector.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace Counterpart;
using namespace Counterpart::Connectors::Chatwoot;
using Counterpart::Testing::FakeChatwootServer;
using Counterpart::Testing::IngestCollector;
using Error = Sync::Connector::Error;

namespace {

ChatwootRetryPolicy fastRetry()
{
    ChatwootRetryPolicy policy;
    policy.timeoutMs = 2000;
    policy.maxAttempts = 4;
    policy.backoffBaseMs = 10;
    policy.backoffMaxMs = 50;
    return policy;
}

/** 60 conversations in three inboxes, the first with 45 messages. */
void seed(FakeChatwootServer &server)
{
    const qint64 web = server.addInbox(QStringLiteral("Website"), QStringLiteral("Channel::WebWidget"));
    const qint64 wa = server.addInbox(QStringLiteral("WhatsApp"), QStringLiteral("Channel::TwilioSms"), QStringLiteral("whatsapp"),
                                      QStringLiteral("+15550001"));
    server.addInbox(QStringLiteral("Support mail"), QStringLiteral("Channel::Email"), {}, QStringLiteral("help@example.com"));
    const qint64 dana = server.addAgent(QStringLiteral("Dana"), QStringLiteral("dana@example.com"));
    server.addTeam(QStringLiteral("Billing"));
    server.addLabel(QStringLiteral("billing"));
    server.addLabel(QStringLiteral("vip"));
    server.addCannedResponse(QStringLiteral("welcome"), QStringLiteral("Hello {{contact.name}}!"));
    const double base = server.now() - 100000;
    for (int i = 0; i < 60; ++i) {
        const qint64 contact = server.addContact(QStringLiteral("Customer %1").arg(i),
                                                 i % 3 ? QStringLiteral("c%1@example.com").arg(i) : QString());
        const QString status = i % 4 == 0 ? QStringLiteral("resolved") : QStringLiteral("open");
        const qint64 conversation = server.addConversation(i % 2 ? web : wa, contact, status, i % 5 ? dana : 0, {}, base + i * 100);
        server.addMessage(conversation, QStringLiteral("Hi, question %1").arg(i), 0, false, 0, base + i * 100);
    }
    for (int i = 0; i < 44; ++i)
        server.addMessage(1, QStringLiteral("Message %1").arg(i), i % 2, false, 0, base + 1 + i);
}

} // namespace

class TestChatwootConnector : public QObject
{
    Q_OBJECT
private slots:
    void backfillCollectsEveryPage()
    {
        FakeChatwootServer server;
        QVERIFY(server.listen());
        seed(server);
        QNetworkAccessManager network;
        ChatwootConnector connector(server.baseUrl(), server.accountId(), server.token(), &network);
        connector.setRetryPolicy(fastRetry());
        connector.setRecentConversationsWithMessages(5);
        IngestCollector collected;
        collected.attach(&connector);
        QSignalSpy finished(&connector, &Sync::Connector::syncFinished);
        QSignalSpy canned(&connector, &ChatwootConnector::cannedResponsesReceived);
        connector.startBackfill();
        QVERIFY(finished.wait(15000));
        QCOMPARE(finished.first().at(0).value<Error>(), Error::None);

        QCOMPARE(collected.conversations.size(), 60);
        QCOMPARE(server.requestCount(QStringLiteral("GET"), QStringLiteral("/conversations")) >= 3, true);
        // Pages 1..3 of 25 (the third one short ends the paging), never a fourth.
        int listPages = 0;
        for (const auto &request : server.requests()) {
            if (request.path.endsWith(QLatin1String("/conversations")) && request.query.hasQueryItem(QStringLiteral("page")))
                ++listPages;
        }
        QCOMPARE(listPages, 3);
        QCOMPARE(collected.inboxes.size(), 3);
        for (const Domain::Inbox &inbox : std::as_const(collected.inboxes))
            QCOMPARE(inbox.channel, inbox.name == QLatin1String("WhatsApp") ? Domain::ChannelKind::WhatsApp
                                    : inbox.name == QLatin1String("Website") ? Domain::ChannelKind::WebChat
                                                                             : Domain::ChannelKind::Email);
        QCOMPARE(collected.agents.size(), 2);
        QCOMPARE(collected.teams.size(), 1);
        QCOMPARE(collected.labels.size(), 2);
        QCOMPARE(canned.size(), 1);
        QCOMPARE(connector.cannedResponses().size(), 1);
        // Contacts: the 40 with an email come from /contacts, the rest from conversation senders.
        QCOMPARE(collected.contacts.size(), 60);
        QCOMPARE(server.requestCount(QStringLiteral("GET"), QStringLiteral("/contacts")), 3);
        for (const qint64 id : server.conversationIds()) {
            QCOMPARE(int(collected.conversations.value(id).status),
                     int(server.conversation(id).status == QLatin1String("resolved") ? Domain::ConversationStatus::Resolved
                                                                                    : Domain::ConversationStatus::Open));
            QCOMPARE(collected.conversations.value(id).assigneeId, server.conversation(id).assigneeId);
        }
        QCOMPARE(connector.profile().id, server.meId());
        QVERIFY(connector.lastSyncServerTime().isValid());
    }

    void deltaUsesUpdatedWithin()
    {
        FakeChatwootServer server;
        QVERIFY(server.listen());
        seed(server);
        QNetworkAccessManager network;
        QDateTime localNow = QDateTime::currentDateTimeUtc();
        ChatwootConnector connector(server.baseUrl(), server.accountId(), server.token(), &network,
                                    [&localNow] { return localNow; });
        connector.setRetryPolicy(fastRetry());
        connector.setRecentConversationsWithMessages(0);
        server.advanceClock(1000); // the seed is old news by the time of the backfill
        IngestCollector collected;
        collected.attach(&connector);
        QSignalSpy finished(&connector, &Sync::Connector::syncFinished);
        connector.startBackfill();
        QVERIFY(finished.wait(15000));

        server.advanceClock(120); // two minutes pass, on both clocks
        localNow = localNow.addSecs(120);
        server.setStatus(7, QStringLiteral("pending"));
        const qint64 fresh = server.addMessage(7, QStringLiteral("Are you there?"));
        server.clearRequests();
        connector.startDelta();
        QVERIFY(finished.wait(15000));
        QCOMPARE(finished.last().at(0).value<Error>(), Error::None);

        QCOMPARE(collected.conversations.value(7).status, Domain::ConversationStatus::Pending);
        QVERIFY(collected.messages.contains(fresh));
        const auto &first = server.requests().first();
        QVERIFY(first.path.endsWith(QLatin1String("/conversations")));
        QCOMPARE(first.query.queryItemValue(QStringLiteral("status")), QStringLiteral("all"));
        const int within = first.query.queryItemValue(QStringLiteral("updated_within")).toInt();
        QVERIFY2(within >= 120 && within < 200, qPrintable(QString::number(within)));
        // Only the changed conversation's messages were fetched.
        QCOMPARE(server.requestCount(QStringLiteral("GET"), QStringLiteral("/messages")),
                 server.requestCount(QStringLiteral("GET"), QStringLiteral("/conversations/7/messages")));
    }

    void fetchMessagesPagesBackwards()
    {
        FakeChatwootServer server;
        QVERIFY(server.listen());
        seed(server);
        QNetworkAccessManager network;
        ChatwootConnector connector(server.baseUrl(), server.accountId(), server.token(), &network);
        connector.setRetryPolicy(fastRetry());
        IngestCollector collected;
        collected.attach(&connector);
        QSignalSpy history(&connector, &ChatwootConnector::historyFetched);
        connector.fetchMessages(1, 0);
        QVERIFY(history.wait(5000));
        QCOMPARE(collected.messageIds(1).size(), 20);
        QCOMPARE(history.last().at(1).toBool(), false);
        for (int guard = 0; guard < 5 && !history.last().at(1).toBool(); ++guard) {
            const QList<qint64> ids = collected.messageIds(1);
            connector.fetchMessages(1, *std::min_element(ids.begin(), ids.end()));
            QVERIFY(history.wait(5000));
        }
        QCOMPARE(collected.messageIds(1), server.messageIds(1));
        QCOMPARE(server.messageCount(1), 45);
    }

    void removedConversationIsReported()
    {
        FakeChatwootServer server;
        QVERIFY(server.listen());
        seed(server);
        QNetworkAccessManager network;
        ChatwootConnector connector(server.baseUrl(), server.accountId(), server.token(), &network);
        connector.setRetryPolicy(fastRetry());
        server.removeConversation(3);
        QSignalSpy removed(&connector, &Sync::Connector::conversationRemoved);
        connector.fetchMessages(3, 0);
        QVERIFY(removed.wait(5000));
        QCOMPARE(removed.first().at(0).toLongLong(), 3);
    }

    void connectionCheck_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<Error>("error");
        QTest::addColumn<QString>("phrase");
        QTest::newRow("ok") << "ok" << Error::None << "Connected as";
        QTest::newRow("nothing listening") << "closed-port" << Error::Unreachable << "Nothing answers";
        QTest::newRow("invalid token") << "bad-token" << Error::Unauthorized << "401";
        QTest::newRow("unknown account") << "bad-account" << Error::NotFound << "account 99";
        QTest::newRow("html server") << "html" << Error::NotHelpdesk << "not as a Chatwoot server";
        QTest::newRow("wrong path") << "wrong-path" << Error::NotHelpdesk << "not as a Chatwoot server";
        QTest::newRow("https to http port") << "tls" << Error::Tls << "secure connection";
        QTest::newRow("not a url") << "garbage-url" << Error::Unreachable << "not valid";
    }
    void connectionCheck()
    {
        QFETCH(QString, scenario);
        QFETCH(Error, error);
        QFETCH(QString, phrase);
        FakeChatwootServer server;
        QVERIFY(server.listen());
        QUrl url = server.baseUrl();
        QString token = server.token();
        qint64 account = server.accountId();
        if (scenario == QLatin1String("closed-port")) {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            url.setPort(probe.serverPort());
            probe.close(); // nothing listens there any more
        } else if (scenario == QLatin1String("bad-token")) {
            token = QStringLiteral("wrong");
        } else if (scenario == QLatin1String("bad-account")) {
            account = 99;
        } else if (scenario == QLatin1String("html")) {
            server.injectFault(QString(), QStringLiteral("/"), FakeChatwootServer::Fault::HtmlPage, 10);
        } else if (scenario == QLatin1String("wrong-path")) {
            url.setPath(QStringLiteral("/helpdesk"));
        } else if (scenario == QLatin1String("tls")) {
            url.setScheme(QStringLiteral("https"));
        } else if (scenario == QLatin1String("garbage-url")) {
            url = QUrl(QStringLiteral("desk example com"));
        }
        QNetworkAccessManager network;
        ChatwootConnector connector(url, account, token, &network);
        connector.setRetryPolicy(fastRetry());
        QSignalSpy checked(&connector, &Sync::Connector::connectionChecked);
        connector.checkConnection();
        QVERIFY(checked.size() == 1 || checked.wait(5000));
        QCOMPARE(checked.first().at(0).value<Error>(), error);
        QVERIFY2(checked.first().at(1).toString().contains(phrase), qPrintable(checked.first().at(1).toString()));
    }

    void signInObtainsToken()
    {
        FakeChatwootServer server;
        QVERIFY(server.listen());
        QNetworkAccessManager network;
        ChatwootSignInJob good(server.baseUrl(), &network, server.meEmail(), server.password());
        QSignalSpy goodDone(&good, &ChatwootSignInJob::finished);
        good.start();
        QVERIFY(goodDone.wait(5000));
        QCOMPARE(good.error(), Error::None);
        QCOMPARE(good.accessToken(), server.token());

        ChatwootSignInJob bad(server.baseUrl(), &network, server.meEmail(), QStringLiteral("nope"));
        QSignalSpy badDone(&bad, &ChatwootSignInJob::finished);
        bad.start();
        QVERIFY(badDone.wait(5000));
        QCOMPARE(bad.error(), Error::Unauthorized);
        QVERIFY(bad.accessToken().isEmpty());
        QCOMPARE(server.requestCount(QStringLiteral("POST"), QStringLiteral("/auth/sign_in")), 2);
    }

    void contactNotesAreFetchedNewestFirst()
    {
        FakeChatwootServer server;
        QVERIFY(server.listen());
        const qint64 dana = server.addAgent(QStringLiteral("Dana"), QStringLiteral("dana@example.com"));
        const qint64 contact = server.addContact(QStringLiteral("Ελένη Γεωργίου"), QStringLiteral("eleni@example.gr"));
        server.addContactNote(contact, QStringLiteral("老客户，注意提前备货。"), dana, server.now() - 600);
        server.addContactNote(contact, QStringLiteral("Προτιμά email."), 0, server.now() - 60);
        QNetworkAccessManager network;
        ChatwootConnector connector(server.baseUrl(), server.accountId(), server.token(), &network);
        connector.setRetryPolicy(fastRetry());
        QSignalSpy pages(&connector, &Sync::Connector::pageReceived);
        QSignalSpy fetched(&connector, &ChatwootConnector::contactNotesFetched);

        connector.fetchContactNotes(contact);
        QVERIFY(fetched.wait(5000));
        QCOMPARE(fetched.first().at(1).value<Error>(), Error::None);
        QCOMPARE(pages.size(), 1);
        const auto page = pages.first().first().value<Storage::IngestBatch>();
        QCOMPARE(page.completeNoteListsOf, QList<qint64>{contact});
        QCOMPARE(page.contactNotes.size(), 2);
        QCOMPARE(page.contactNotes.at(0).content, QStringLiteral("Προτιμά email."));
        QCOMPARE(page.contactNotes.at(0).authorId, server.meId());
        QCOMPARE(page.contactNotes.at(1).authorName, QStringLiteral("Dana"));
        QCOMPARE(page.contactNotes.at(1).contactId, contact);
        QVERIFY(page.contactNotes.at(1).createdAt < page.contactNotes.at(0).createdAt);

        // A contact the server does not know: 404, no page, and no conversation is touched.
        QSignalSpy removed(&connector, &Sync::Connector::conversationRemoved);
        connector.fetchContactNotes(contact + 1000);
        QVERIFY(fetched.wait(5000));
        QCOMPARE(fetched.last().at(1).value<Error>(), Error::NotFound);
        QCOMPARE(pages.size(), 1);
        QCOMPARE(removed.size(), 0);
    }

    void contactNoteIsPostedOnceAndAMissingContactIsRejected()
    {
        FakeChatwootServer server;
        QVERIFY(server.listen());
        seed(server);
        const qint64 contact = server.conversation(2).contactId;
        QNetworkAccessManager network;
        ChatwootConnector connector(server.baseUrl(), server.accountId(), server.token(), &network);
        connector.setRetryPolicy(fastRetry());
        QSignalSpy pages(&connector, &Sync::Connector::pageReceived);
        QSignalSpy sent(&connector, &Sync::Connector::operationFinished);
        QSignalSpy removed(&connector, &Sync::Connector::conversationRemoved);

        Sync::OutboxOperation operation;
        operation.id = 7;
        operation.sourceUid = connector.sourceUid();
        operation.conversationRemoteId = 2;
        operation.kind = Sync::OutboxOperation::Kind::ContactNote;
        operation.echoId = QStringLiteral("3b7c0f5e-1111-4c4c-9d9d-000000000007");
        operation.payload = {{QStringLiteral("contact_remote_id"), contact},
                             {QStringLiteral("content"), QStringLiteral("Καλεί μόνο απογεύματα · 下午再联系")}};
        connector.send(operation);
        QVERIFY(sent.wait(5000));
        auto outcome = sent.last().at(1).value<Sync::SendOutcome>();
        QVERIFY2(outcome.result == Sync::SendOutcome::Result::Sent, qPrintable(outcome.message));
        QCOMPARE(sent.last().at(0).toLongLong(), 7);
        QCOMPARE(server.requestCount(QStringLiteral("POST"), QStringLiteral("/contacts/%1/notes").arg(contact)), 1);
        const auto onServer = server.contactNotes(contact);
        QCOMPARE(onServer.size(), 1);
        QCOMPARE(onServer.first().content, QStringLiteral("Καλεί μόνο απογεύματα · 下午再联系"));
        QCOMPARE(onServer.first().userId, server.meId());
        QCOMPARE(outcome.serverMessageId, onServer.first().id);
        // The server's copy comes back as a page, so the cache has it without another fetch.
        QCOMPARE(pages.size(), 1);
        const auto page = pages.last().first().value<Storage::IngestBatch>();
        QCOMPARE(page.contactNotes.size(), 1);
        QCOMPARE(page.contactNotes.first().remoteId, onServer.first().id);
        QCOMPARE(page.contactNotes.first().contactId, contact);

        // A retry after an unknown outcome looks first and finds the note: nothing posted twice.
        operation.attempts = 1;
        operation.checkFirst = true;
        connector.send(operation);
        QVERIFY(sent.wait(5000));
        outcome = sent.last().at(1).value<Sync::SendOutcome>();
        QVERIFY2(outcome.result == Sync::SendOutcome::Result::Sent, qPrintable(outcome.message));
        QCOMPARE(server.requestCount(QStringLiteral("POST"), QStringLiteral("/contacts/%1/notes").arg(contact)), 1);
        QCOMPARE(server.contactNotes(contact).size(), 1);

        // The customer was deleted on the server: 404. The note is rejected with a reason and
        // the conversation it was written beside stays (Gone would delete it from the cache).
        server.removeContact(contact);
        operation.attempts = 0;
        operation.checkFirst = false;
        operation.id = 8;
        connector.send(operation);
        QVERIFY(sent.wait(5000));
        outcome = sent.last().at(1).value<Sync::SendOutcome>();
        QCOMPARE(outcome.result, Sync::SendOutcome::Result::Rejected);
        QVERIFY(!outcome.message.isEmpty());
        QCOMPARE(removed.size(), 0);
    }

    void unauthorizedStopsSync()
    {
        FakeChatwootServer server;
        QVERIFY(server.listen());
        seed(server);
        QNetworkAccessManager network;
        ChatwootConnector connector(server.baseUrl(), server.accountId(), QStringLiteral("revoked"), &network);
        connector.setRetryPolicy(fastRetry());
        QSignalSpy finished(&connector, &Sync::Connector::syncFinished);
        connector.startBackfill();
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.first().at(0).value<Error>(), Error::Unauthorized);
        QCOMPARE(server.requestCount(), 1); // 401 is not retried
        connector.setToken(server.token());
        connector.startBackfill();
        QVERIFY(finished.wait(15000));
        QCOMPARE(finished.last().at(0).value<Error>(), Error::None);
    }
};

QTEST_GUILESS_MAIN(TestChatwootConnector)
#include "TestChatwootConnector.moc"
