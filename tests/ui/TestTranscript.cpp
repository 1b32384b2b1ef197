#include "common/AppStyle.h"
#include "connectors/demo/DemoGenerator.h"
#include "conversation/MessageItemDelegate.h"
#include "conversation/OriginalEmailDialog.h"
#include "conversation/SafeTextBrowser.h"
#include "conversation/TranscriptView.h"
#include "models/ItemRoles.h"
#include "models/MessageListModel.h"
#include "storage/CacheStore.h"
#include "support/CacheFixture.h"
#include "support/TempDataDir.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QSqlQuery>
#include <QTest>

using namespace Counterpart;
using Testing::CacheFixture;
namespace Roles = Models::Roles;
using Domain::MessageKind;

namespace {

const QString kQuotedEmail = QStringLiteral(
    "<div dir=\"auto\"><p>Hi, the replacement kettle arrived but the lid is cracked too.</p>"
    "<p>Order <a href=\"https://harborpine.example/orders/HP-100234\">HP-100234</a>.</p></div>"
    "<p><img src=\"https://cdn.shop.example/photo-of-lid.jpg\" alt=\"Cracked lid\" width=\"320\"></p>"
    "<a href=\"javascript:alert(1)\">Unsubscribe</a>"
    "<div class=\"gmail_quote\"><div class=\"gmail_attr\">On 1 March 2024, Sam Support wrote:</div>"
    "<blockquote style=\"margin:0 0 0 .8ex;border-left:1px solid #ccc;padding-left:1ex\">"
    "<p>We have sent a replacement.</p><p>It should arrive on Friday.</p><p>Best, Sam</p></blockquote></div>"
    "<img src=\"https://tracker.example/pixel.gif\" width=\"1\" height=\"1\" alt=\"\" style=\"display:none\">");

const QString kChineseEmail = QStringLiteral(
    "<p>您好，退款已经处理，请查收。</p><div class=\"gmail_quote\"><div class=\"gmail_attr\">张伟 于 2024年3月1日 写道：</div>"
    "<blockquote><p>我的订单还没有退款。</p></blockquote></div>");

const QString kGreekEmail = QStringLiteral(
    "<p>Ευχαριστώ πολύ, το δέμα έφτασε σήμερα.</p><div class=\"gmail_quote\"><div class=\"gmail_attr\">"
    "Στις 1 Μαρτίου 2024, ο/η Sam Support έγραψε:</div><blockquote><p>Το δέμα στάλθηκε.</p><p>Καλή συνέχεια!</p>"
    "</blockquote></div>");

} // namespace

/** The transcript as an agent meets it: long threads, folded email history, voicemail, notes. */
class TestTranscript : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void longConversationOpensOnTheNewestPage();
    void scrollingToTheTopLoadsOlderPagesAndKeepsTheAnchor();
    void quotedTextToggles();
    void voicemailShowsDurationAndTranscript();
    void originalEmailBlocksRemoteContentAndConfirmsLinks();
    void screenshots_data();
    void screenshots();

private:
    QModelIndex indexStartingWith(Models::MessageListModel &model, const QString &textStart) const;

    std::unique_ptr<Testing::TempDataDir> m_dir;
    std::unique_ptr<Testing::TempDataDir> m_demoDir;
    Storage::CacheStore m_cache;
    Storage::CacheStore m_demo;
    qint64 m_longConversation = 0;
    int m_longCount = 0;
    qint64 m_emailConversation = 0;
};

void TestTranscript::initTestCase()
{
    m_dir = std::make_unique<Testing::TempDataDir>();
    QVERIFY(m_cache.open(m_dir->cachePath()).ok);
    CacheFixture fixture = CacheFixture::multilingual();
    fixture.addInbox(3, QStringLiteral("Phone & voicemail"), Domain::ChannelKind::Phone);
    fixture.addConversation(110, CacheFixture::EmailInbox, CacheFixture::EnglishContact, 40);
    fixture.addMessage(9001, 110, QStringLiteral("Assigned to Sam Support"), 40, MessageKind::Activity);
    Domain::Message &first = fixture.addMessage(9002, 110, QStringLiteral("Hi, the replacement kettle arrived but the lid is cracked too."), 41);
    first.html = kQuotedEmail;
    first.senderName = QStringLiteral("Ana Souza");
    Domain::Message &note = fixture.addMessage(9003, 110, QStringLiteral("第二次破损了，请优先处理。Δεύτερη φορά — check the courier."), 42, MessageKind::Note);
    Q_UNUSED(note);
    Domain::Message &chinese = fixture.addMessage(9004, 110, QStringLiteral("您好，退款已经处理，请查收。"), 43, MessageKind::Outgoing);
    chinese.html = kChineseEmail;
    Domain::Message &greek = fixture.addMessage(9005, 110, QStringLiteral("Ευχαριστώ πολύ, το δέμα έφτασε σήμερα."), 44);
    greek.html = kGreekEmail;
    greek.senderName = QStringLiteral("Νίκος Παπαδόπουλος");
    Domain::Message &voicemail = fixture.addMessage(9006, 110, QStringLiteral("Hi, this is Ana again, please call me back about the kettle, my number is on the order."), 45);
    voicemail.senderName = QStringLiteral("Ana Souza");
    Domain::Attachment audio;
    audio.fileName = QStringLiteral("voicemail-20240301-0945.mp3");
    audio.contentType = QStringLiteral("audio/mpeg");
    audio.durationSeconds = 83;
    audio.size = 83 * 16000;
    voicemail.attachments.append(audio);
    Domain::Message &attachment = fixture.addMessage(9007, 110, QStringLiteral("Here is the photo of the box."), 46);
    Domain::Attachment photo;
    photo.fileName = QStringLiteral("box.jpg");
    photo.contentType = QStringLiteral("image/jpeg");
    photo.size = 245760;
    attachment.attachments.append(photo);
    fixture.addMessage(9008, 110, QStringLiteral("Resolved by Sam Support · labelled refund"), 47, MessageKind::Activity);
    QString error;
    QVERIFY2(fixture.ingestInto(m_cache, &error), qPrintable(error));
    QSqlQuery find(m_cache.connection());
    QVERIFY(find.exec(QStringLiteral("SELECT id FROM conversations WHERE remote_id = 110")) && find.next());
    m_emailConversation = find.value(0).toLongLong();

    m_demoDir = std::make_unique<Testing::TempDataDir>();
    QVERIFY(m_demo.open(m_demoDir->cachePath()).ok);
    Connectors::Demo::DemoOptions options;
    options.conversations = Connectors::Demo::DemoGenerator::kLongThreadMinimum;
    const Connectors::Demo::DemoGenerator generator(options);
    const qint64 sourceId = m_demo.ensureSource(generator.source());
    QVERIFY(generator.generate([&](const Storage::IngestBatch &batch) { return m_demo.ingest(sourceId, batch, &error); }));
    QSqlQuery longest(m_demo.connection());
    QVERIFY(longest.exec(QStringLiteral("SELECT conversation_id, count(*) AS n FROM messages GROUP BY conversation_id"
                                        " ORDER BY n DESC LIMIT 1")) && longest.next());
    m_longConversation = longest.value(0).toLongLong();
    m_longCount = longest.value(1).toInt();
    QVERIFY2(m_longCount >= 2000, qPrintable(QString::number(m_longCount)));
}

QModelIndex TestTranscript::indexStartingWith(Models::MessageListModel &model, const QString &textStart) const
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row).data(Roles::MessageText).toString().startsWith(textStart))
            return model.index(row);
    }
    return {};
}

void TestTranscript::longConversationOpensOnTheNewestPage()
{
    Models::MessageListModel model(&m_demo);
    QAbstractItemModelTester tester(&model);
    Ui::TranscriptView view(&model);
    view.resize(700, 800);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.showConversation(m_longConversation);
    QTest::qWait(50);
    QVERIFY2(model.rowCount() > 0 && model.rowCount() < 100, qPrintable(QString::number(model.rowCount())));
    const QModelIndex newest = model.index(model.rowCount() - 1);
    QVERIFY(view.viewport()->rect().intersects(view.visualRect(newest)));
    QCOMPARE(view.verticalScrollBar()->value(), view.verticalScrollBar()->maximum());
    const auto latest = m_demo.messages(m_longConversation, 1);
    QCOMPARE(newest.data(Roles::MessageId).toLongLong(), latest.constFirst().id);
}

void TestTranscript::scrollingToTheTopLoadsOlderPagesAndKeepsTheAnchor()
{
    Models::MessageListModel model(&m_demo);
    Ui::TranscriptView view(&model);
    view.resize(700, 800);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.showConversation(m_longConversation);
    QTest::qWait(20);
    int pages = 0;
    while (model.hasOlder()) {
        const int before = model.rowCount();
        const qint64 anchor = model.index(0).data(Roles::MessageId).toLongLong();
        view.verticalScrollBar()->setValue(view.verticalScrollBar()->minimum());
        if (model.rowCount() == before) {
            // A thread of exactly N pages: the model learns there is nothing older only by asking.
            QVERIFY2(!model.hasOlder(), qPrintable(QStringLiteral("page %1 did not load").arg(pages)));
            break;
        }
        // The message that was at the top is still on screen, not scrolled away to the bottom.
        QModelIndex anchorIndex;
        for (int row = 0; row < model.rowCount() && !anchorIndex.isValid(); ++row) {
            if (model.index(row).data(Roles::MessageId).toLongLong() == anchor)
                anchorIndex = model.index(row);
        }
        QVERIFY(anchorIndex.isValid());
        QVERIFY2(view.viewport()->rect().intersects(view.visualRect(anchorIndex)),
                 qPrintable(QStringLiteral("anchor lost after page %1").arg(pages)));
        ++pages;
        QVERIFY(pages < 100);
    }
    QCOMPARE(model.rowCount(), m_longCount);
    QVERIFY(pages >= 30);
}

void TestTranscript::quotedTextToggles()
{
    Models::MessageListModel model(&m_cache);
    Ui::TranscriptView view(&model);
    view.resize(700, 900);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.showConversation(m_emailConversation);
    const QModelIndex email = indexStartingWith(model, QStringLiteral("Hi, the replacement"));
    QVERIFY(email.isValid());
    QCOMPARE(email.data(Roles::MessageSubject).toString(), QStringLiteral("Conversation 110"));
    auto *delegate = view.messageDelegate();
    const auto parts = delegate->emailParts(email);
    QCOMPARE(parts.quoteHeader, QStringLiteral("On 1 March 2024, Sam Support wrote:"));
    QCOMPARE(parts.quotedLines, 3);
    const int collapsed = view.visualRect(email).height();
    view.setCurrentIndex(email);
    QTest::keyClick(&view, Qt::Key_Space);
    QVERIFY(delegate->isQuoteExpanded(email.data(Roles::MessageId).toLongLong()));
    QTRY_VERIFY(view.visualRect(email).height() > collapsed + 30);
    QTest::keyClick(&view, Qt::Key_Return);
    QVERIFY(!delegate->isQuoteExpanded(email.data(Roles::MessageId).toLongLong()));
    QTRY_COMPARE(view.visualRect(email).height(), collapsed);
    // Plain chat messages have nothing to fold.
    const QModelIndex chat = indexStartingWith(model, QStringLiteral("Here is the photo"));
    QVERIFY(!delegate->toggleQuote(chat));
}

void TestTranscript::voicemailShowsDurationAndTranscript()
{
    Models::MessageListModel model(&m_cache);
    model.setConversation(m_emailConversation);
    const QModelIndex voicemail = indexStartingWith(model, QStringLiteral("Hi, this is Ana again"));
    QVERIFY(Ui::MessageItemDelegate::isVoicemail(voicemail));
    QVERIFY(!Ui::MessageItemDelegate::isVoicemail(indexStartingWith(model, QStringLiteral("Here is the photo"))));
    QCOMPARE(Ui::MessageItemDelegate::durationText(83), QStringLiteral("01:23"));
    QCOMPARE(Ui::MessageItemDelegate::durationText(5), QStringLiteral("00:05"));
}

void TestTranscript::originalEmailBlocksRemoteContentAndConfirmsLinks()
{
    Models::MessageListModel model(&m_cache);
    Ui::TranscriptView view(&model);
    view.resize(700, 900);
    view.show();
    view.showConversation(m_emailConversation);
    const QModelIndex email = indexStartingWith(model, QStringLiteral("Hi, the replacement"));
    QPointer<Ui::OriginalEmailDialog> dialog = view.openOriginal(email);
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    const QString blocked = dialog->findChild<QLabel *>(QStringLiteral("blockedContent"))->text();
    QVERIFY2(blocked.contains(QStringLiteral("1 remote image")) && blocked.contains(QStringLiteral("1 tracking pixel")), qPrintable(blocked));
    const QString shown = dialog->browser()->toPlainText();
    QVERIFY2(shown.contains(QStringLiteral("[image: Cracked lid · cdn.shop.example]")), qPrintable(shown));
    QVERIFY(shown.contains(QStringLiteral("Unsubscribe (blocked: javascript:alert(1))")));
    for (const QUrl &url : dialog->browser()->requested())
        QVERIFY2(url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"), qPrintable(url.toString()));

    QList<QUrl> asked;
    QList<QUrl> opened;
    bool answer = false;
    dialog->setLinkConfirmation([&](const QUrl &url) { asked.append(url); return answer; });
    dialog->setLinkOpener([&](const QUrl &url) { opened.append(url); });
    const QUrl order(QStringLiteral("https://harborpine.example/orders/HP-100234"));
    dialog->activateLink(order);
    QCOMPARE(asked, QList<QUrl>{order});
    QVERIFY(opened.isEmpty());
    answer = true;
    dialog->activateLink(order);
    QCOMPARE(opened, QList<QUrl>{order});
    dialog->activateLink(QUrl(QStringLiteral("javascript:alert(1)")));
    QCOMPARE(asked.size(), 2);

    auto *load = dialog->findChild<QPushButton *>(QStringLiteral("loadRemoteImages"));
    QVERIFY(load->isVisible());
    load->click();
    QVERIFY(dialog->remoteImagesAllowed());
    QVERIFY(!load->isVisible());
    QVERIFY(!dialog->browser()->toHtml().contains(QStringLiteral("tracker.example")));
    dialog->close();
}

void TestTranscript::screenshots_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestTranscript::screenshots()
{
    QFETCH(bool, dark);
    Ui::AppStyle::apply(*qApp, dark);
    const QString folder = QStringLiteral(COUNTERPART_BUILD_DIR "/screenshots");
    QDir().mkpath(folder);
    const QString suffix = dark ? QStringLiteral("-dark.png") : QStringLiteral("-light.png");

    Models::MessageListModel model(&m_cache);
    Ui::TranscriptView view(&model);
    view.resize(760, 1250);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.showConversation(m_emailConversation);
    view.scrollToTop();
    QTest::qWait(20);
    QVERIFY(view.grab().save(folder + QStringLiteral("/transcript-collapsed") + suffix));

    for (int row = 0; row < model.rowCount(); ++row)
        view.messageDelegate()->toggleQuote(model.index(row));
    QTest::qWait(20);
    view.scrollToTop();
    QVERIFY(view.grab().save(folder + QStringLiteral("/transcript-expanded") + suffix));

    view.resize(380, 1250);
    QTest::qWait(20);
    view.scrollToTop();
    QVERIFY(view.grab().save(folder + QStringLiteral("/transcript-narrow") + suffix));

    QPointer<Ui::OriginalEmailDialog> dialog = view.openOriginal(indexStartingWith(model, QStringLiteral("Hi, the replacement")));
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QVERIFY(dialog->grab().save(folder + QStringLiteral("/original-email") + suffix));
    dialog->close();
}

QTEST_MAIN(TestTranscript)
#include "TestTranscript.moc"
