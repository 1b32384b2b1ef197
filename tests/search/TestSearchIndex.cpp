#include "search/SearchIndex.h"
#include "storage/CacheStore.h"
#include "support/CacheFixture.h"
#include "support/TempDataDir.h"

#include <QTest>

using namespace Counterpart;
using namespace Counterpart::Search;
using Counterpart::Testing::CacheFixture;
using Counterpart::Testing::TempDataDir;

namespace {

QStringList snippets(const QList<SearchHit> &hits)
{
    QStringList result;
    for (const auto &hit : hits)
        result.append(hit.snippet);
    return result;
}

QList<qint64> conversationRemoteIds(const Storage::CacheStore &store, const QList<SearchHit> &hits)
{
    QList<qint64> result;
    for (const auto &hit : hits) {
        const auto conversation = store.conversation(hit.conversationId);
        result.append(conversation ? conversation->remoteId : -1);
    }
    return result;
}

// The highlighted stretches, read back through `highlights`, as the UI would paint them.
QStringList highlighted(const SearchHit &hit)
{
    QStringList result;
    for (const auto &[start, length] : hit.highlights)
        result.append(hit.snippet.mid(start, length));
    return result;
}

} // namespace

class TestSearchIndex : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void findsMessages_data();
    void findsMessages();
    void chineseWordsAreNotFoundFromScatteredCharacters();
    void longChinesePhraseMustBeContiguous();
    void newestFirst();
    void snippetKeepsOriginalAccentsAndHighlights();
    void snippetOfLongMessageIsAWindowAroundTheMatch();
    void snippetEscapesHtmlWhenAsked();
    void everyWordMustMatch();
    void hitCarriesConversationAndCustomer();
    void contactsByNameEmailPhone_data();
    void contactsByNameEmailPhone();
    void conversationsGroupNewestHitAndAppendContacts();
    void filtersByChannelAndStatus();
    void limitIsRespected();
    void userInputNeverBreaksTheQuery_data();
    void userInputNeverBreaksTheQuery();
    void updatedMessageIsFoundByItsNewTextOnly();

private:
    std::unique_ptr<TempDataDir> m_dir;
    std::unique_ptr<Storage::CacheStore> m_store;
};

void TestSearchIndex::init()
{
    m_dir = std::make_unique<TempDataDir>();
    QVERIFY(m_dir->isValid());
    m_store = std::make_unique<Storage::CacheStore>();
    const auto report = m_store->open(m_dir->cachePath());
    QVERIFY2(report.ok, qPrintable(report.message));
    QString error;
    QVERIFY2(CacheFixture::multilingual().ingestInto(*m_store, &error), qPrintable(error));
}

void TestSearchIndex::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void TestSearchIndex::findsMessages_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("expectedSnippets");

    const QString refundIn = QStringLiteral("Hi, I would like a [refund] for order #4411.");
    const QString refundOut = QStringLiteral("Of course, the [refund] is on its way.");
    const QString greek = QStringLiteral(
        "[Καλημέρα] σας, θα ήθελα να αλλάξω τη διεύθυνση αποστολής.");
    QTest::newRow("english word") << QStringLiteral("refund") << QStringList{refundOut, refundIn};
    QTest::newRow("english prefix") << QStringLiteral("refun") << QStringList{refundOut, refundIn};
    QTest::newRow("english upper case") << QStringLiteral("REFUND") << QStringList{refundOut, refundIn};
    QTest::newRow("number") << QStringLiteral("4411")
                            << QStringList{QStringLiteral("Hi, I would like a refund for order #[4411].")};
    QTest::newRow("greek without accent") << QStringLiteral("καλημερα") << QStringList{greek};
    QTest::newRow("greek with accent") << QStringLiteral("καλημέρα") << QStringList{greek};
    QTest::newRow("greek capitals") << QStringLiteral("ΚΑΛΗΜΕΡΑ") << QStringList{greek};
    QTest::newRow("greek prefix without accent") << QStringLiteral("διευθ")
                                                 << QStringList{QStringLiteral(
                                                        "Καλημέρα σας, θα ήθελα να αλλάξω τη [διεύθυνση] αποστολής.")};
    QTest::newRow("chinese two characters") << QStringLiteral("退款")
                                            << QStringList{QStringLiteral("你好，我想申请[退款]")};
    QTest::newRow("chinese one character")
        << QStringLiteral("退")
        << QStringList{QStringLiteral("我要[退]貨，商品有瑕疵。"), QStringLiteral("你好，我想申请[退]款")};
    QTest::newRow("chinese four characters") << QStringLiteral("申请退款")
                                             << QStringList{QStringLiteral("你好，我想[申请退款]")};
    QTest::newRow("traditional chinese") << QStringLiteral("退貨")
                                         << QStringList{QStringLiteral("我要[退貨]，商品有瑕疵。")};
    QTest::newRow("simplified does not find traditional") << QStringLiteral("退货") << QStringList{};
    QTest::newRow("word that is nowhere") << QStringLiteral("invoice") << QStringList{};
    QTest::newRow("inside a word is not a prefix") << QStringLiteral("fund") << QStringList{};
    QTest::newRow("empty") << QString() << QStringList{};
    QTest::newRow("spaces") << QStringLiteral("   ") << QStringList{};
}

void TestSearchIndex::findsMessages()
{
    QFETCH(QString, query);
    QFETCH(QStringList, expectedSnippets);
    const SearchIndex index(m_store->connection());
    const auto hits = index.searchMessages(query);
    QCOMPARE(index.errorString(), QString());
    QCOMPARE(snippets(hits), expectedSnippets);
}

void TestSearchIndex::chineseWordsAreNotFoundFromScatteredCharacters()
{
    CacheFixture more;
    more.addConversation(201, CacheFixture::WhatsAppInbox, CacheFixture::SimplifiedContact, 40);
    more.addMessage(2001, 201, QStringLiteral("退一步说，款项已经到账了"), 41);
    QString error;
    QVERIFY2(more.ingestInto(*m_store, &error), qPrintable(error));

    const SearchIndex index(m_store->connection());
    QCOMPARE(snippets(index.searchMessages(QStringLiteral("退款"))),
             QStringList{QStringLiteral("你好，我想申请[退款]")});
    // Each character on its own still finds the new message, newest first.
    const auto single = index.searchMessages(QStringLiteral("款"));
    QCOMPARE(snippets(single),
             (QStringList{QStringLiteral("退一步说，[款]项已经到账了"), QStringLiteral("你好，我想申请退[款]")}));
}

void TestSearchIndex::longChinesePhraseMustBeContiguous()
{
    // Holds every two-character word of 申请退款 (申请, 请退, 退款) but not the phrase.
    CacheFixture more;
    more.addConversation(201, CacheFixture::WhatsAppInbox, CacheFixture::SimplifiedContact, 40);
    more.addMessage(2001, 201, QStringLiteral("请退出后再填申请表，退款单稍后寄出"), 41);
    QString error;
    QVERIFY2(more.ingestInto(*m_store, &error), qPrintable(error));

    const SearchIndex index(m_store->connection());
    QCOMPARE(snippets(index.searchMessages(QStringLiteral("申请退款"))),
             QStringList{QStringLiteral("你好，我想[申请退款]")});
    QCOMPARE(index.searchMessages(QStringLiteral("退款")).size(), 2);
}

void TestSearchIndex::newestFirst()
{
    // Written oldest-in-the-middle and across two batches: the order must come from the times.
    CacheFixture more;
    more.addConversation(201, CacheFixture::EmailInbox, CacheFixture::EnglishContact, 100);
    more.addMessage(2001, 201, QStringLiteral("parcel one"), 300);
    more.addMessage(2002, 201, QStringLiteral("parcel two"), 100);
    more.addMessage(2003, 201, QStringLiteral("parcel three"), 200);
    QString error;
    QVERIFY2(more.ingestInto(*m_store, &error), qPrintable(error));
    CacheFixture later;
    later.addConversation(202, CacheFixture::EmailInbox, CacheFixture::EnglishContact, 50);
    later.addMessage(2004, 202, QStringLiteral("parcel four"), 250);
    QVERIFY2(later.ingestInto(*m_store, &error), qPrintable(error));

    const SearchIndex index(m_store->connection());
    const auto hits = index.searchMessages(QStringLiteral("parcel"));
    QCOMPARE(snippets(hits),
             (QStringList{QStringLiteral("[parcel] one"), QStringLiteral("[parcel] four"),
                          QStringLiteral("[parcel] three"), QStringLiteral("[parcel] two")}));
    QCOMPARE(hits.first().createdAt, CacheFixture::at(300));
    QCOMPARE(hits.last().createdAt, CacheFixture::at(100));
}

void TestSearchIndex::snippetKeepsOriginalAccentsAndHighlights()
{
    const SearchIndex index(m_store->connection());
    SearchOptions options;
    options.openMark = QStringLiteral("<b>");
    options.closeMark = QStringLiteral("</b>");
    const auto hits = index.searchMessages(QStringLiteral("καλημερα αποστολη"), options);
    QCOMPARE(hits.size(), 1);
    QCOMPARE(hits.first().snippet,
             QStringLiteral("<b>Καλημέρα</b> σας, θα ήθελα να αλλάξω τη διεύθυνση <b>αποστολής</b>."));
    QCOMPARE(highlighted(hits.first()),
             (QStringList{QStringLiteral("Καλημέρα"), QStringLiteral("αποστολής")}));

    // Empty marks give plain text with ranges, for a delegate that paints highlights itself.
    options.openMark.clear();
    options.closeMark.clear();
    const auto plain = index.searchMessages(QStringLiteral("ΑΠΟΣΤΟΛΗΣ"), options);
    QCOMPARE(plain.size(), 1);
    QCOMPARE(plain.first().snippet,
             QStringLiteral("Καλημέρα σας, θα ήθελα να αλλάξω τη διεύθυνση αποστολής."));
    QCOMPARE(highlighted(plain.first()), QStringList{QStringLiteral("αποστολής")});
}

void TestSearchIndex::snippetOfLongMessageIsAWindowAroundTheMatch()
{
    QString text;
    for (int i = 0; i < 40; ++i)
        text += QStringLiteral("filler words here\n");
    text += QStringLiteral("my tracking number is wrong");
    for (int i = 0; i < 40; ++i)
        text += QStringLiteral(" and more text after");
    CacheFixture more;
    more.addConversation(201, CacheFixture::EmailInbox, CacheFixture::EnglishContact, 40);
    more.addMessage(2001, 201, text, 41);
    QString error;
    QVERIFY2(more.ingestInto(*m_store, &error), qPrintable(error));

    const SearchIndex index(m_store->connection());
    SearchOptions options;
    options.snippetChars = 60;
    const auto hits = index.searchMessages(QStringLiteral("tracking"), options);
    QCOMPARE(hits.size(), 1);
    const QString snippet = hits.first().snippet;
    QVERIFY2(snippet.startsWith(QChar(0x2026)) && snippet.endsWith(QChar(0x2026)), qPrintable(snippet));
    QVERIFY2(snippet.contains(QStringLiteral("my [tracking] number is wrong")), qPrintable(snippet));
    QVERIFY2(!snippet.contains(QLatin1Char('\n')), qPrintable(snippet));
    QVERIFY2(snippet.size() <= 60 + 4, qPrintable(snippet));
    // Cut at word boundaries: no fragment of "filler", "words", "here", "more", "text", "after".
    const QString inner = snippet.mid(1, snippet.size() - 2).trimmed();
    for (const QString &word : inner.split(QLatin1Char(' '))) {
        const QString bare = QString(word).remove(QLatin1Char('[')).remove(QLatin1Char(']'));
        const QStringList known = {QStringLiteral("filler"), QStringLiteral("words"),
                                   QStringLiteral("here"), QStringLiteral("my"),
                                   QStringLiteral("tracking"), QStringLiteral("number"),
                                   QStringLiteral("is"), QStringLiteral("wrong"),
                                   QStringLiteral("and"), QStringLiteral("more"),
                                   QStringLiteral("text"), QStringLiteral("after")};
        QVERIFY2(known.contains(bare), qPrintable(QStringLiteral("cut word '%1' in %2").arg(word, snippet)));
    }
}

void TestSearchIndex::snippetEscapesHtmlWhenAsked()
{
    CacheFixture more;
    more.addConversation(201, CacheFixture::EmailInbox, CacheFixture::EnglishContact, 40);
    more.addMessage(2001, 201, QStringLiteral("<script>alert(1)</script> & voucher <b>"), 41);
    QString error;
    QVERIFY2(more.ingestInto(*m_store, &error), qPrintable(error));
    const SearchIndex index(m_store->connection());
    SearchOptions options;
    options.openMark = QStringLiteral("<mark>");
    options.closeMark = QStringLiteral("</mark>");
    options.escapeHtml = true;
    const auto hits = index.searchMessages(QStringLiteral("voucher"), options);
    QCOMPARE(hits.size(), 1);
    QCOMPARE(hits.first().snippet,
             QStringLiteral("&lt;script&gt;alert(1)&lt;/script&gt; &amp; <mark>voucher</mark> &lt;b&gt;"));
}

void TestSearchIndex::everyWordMustMatch()
{
    const SearchIndex index(m_store->connection());
    QCOMPARE(index.searchMessages(QStringLiteral("refund order")).size(), 1);
    QCOMPARE(index.searchMessages(QStringLiteral("refund καλημερα")).size(), 0);
    QCOMPARE(index.searchMessages(QStringLiteral("我想 退款")).size(), 1);
}

void TestSearchIndex::hitCarriesConversationAndCustomer()
{
    const SearchIndex index(m_store->connection());
    const auto hits = index.searchMessages(QStringLiteral("退貨"));
    QCOMPARE(hits.size(), 1);
    const SearchHit &hit = hits.first();
    QCOMPARE(hit.kind, SearchHit::Kind::Message);
    QCOMPARE(hit.title, QStringLiteral("陳美玲"));
    QCOMPARE(hit.channel, Domain::ChannelKind::WhatsApp);
    QCOMPARE(hit.status, Domain::ConversationStatus::Pending);
    QCOMPARE(hit.createdAt, CacheFixture::at(21));
    const auto conversation = m_store->conversation(hit.conversationId);
    QVERIFY(conversation);
    QCOMPARE(conversation->remoteId, 103);
    QCOMPARE(conversation->contactId, hit.contactId);
    const auto messages = m_store->messages(hit.conversationId, 10);
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages.first().id, hit.messageId);
}

void TestSearchIndex::contactsByNameEmailPhone_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("titles");
    QTest::addColumn<QString>("highlight");

    QTest::newRow("first name") << QStringLiteral("alice") << QStringList{QStringLiteral("Alice Johnson")}
                                << QStringLiteral("Alice");
    QTest::newRow("last name prefix") << QStringLiteral("john") << QStringList{QStringLiteral("Alice Johnson")}
                                      << QStringLiteral("Johnson");
    QTest::newRow("email") << QStringLiteral("alice.johnson@example.com")
                           << QStringList{QStringLiteral("Alice Johnson")} << QStringLiteral("Alice");
    QTest::newRow("email domain") << QStringLiteral("example.gr")
                                  << QStringList{QStringLiteral("Γιώργος Παπαδόπουλος")}
                                  << QStringLiteral("example");
    QTest::newRow("phone digits as written") << QStringLiteral("415 555")
                                             << QStringList{QStringLiteral("Alice Johnson")}
                                             << QStringLiteral("415");
    QTest::newRow("greek name without accents") << QStringLiteral("γιωργος")
                                                << QStringList{QStringLiteral("Γιώργος Παπαδόπουλος")}
                                                << QStringLiteral("Γιώργος");
    QTest::newRow("chinese full name") << QStringLiteral("王小明") << QStringList{QStringLiteral("王小明")}
                                       << QStringLiteral("王小明");
    QTest::newRow("chinese given name") << QStringLiteral("美玲") << QStringList{QStringLiteral("陳美玲")}
                                        << QStringLiteral("美玲");
    QTest::newRow("nobody") << QStringLiteral("zebra") << QStringList{} << QString();
}

void TestSearchIndex::contactsByNameEmailPhone()
{
    QFETCH(QString, query);
    QFETCH(QStringList, titles);
    QFETCH(QString, highlight);
    const SearchIndex index(m_store->connection());
    const auto hits = index.searchContacts(query);
    QCOMPARE(index.errorString(), QString());
    QStringList found;
    for (const auto &hit : hits) {
        QCOMPARE(hit.kind, SearchHit::Kind::Contact);
        QVERIFY(m_store->contact(hit.contactId));
        QCOMPARE(m_store->contact(hit.contactId)->name, hit.title);
        found.append(hit.title);
    }
    QCOMPARE(found, titles);
    if (!hits.isEmpty())
        QCOMPARE(highlighted(hits.first()).value(0), highlight);
}

void TestSearchIndex::conversationsGroupNewestHitAndAppendContacts()
{
    CacheFixture more;
    more.addConversation(201, CacheFixture::EmailInbox, CacheFixture::EnglishContact, 40);
    more.addMessage(2001, 201, QStringLiteral("Where is my refund, Alice here"), 41);
    more.addMessage(2002, 201, QStringLiteral("Still no refund"), 50);
    QString error;
    QVERIFY2(more.ingestInto(*m_store, &error), qPrintable(error));

    const SearchIndex index(m_store->connection());
    const auto hits = index.searchConversations(QStringLiteral("refund"));
    QCOMPARE(hits.size(), 2);
    QCOMPARE(conversationRemoteIds(*m_store, hits), (QList<qint64>{201, 101}));
    QCOMPARE(hits.at(0).snippet, QStringLiteral("Still no [refund]"));
    QCOMPARE(hits.at(1).snippet, QStringLiteral("Of course, the [refund] is on its way."));

    const auto withContact = index.searchConversations(QStringLiteral("alice"));
    QCOMPARE(withContact.size(), 2);
    QCOMPARE(withContact.at(0).kind, SearchHit::Kind::Message);
    QCOMPARE(withContact.at(0).snippet, QStringLiteral("Where is my refund, [Alice] here"));
    QCOMPARE(withContact.at(1).kind, SearchHit::Kind::Contact);
    QCOMPARE(withContact.at(1).title, QStringLiteral("Alice Johnson"));
}

void TestSearchIndex::filtersByChannelAndStatus()
{
    const SearchIndex index(m_store->connection());
    SearchOptions options;
    options.channel = Domain::ChannelKind::WhatsApp;
    QCOMPARE(index.searchMessages(QStringLiteral("退"), options).size(), 2);
    options.status = Domain::ConversationStatus::Pending;
    QCOMPARE(snippets(index.searchMessages(QStringLiteral("退"), options)),
             QStringList{QStringLiteral("我要[退]貨，商品有瑕疵。")});
    options.channel = Domain::ChannelKind::Email;
    QCOMPARE(index.searchMessages(QStringLiteral("退"), options).size(), 0);
    QCOMPARE(index.errorString(), QString());
}

void TestSearchIndex::limitIsRespected()
{
    CacheFixture more;
    more.addConversation(201, CacheFixture::EmailInbox, CacheFixture::EnglishContact, 40);
    for (int i = 0; i < 30; ++i)
        more.addMessage(3000 + i, 201, QStringLiteral("ticket %1").arg(i), 100 + i);
    QString error;
    QVERIFY2(more.ingestInto(*m_store, &error), qPrintable(error));
    const SearchIndex index(m_store->connection());
    SearchOptions options;
    options.limit = 5;
    const auto hits = index.searchMessages(QStringLiteral("ticket"), options);
    QCOMPARE(hits.size(), 5);
    QCOMPARE(hits.first().snippet, QStringLiteral("[ticket] 29"));
    QCOMPARE(hits.last().snippet, QStringLiteral("[ticket] 25"));
    options.limit = 0;
    QVERIFY(index.searchMessages(QStringLiteral("ticket"), options).isEmpty());
}

void TestSearchIndex::userInputNeverBreaksTheQuery_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("messages");

    QTest::newRow("punctuation only") << QStringLiteral("?!.,;") << 0;
    QTest::newRow("chinese punctuation only") << QStringLiteral("，。！？") << 0;
    QTest::newRow("lone quote") << QStringLiteral("\"") << 0;
    QTest::newRow("open quote") << QStringLiteral("\"refund") << 2;
    QTest::newRow("quoted") << QStringLiteral("\"refund\"") << 2;
    QTest::newRow("apostrophe") << QStringLiteral("refund's") << 0;
    QTest::newRow("AND dangling") << QStringLiteral("refund AND") << 0;
    QTest::newRow("OR") << QStringLiteral("refund OR nothing") << 0;
    QTest::newRow("NOT") << QStringLiteral("NOT refund") << 0;
    QTest::newRow("NEAR") << QStringLiteral("NEAR(refund order)") << 0;
    QTest::newRow("star") << QStringLiteral("*") << 0;
    QTest::newRow("star suffix") << QStringLiteral("ref*") << 2;
    QTest::newRow("minus") << QStringLiteral("-refund") << 2;
    QTest::newRow("column filter") << QStringLiteral("body:refund") << 0;
    QTest::newRow("caret") << QStringLiteral("^refund") << 2;
    QTest::newRow("parentheses") << QStringLiteral("(refund") << 2;
    QTest::newRow("plus and braces") << QStringLiteral("{refund} + order") << 1;
    QTest::newRow("sql quote") << QStringLiteral("'; DROP TABLE messages; --") << 0;
    QTest::newRow("emoji") << QStringLiteral("🙂") << 0;
    QTest::newRow("very long") << QString(5000, QLatin1Char('a')) << 0;
}

void TestSearchIndex::userInputNeverBreaksTheQuery()
{
    QFETCH(QString, query);
    QFETCH(int, messages);
    const SearchIndex index(m_store->connection());
    QCOMPARE(index.searchMessages(query).size(), messages);
    QCOMPARE(index.errorString(), QString());
    index.searchConversations(query);
    QCOMPARE(index.errorString(), QString());
    QCOMPARE(m_store->messageCount(), 7);
}

void TestSearchIndex::updatedMessageIsFoundByItsNewTextOnly()
{
    CacheFixture update;
    update.addConversation(101, CacheFixture::EmailInbox, CacheFixture::EnglishContact, 0);
    update.addMessage(1001, 101, QStringLiteral("Actually I want an exchange, not a credit."), 1);
    QString error;
    QVERIFY2(update.ingestInto(*m_store, &error), qPrintable(error));
    const SearchIndex index(m_store->connection());
    QCOMPARE(snippets(index.searchMessages(QStringLiteral("refund"))),
             QStringList{QStringLiteral("Of course, the [refund] is on its way.")});
    QCOMPARE(index.searchMessages(QStringLiteral("exchange")).size(), 1);
}

QTEST_GUILESS_MAIN(TestSearchIndex)
#include "TestSearchIndex.moc"
