#include "search/SearchIndex.h"
#include "storage/CacheSchema.h"
#include "storage/CacheStore.h"
#include "storage/Database.h"
#include "support/CacheFixture.h"
#include "support/TempDataDir.h"

#include <QDir>
#include <QFileInfo>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace Counterpart;
using namespace Counterpart::Domain;
using Counterpart::Storage::CacheStore;
using Counterpart::Storage::cacheMigrations;
using Counterpart::Storage::Database;
using Counterpart::Testing::CacheFixture;
using Counterpart::Testing::TempDataDir;

namespace {

int searchCount(const CacheStore &store, const QString &query)
{
    return int(Search::SearchIndex(store.connection()).searchMessages(query).size());
}

int contactSearchCount(const CacheStore &store, const QString &query)
{
    return int(Search::SearchIndex(store.connection()).searchContacts(query).size());
}

qint64 scalar(const CacheStore &store, const QString &sql)
{
    QSqlQuery query(store.connection());
    return query.exec(sql) && query.next() ? query.value(0).toLongLong() : -1;
}

std::optional<Conversation> conversationByRemoteId(const CacheStore &store, qint64 remoteId)
{
    QSqlQuery query(store.connection());
    query.prepare(QStringLiteral("SELECT id FROM conversations WHERE remote_id=?"));
    query.addBindValue(remoteId);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return store.conversation(query.value(0).toLongLong());
}

void writeFutureCache(const QString &path, int userVersion)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("future"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("CREATE TABLE something_new (x)")));
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version=%1").arg(userVersion)));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("future"));
}

} // namespace

class TestCacheStore : public QObject
{
    Q_OBJECT

private slots:
    void reingestAfterRestartKeepsOneSearchRowPerMessage()
    {
        // A new process restarts the id sequence, so the same page ingested again in the same
        // order proposes exactly the ids its messages already have (a sync after a crash does
        // this); the search index must be replaced, not inserted twice.
        Testing::TempDataDir dir;
        const CacheFixture fixture = CacheFixture::multilingual();
        QString error;
        for (int run = 0; run < 2; ++run) {
            Storage::CacheStore store;
            QVERIFY(store.open(dir.cachePath()).ok);
            QVERIFY2(fixture.ingestInto(store, &error), qPrintable(error));
        }
        Storage::CacheStore store;
        QVERIFY(store.open(dir.cachePath()).ok);
        QSqlQuery count(store.connection());
        QVERIFY(count.exec(QStringLiteral("SELECT (SELECT count(*) FROM messages), (SELECT count(*) FROM messages_fts)")));
        QVERIFY(count.next());
        QCOMPARE(count.value(0).toInt(), int(fixture.batch().messages.size()));
        QCOMPARE(count.value(1).toInt(), int(fixture.batch().messages.size()));
        const Search::SearchIndex index(store.connection());
        QCOMPARE(index.searchMessages(QStringLiteral("退款")).size(), 1);
    }

    void ingestAndReadBackEveryField();
    void upsertUpdatesWithoutDuplicates();
    void messageTextUpdateReindexes();
    void contactUpdateReindexes();
    void badReferenceRejectsTheWholeBatch_data();
    void badReferenceRejectsTheWholeBatch();
    void previewIsTheLastCustomerOrAgentMessage();
    void messagesArePagedOldestFirst();
    void messagesOfTheSameSecondAcrossSessions();
    void historyDeliveredNewestFirstIsSearchableNewestFirst();
    void meAgent();
    void contactNotesRoundTrip();
    void ingestWhenClosedFails();
    void garbageFileIsMovedAsideWithSideFiles();
    void tooNewCacheIsMovedAside();
    void reopenKeepsData();
};

void TestCacheStore::ingestAndReadBackEveryField()
{
    TempDataDir dir;
    CacheStore store;
    const auto report = store.open(dir.cachePath());
    QVERIFY2(report.ok, qPrintable(report.message));
    QVERIFY(!report.rebuilt);

    CacheFixture fixture = CacheFixture::multilingual();
    Contact &contact = fixture.batch().contacts[1];
    contact.timezone = QStringLiteral("Asia/Shanghai");
    contact.location = QStringLiteral("上海");
    contact.company = QStringLiteral("小米");
    contact.customAttributes = QJsonObject{{QStringLiteral("plan"), QStringLiteral("gold")},
                                           {QStringLiteral("orders"), 12}};
    Conversation &conversation = fixture.batch().conversations[1];
    conversation.priority = Priority::High;
    conversation.labels = {QStringLiteral("refund"), QStringLiteral("vip")};
    conversation.unreadCount = 3;
    conversation.waitingSince = CacheFixture::at(11);
    conversation.csatRating = 4;
    conversation.csatComment = QStringLiteral("很好");
    conversation.assigneeId = CacheFixture::SupportAgent;
    conversation.customAttributes = QJsonObject{{QStringLiteral("order"), QStringLiteral("A-1")}};
    Message &message = fixture.batch().messages[2];
    message.html = QStringLiteral("<p>你好</p>");
    message.delivery = DeliveryState::Read;
    message.echoId = QStringLiteral("echo-1");
    message.attachments = {Attachment{QStringLiteral("receipt.pdf"), QStringLiteral("application/pdf"),
                                      2048, QStringLiteral("https://files.invalid/r.pdf"), 0}};

    QSignalSpy changed(&store, &CacheStore::contentChanged);
    QString error;
    const qint64 sourceId = fixture.ingestInto(store, &error);
    QVERIFY2(sourceId, qPrintable(error));
    QCOMPARE(changed.count(), 1);

    const auto sources = store.sources();
    QCOMPARE(sources.size(), 1);
    QCOMPARE(sources.first().uid, QStringLiteral("test"));
    QCOMPARE(sources.first().accountId, 7);
    QCOMPARE(store.sourceByUid(QStringLiteral("test"))->id, sourceId);
    QVERIFY(!store.sourceByUid(QStringLiteral("nope")));

    const auto inboxes = store.inboxes();
    QCOMPARE(inboxes.size(), 2);
    QCOMPARE(inboxes.at(0).name, QStringLiteral("Support e-mail"));
    QCOMPARE(inboxes.at(0).channel, ChannelKind::Email);
    QCOMPARE(inboxes.at(1).channel, ChannelKind::WhatsApp);
    QCOMPARE(inboxes.at(1).address, QStringLiteral("inbox2@support.invalid"));
    const auto agents = store.agents();
    QCOMPARE(agents.size(), 1);
    QCOMPARE(agents.first().email, QStringLiteral("maria@support.invalid"));
    QCOMPARE(agents.first().availability, QStringLiteral("online"));

    QCOMPARE(store.conversationCount(), 4);
    QCOMPARE(store.messageCount(), 7);
    const auto readConversation = conversationByRemoteId(store, 102);
    QVERIFY(readConversation);
    QCOMPARE(readConversation->sourceId, sourceId);
    QCOMPARE(readConversation->status, ConversationStatus::Open);
    QCOMPARE(readConversation->priority, Priority::High);
    QCOMPARE(readConversation->subject, QStringLiteral("Conversation 102"));
    QCOMPARE(readConversation->labels, (QStringList{QStringLiteral("refund"), QStringLiteral("vip")}));
    QCOMPARE(readConversation->unreadCount, 3);
    QCOMPARE(readConversation->createdAt, CacheFixture::at(10));
    QCOMPARE(readConversation->lastActivityAt, CacheFixture::at(12));
    QCOMPARE(readConversation->waitingSince, CacheFixture::at(11));
    QVERIFY(!readConversation->firstReplyAt.isValid());
    QVERIFY(!readConversation->snoozedUntil.isValid());
    QCOMPARE(readConversation->csatRating, 4);
    QCOMPARE(readConversation->csatComment, QStringLiteral("很好"));
    QCOMPARE(readConversation->customAttributes.value(QStringLiteral("order")).toString(), QStringLiteral("A-1"));
    QCOMPARE(readConversation->assigneeId, agents.first().id);
    QCOMPARE(readConversation->inboxId, inboxes.at(1).id);

    const auto readContact = store.contact(readConversation->contactId);
    QVERIFY(readContact);
    QCOMPARE(readContact->remoteId, CacheFixture::SimplifiedContact);
    QCOMPARE(readContact->name, QStringLiteral("王小明"));
    QCOMPARE(readContact->email, QStringLiteral("wang@example.cn"));
    QCOMPARE(readContact->phone, QStringLiteral("+86 10 5555 0101"));
    QCOMPARE(readContact->language, QStringLiteral("zh-Hans"));
    QCOMPARE(readContact->timezone, QStringLiteral("Asia/Shanghai"));
    QCOMPARE(readContact->location, QStringLiteral("上海"));
    QCOMPARE(readContact->company, QStringLiteral("小米"));
    QCOMPARE(readContact->customAttributes.value(QStringLiteral("orders")).toInt(), 12);
    QCOMPARE(readContact->lastActivityAt, CacheFixture::at(2));
    const auto ofContact = store.conversationsOfContact(readContact->id, 10);
    QCOMPARE(ofContact.size(), 1);
    QCOMPARE(ofContact.first().remoteId, 102);

    const auto messages = store.messages(readConversation->id, 50);
    QCOMPARE(messages.size(), 2);
    const Message &incoming = messages.at(0);
    QCOMPARE(incoming.remoteId, 1003);
    QCOMPARE(incoming.text, QStringLiteral("你好，我想申请退款"));
    QCOMPARE(incoming.html, QStringLiteral("<p>你好</p>"));
    QCOMPARE(incoming.kind, MessageKind::Incoming);
    QCOMPARE(incoming.senderKind, SenderKind::Contact);
    QCOMPARE(incoming.senderId, readContact->id);
    QCOMPARE(incoming.createdAt, CacheFixture::at(11));
    QCOMPARE(incoming.delivery, DeliveryState::Read);
    QCOMPARE(incoming.echoId, QStringLiteral("echo-1"));
    QCOMPARE(incoming.attachments.size(), 1);
    QCOMPARE(incoming.attachments.first().fileName, QStringLiteral("receipt.pdf"));
    QCOMPARE(incoming.attachments.first().size, 2048);
    const Message &reply = messages.at(1);
    QCOMPARE(reply.kind, MessageKind::Outgoing);
    QCOMPARE(reply.senderKind, SenderKind::Agent);
    QCOMPARE(reply.senderId, agents.first().id);
    QCOMPARE(reply.senderName, QStringLiteral("Maria Agent"));
    QVERIFY(reply.attachments.isEmpty());
    QVERIFY(incoming.id < reply.id);
}

void TestCacheStore::upsertUpdatesWithoutDuplicates()
{
    TempDataDir dir;
    CacheStore store;
    QVERIFY(store.open(dir.cachePath()).ok);
    CacheFixture fixture = CacheFixture::multilingual();
    QString error;
    QVERIFY2(fixture.ingestInto(store, &error), qPrintable(error));
    const auto before = conversationByRemoteId(store, 101);
    QVERIFY(before);

    fixture.batch().conversations[0].status = ConversationStatus::Resolved;
    fixture.batch().conversations[0].labels = {QStringLiteral("done")};
    fixture.batch().inboxes[0].name = QStringLiteral("E-mail (EU)");
    fixture.batch().messages[0].delivery = DeliveryState::Failed;
    QVERIFY2(fixture.ingestInto(store, &error), qPrintable(error));

    QCOMPARE(store.conversationCount(), 4);
    QCOMPARE(store.messageCount(), 7);
    QCOMPARE(store.inboxes().size(), 2);
    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM contacts")), 4);
    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM messages_fts")), 7);
    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM contacts_fts")), 4);
    const auto after = conversationByRemoteId(store, 101);
    QCOMPARE(after->id, before->id); // local ids are stable across updates
    QCOMPARE(after->status, ConversationStatus::Resolved);
    QCOMPARE(after->labels, QStringList{QStringLiteral("done")});
    QCOMPARE(store.inboxes().first().name, QStringLiteral("E-mail (EU)"));
    const auto messages = store.messages(after->id, 10);
    QCOMPARE(messages.first().delivery, DeliveryState::Failed);
    QCOMPARE(searchCount(store, QStringLiteral("refund")), 2); // not indexed twice
}

void TestCacheStore::messageTextUpdateReindexes()
{
    TempDataDir dir;
    CacheStore store;
    QVERIFY(store.open(dir.cachePath()).ok);
    QString error;
    QVERIFY2(CacheFixture::multilingual().ingestInto(store, &error), qPrintable(error));
    QCOMPARE(searchCount(store, QStringLiteral("退款")), 1);

    CacheFixture edit;
    edit.addConversation(102, CacheFixture::WhatsAppInbox, CacheFixture::SimplifiedContact, 10);
    edit.addMessage(1003, 102, QStringLiteral("你好，我想换货"), 11);
    QVERIFY2(edit.ingestInto(store, &error), qPrintable(error));

    QCOMPARE(store.messageCount(), 7);
    QCOMPARE(searchCount(store, QStringLiteral("退款")), 0);
    QCOMPARE(searchCount(store, QStringLiteral("换货")), 1);
    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM messages_fts")), 7);
}

void TestCacheStore::contactUpdateReindexes()
{
    TempDataDir dir;
    CacheStore store;
    QVERIFY(store.open(dir.cachePath()).ok);
    CacheFixture fixture = CacheFixture::multilingual();
    QString error;
    QVERIFY2(fixture.ingestInto(store, &error), qPrintable(error));
    QCOMPARE(contactSearchCount(store, QStringLiteral("johnson")), 1);
    // Sent again unchanged (a sync repeats the customer with each conversation): still one row.
    QVERIFY2(fixture.ingestInto(store, &error), qPrintable(error));
    QCOMPARE(contactSearchCount(store, QStringLiteral("johnson")), 1);
    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM contacts_fts")),
             scalar(store, QStringLiteral("SELECT count(*) FROM contacts")));

    fixture.batch().contacts[0].name = QStringLiteral("Alice Smith");
    QVERIFY2(fixture.ingestInto(store, &error), qPrintable(error));
    QCOMPARE(contactSearchCount(store, QStringLiteral("johnson@example")), 1); // e-mail unchanged
    QCOMPARE(contactSearchCount(store, QStringLiteral("smith")), 1);
    QCOMPARE(contactSearchCount(store, QStringLiteral("alice johnson")), 1);
    fixture.batch().contacts[0].email = QStringLiteral("alice@smith.example");
    QVERIFY2(fixture.ingestInto(store, &error), qPrintable(error));
    QCOMPARE(contactSearchCount(store, QStringLiteral("johnson")), 0);
}

void TestCacheStore::badReferenceRejectsTheWholeBatch_data()
{
    QTest::addColumn<bool>("badMessage");
    QTest::addColumn<QString>("errorMentions");
    QTest::newRow("conversation in an unknown inbox") << false << QStringLiteral("inbox 99");
    QTest::newRow("message in an unknown conversation") << true << QStringLiteral("conversation 999");
}

void TestCacheStore::badReferenceRejectsTheWholeBatch()
{
    QFETCH(bool, badMessage);
    QFETCH(QString, errorMentions);
    TempDataDir dir;
    CacheStore store;
    QVERIFY(store.open(dir.cachePath()).ok);
    QSignalSpy changed(&store, &CacheStore::contentChanged);

    CacheFixture bad = CacheFixture::multilingual();
    if (badMessage)
        bad.addMessage(5000, 999, QStringLiteral("orphan zeppelin"), 50);
    else
        bad.addConversation(500, 99, CacheFixture::EnglishContact, 50);
    QString error;
    QVERIFY(!bad.ingestInto(store, &error));
    QVERIFY2(error.contains(errorMentions), qPrintable(error));
    QCOMPARE(changed.count(), 0);

    // Nothing of the batch is left: not the good rows before the bad one, not their index rows.
    QCOMPARE(store.conversationCount(), 0);
    QCOMPARE(store.messageCount(), 0);
    QVERIFY(store.inboxes().isEmpty());
    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM contacts")), 0);
    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM messages_fts")), 0);
    QCOMPARE(contactSearchCount(store, QStringLiteral("alice")), 0);

    // The store is not wedged: the same data without the bad row goes in.
    QVERIFY2(CacheFixture::multilingual().ingestInto(store, &error), qPrintable(error));
    QCOMPARE(store.conversationCount(), 4);
    QCOMPARE(store.messageCount(), 7);
    QCOMPARE(searchCount(store, QStringLiteral("refund")), 2);
    QCOMPARE(changed.count(), 1);
}

void TestCacheStore::previewIsTheLastCustomerOrAgentMessage()
{
    TempDataDir dir;
    CacheStore store;
    QVERIFY(store.open(dir.cachePath()).ok);
    QString error;
    QVERIFY2(CacheFixture::multilingual().ingestInto(store, &error), qPrintable(error));
    // 104 ends with an internal note: the preview is the customer's message before it.
    QCOMPARE(conversationByRemoteId(store, 104)->preview,
             QStringLiteral("Καλημέρα σας, θα ήθελα να αλλάξω τη διεύθυνση αποστολής."));
    QCOMPARE(conversationByRemoteId(store, 101)->preview, QStringLiteral("Of course, the refund is on its way."));

    CacheFixture later;
    later.addConversation(101, CacheFixture::EmailInbox, CacheFixture::EnglishContact, 0);
    later.addMessage(1010, 101, QStringLiteral("Thanks, received!"), 60);
    later.addMessage(1011, 101, QStringLiteral("Conversation resolved"), 61, MessageKind::Activity);
    QVERIFY2(later.ingestInto(store, &error), qPrintable(error));
    QCOMPARE(conversationByRemoteId(store, 101)->preview, QStringLiteral("Thanks, received!"));

    // A message arriving late with an older time does not replace the newer preview.
    CacheFixture backfill;
    backfill.addConversation(101, CacheFixture::EmailInbox, CacheFixture::EnglishContact, 0);
    backfill.addMessage(1000, 101, QStringLiteral("Hello? (sent earlier)"), 0);
    QVERIFY2(backfill.ingestInto(store, &error), qPrintable(error));
    QCOMPARE(conversationByRemoteId(store, 101)->preview, QStringLiteral("Thanks, received!"));
}

void TestCacheStore::messagesArePagedOldestFirst()
{
    TempDataDir dir;
    CacheStore store;
    QVERIFY(store.open(dir.cachePath()).ok);
    CacheFixture fixture = CacheFixture::multilingual();
    for (int i = 0; i < 25; ++i)
        fixture.addMessage(3000 + i, 101, QStringLiteral("line %1").arg(i), 100 + i);
    QString error;
    QVERIFY2(fixture.ingestInto(store, &error), qPrintable(error));
    const qint64 id = conversationByRemoteId(store, 101)->id;
    const auto newest = store.messages(id, 10);
    QCOMPARE(newest.size(), 10);
    QCOMPARE(newest.first().text, QStringLiteral("line 15"));
    QCOMPARE(newest.last().text, QStringLiteral("line 24"));
    const auto older = store.messages(id, 10, newest.first().id);
    QCOMPARE(older.first().text, QStringLiteral("line 5"));
    QCOMPARE(older.last().text, QStringLiteral("line 14"));
    const auto oldest = store.messages(id, 10, older.first().id);
    QCOMPARE(oldest.size(), 7);
    QCOMPARE(oldest.first().remoteId, 1001);
}

void TestCacheStore::messagesOfTheSameSecondAcrossSessions()
{
    // Imported histories often carry one timestamp for many messages. Ids are time-ordered
    // keys; after a restart the sequence must not collide with the ids already stored.
    TempDataDir dir;
    CacheFixture fixture = CacheFixture::multilingual();
    fixture.batch().messages.clear();
    for (int i = 0; i < 12; ++i)
        fixture.addMessage(3000 + i, 101, QStringLiteral("imported %1").arg(i), 100);
    QString error;
    {
        CacheStore store;
        QVERIFY(store.open(dir.cachePath()).ok);
        QVERIFY2(fixture.ingestInto(store, &error), qPrintable(error));
    }
    CacheStore store;
    QVERIFY(store.open(dir.cachePath()).ok);
    CacheFixture more;
    more.addConversation(101, CacheFixture::EmailInbox, CacheFixture::EnglishContact, 0);
    for (int i = 0; i < 3; ++i)
        more.addMessage(4000 + i, 101, QStringLiteral("imported later %1").arg(i), 100);
    QVERIFY2(more.ingestInto(store, &error), qPrintable(error));
    QCOMPARE(store.messageCount(), 12 + 3);
    const auto messages = store.messages(conversationByRemoteId(store, 101)->id, 100);
    QCOMPARE(messages.size(), 12 + 3);
    // Still in arrival order within the second, the later import after the earlier one.
    QCOMPARE(messages.first().text, QStringLiteral("imported 0"));
    QCOMPARE(messages.last().text, QStringLiteral("imported later 2"));
}

void TestCacheStore::historyDeliveredNewestFirstIsSearchableNewestFirst()
{
    // A Chatwoot backfill pages conversations newest first, each with its messages oldest
    // first: the page's message ids go down and up again. The search index is written in id
    // order whatever the page order; every message must be found, newest first, and a second
    // page must not disturb the first page's rows.
    TempDataDir dir;
    CacheStore store;
    QVERIFY(store.open(dir.cachePath()).ok);
    CacheFixture page = CacheFixture::multilingual();
    page.batch().messages.clear();
    for (int conversation = 0; conversation < 3; ++conversation) {
        const qint64 remoteConversation = 101 + conversation;
        const int start = 1000 - 300 * conversation; // later conversations first
        for (int i = 0; i < 4; ++i)
            page.addMessage(5000 + conversation * 10 + i, remoteConversation,
                            QStringLiteral("parcel update %1-%2").arg(conversation).arg(i), start + i);
    }
    QString error;
    QVERIFY2(page.ingestInto(store, &error), qPrintable(error));
    CacheFixture older = CacheFixture::multilingual();
    older.batch().messages.clear();
    older.addMessage(6000, 104, QStringLiteral("parcel question from before"), 5);
    QVERIFY2(older.ingestInto(store, &error), qPrintable(error));

    const auto hits = Search::SearchIndex(store.connection()).searchMessages(QStringLiteral("parcel"));
    QCOMPARE(hits.size(), 13);
    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM messages_fts")), 13);
    QStringList texts;
    for (const auto &hit : hits) {
        QSqlQuery text(store.connection());
        text.prepare(QStringLiteral("SELECT text FROM messages WHERE id=?"));
        text.addBindValue(hit.messageId);
        QVERIFY(text.exec() && text.next());
        texts.append(text.value(0).toString());
    }
    QCOMPARE(texts.first(), QStringLiteral("parcel update 0-3"));
    QCOMPARE(texts.at(4), QStringLiteral("parcel update 1-3"));
    QCOMPARE(texts.last(), QStringLiteral("parcel question from before"));
}

void TestCacheStore::meAgent()
{
    TempDataDir dir;
    CacheStore store;
    QVERIFY(store.open(dir.cachePath()).ok);
    QString error;
    const qint64 sourceId = CacheFixture::multilingual().ingestInto(store, &error);
    QVERIFY2(sourceId, qPrintable(error));
    QVERIFY(store.meAgentIds().isEmpty());
    QVERIFY(!store.setMeAgent(sourceId, 12345));
    QVERIFY(store.setMeAgent(sourceId, CacheFixture::SupportAgent));
    QCOMPARE(store.meAgentIds(), QList<qint64>{store.agents().first().id});
}

void TestCacheStore::contactNotesRoundTrip()
{
    TempDataDir dir;
    CacheStore store;
    QVERIFY(store.open(dir.cachePath()).ok);
    QString error;
    const qint64 sourceId = CacheFixture::multilingual().ingestInto(store, &error);
    QVERIFY2(sourceId, qPrintable(error));
    QSignalSpy notesIngested(&store, &CacheStore::contactNotesIngested);

    auto note = [](qint64 remoteId, qint64 contact, qint64 author, const QString &authorName, const QString &text,
                   int minutes) {
        Domain::ContactNote n;
        n.remoteId = remoteId;
        n.contactId = contact;
        n.authorId = author;
        n.authorName = authorName;
        n.content = text;
        n.createdAt = CacheFixture::at(minutes);
        return n;
    };
    Storage::IngestBatch page;
    page.contactNotes = {note(501, CacheFixture::GreekContact, CacheFixture::SupportAgent, QStringLiteral("ignored"),
                              QStringLiteral("Προτιμά email· 周五前回电"), 10),
                         note(502, CacheFixture::GreekContact, 999, QStringLiteral("Former Agent"),
                              QStringLiteral("VIP since 2021"), 20),
                         note(503, CacheFixture::SimplifiedContact, 0, QString(), QStringLiteral("老客户"), 5)};
    QVERIFY2(store.ingest(sourceId, page, &error), qPrintable(error));

    auto localContact = [&store](qint64 remoteId) {
        QSqlQuery query(store.connection());
        query.prepare(QStringLiteral("SELECT id FROM contacts WHERE remote_id=?"));
        query.addBindValue(remoteId);
        return query.exec() && query.next() ? query.value(0).toLongLong() : 0;
    };
    const qint64 greek = localContact(CacheFixture::GreekContact);
    QVERIFY(greek);
    QCOMPARE(notesIngested.size(), 1);
    QCOMPARE(notesIngested.first().first().value<QList<qint64>>().size(), 2);
    QList<Domain::ContactNote> notes = store.contactNotes(greek);
    QCOMPARE(notes.size(), 2);
    // Newest first; an author the cache knows is named as the cache knows them, an unknown one
    // as the server named them.
    QCOMPARE(notes.at(0).remoteId, 502);
    QCOMPARE(notes.at(0).authorId, 0);
    QCOMPARE(notes.at(0).authorName, QStringLiteral("Former Agent"));
    QCOMPARE(notes.at(1).content, QStringLiteral("Προτιμά email· 周五前回电"));
    QCOMPARE(notes.at(1).authorId, store.agents().first().id);
    QCOMPARE(notes.at(1).authorName, store.agents().first().name);
    QCOMPARE(notes.at(1).createdAt, CacheFixture::at(10));
    QCOMPARE(notes.at(1).contactId, greek);

    // The server's complete list: 501 edited, 502 deleted there, the other customer untouched.
    Storage::IngestBatch list;
    list.contactNotes = {note(501, CacheFixture::GreekContact, CacheFixture::SupportAgent, QString(),
                              QStringLiteral("Προτιμά τηλέφωνο"), 10)};
    list.completeNoteListsOf = {CacheFixture::GreekContact};
    QVERIFY2(store.ingest(sourceId, list, &error), qPrintable(error));
    notes = store.contactNotes(greek);
    QCOMPARE(notes.size(), 1);
    QCOMPARE(notes.first().content, QStringLiteral("Προτιμά τηλέφωνο"));
    const qint64 simplified = localContact(CacheFixture::SimplifiedContact);
    QCOMPARE(store.contactNotes(simplified).size(), 1);

    // An empty complete list forgets every note of that customer.
    Storage::IngestBatch none;
    none.completeNoteListsOf = {CacheFixture::SimplifiedContact};
    QVERIFY(!none.isEmpty());
    QVERIFY2(store.ingest(sourceId, none, &error), qPrintable(error));
    QVERIFY(store.contactNotes(simplified).isEmpty());

    // A note about a customer the cache does not know fails the page, like a message would.
    Storage::IngestBatch orphan;
    orphan.contactNotes = {note(600, 4242, 0, QString(), QStringLiteral("?"), 1)};
    QVERIFY(!store.ingest(sourceId, orphan, &error));
    QVERIFY(error.contains(QLatin1String("4242")));

    // Still there after a restart.
    store.close();
    CacheStore reopened;
    QVERIFY(reopened.open(dir.cachePath()).ok);
    QCOMPARE(reopened.contactNotes(greek).size(), 1);
}

void TestCacheStore::ingestWhenClosedFails()
{
    CacheStore store;
    QString error;
    QVERIFY(!store.ingest(1, CacheFixture::multilingual().batch(), &error));
    QVERIFY(!error.isEmpty());
}

void TestCacheStore::garbageFileIsMovedAsideWithSideFiles()
{
    TempDataDir dir;
    const QByteArray garbage = QByteArray("\x00\x01garbage that is not sqlite", 28).repeated(100);
    QVERIFY(TempDataDir::writeFile(dir.cachePath(), garbage));
    QVERIFY(TempDataDir::writeFile(dir.cachePath() + QStringLiteral("-wal"), "stale wal"));
    QVERIFY(TempDataDir::writeFile(dir.cachePath() + QStringLiteral("-shm"), "stale shm"));

    CacheStore store;
    const auto report = store.open(dir.cachePath());
    QVERIFY2(report.ok, qPrintable(report.message));
    QVERIFY(report.rebuilt);
    QVERIFY2(report.movedAsidePath.startsWith(dir.cachePath() + QStringLiteral(".broken-")),
             qPrintable(report.movedAsidePath));
    QCOMPARE(TempDataDir::readFile(report.movedAsidePath), garbage);
    QCOMPARE(TempDataDir::readFile(report.movedAsidePath + QStringLiteral("-wal")), QByteArray("stale wal"));
    QCOMPARE(TempDataDir::readFile(report.movedAsidePath + QStringLiteral("-shm")), QByteArray("stale shm"));
    // The message says what happened and where the old file went.
    QVERIFY2(report.message.contains(report.movedAsidePath), qPrintable(report.message));

    // A working, empty cache is in place.
    QCOMPARE(store.conversationCount(), 0);
    QString error;
    QVERIFY2(CacheFixture::multilingual().ingestInto(store, &error), qPrintable(error));
    QCOMPARE(searchCount(store, QStringLiteral("καλημερα")), 1);
    store.close();
    CacheStore reopened;
    const auto second = reopened.open(dir.cachePath());
    QVERIFY(second.ok);
    QVERIFY(!second.rebuilt);
    QCOMPARE(reopened.messageCount(), 7);
}

void TestCacheStore::tooNewCacheIsMovedAside()
{
    TempDataDir dir;
    writeFutureCache(dir.cachePath(), 999);
    const QByteArray original = TempDataDir::readFile(dir.cachePath());

    CacheStore store;
    const auto report = store.open(dir.cachePath());
    QVERIFY2(report.ok, qPrintable(report.message));
    QVERIFY(report.rebuilt);
    QVERIFY(QFileInfo::exists(report.movedAsidePath));
    QCOMPARE(TempDataDir::readFile(report.movedAsidePath), original);
    QVERIFY2(report.message.contains(QLatin1String("999")), qPrintable(report.message));
    QCOMPARE(scalar(store, QStringLiteral("PRAGMA user_version")),
             Database::latestVersion(cacheMigrations()));
    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name='something_new'")), 0);
}

void TestCacheStore::reopenKeepsData()
{
    TempDataDir dir;
    QString error;
    {
        CacheStore store;
        QVERIFY(store.open(dir.cachePath()).ok);
        QVERIFY2(CacheFixture::multilingual().ingestInto(store, &error), qPrintable(error));
    }
    CacheStore store;
    const auto report = store.open(dir.cachePath());
    QVERIFY(report.ok);
    QVERIFY(!report.rebuilt);
    QCOMPARE(store.conversationCount(), 4);
    QCOMPARE(searchCount(store, QStringLiteral("退貨")), 1);
    // Remote ids resolve to the existing rows after a restart (the id cache starts empty).
    CacheFixture more;
    more.addMessage(6000, 103, QStringLiteral("還在等"), 90);
    QVERIFY2(more.ingestInto(store, &error), qPrintable(error));
    QCOMPARE(store.messages(conversationByRemoteId(store, 103)->id, 10).size(), 2);
}

QTEST_GUILESS_MAIN(TestCacheStore)
#include "TestCacheStore.moc"
