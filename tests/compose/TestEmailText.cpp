#include "compose/EmailText.h"

#include <QTest>

using namespace Counterpart::Compose;

/** The quoted history of a reply folds away in every language the agents' customers write. */
class TestEmailText : public QObject
{
    Q_OBJECT

private slots:
    void splitPlain_data();
    void splitPlain();
    void splitHtml_data();
    void splitHtml();
    void mentionOfWritingDoesNotFold();
    void plainMessageHasNoQuote();
};

void TestEmailText::splitPlain_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("header");
    QTest::addColumn<int>("quotedLines");

    QTest::newRow("en on wrote") << QStringLiteral("Thanks, that worked.\n\nOn 3 March 2026, Ana Souza wrote:\n> Try again now.\n> Best, Ana")
                                 << QStringLiteral("Thanks, that worked.") << QStringLiteral("On 3 March 2026, Ana Souza wrote:") << 2;
    QTest::newRow("en wrapped attribution") << QStringLiteral("Great.\nOn Tue, 3 Mar 2026 at 10:02, Ana Souza <ana@example.com>\nwrote:\n> Hi")
                                            << QStringLiteral("Great.") << QStringLiteral("On Tue, 3 Mar 2026 at 10:02, Ana Souza <ana@example.com> wrote:") << 1;
    QTest::newRow("en original message") << QStringLiteral("See below.\n-----Original Message-----\nFrom: Ana\nSubject: Order\n\nHello")
                                         << QStringLiteral("See below.") << QStringLiteral("-----Original Message-----") << 3;
    QTest::newRow("outlook from block") << QStringLiteral("Done.\n________________________________\nFrom: Ana Souza\nSent: Tuesday\nHello")
                                        << QStringLiteral("Done.") << QStringLiteral("From: Ana Souza") << 2;
    QTest::newRow("only angle quotes") << QStringLiteral("Yes please.\n> Shall we refund?\n> Or exchange?")
                                       << QStringLiteral("Yes please.") << QString() << 2;
    QTest::newRow("zh-Hans 于 写道") << QStringLiteral("谢谢，已经收到了。\n\n张伟 于 2026年3月3日 10:02 写道：\n> 包裹已经寄出。")
                                   << QStringLiteral("谢谢，已经收到了。") << QStringLiteral("张伟 于 2026年3月3日 10:02 写道：") << 1;
    QTest::newRow("zh-Hans 在 写道") << QStringLiteral("好的。\n在 2026年3月3日 10:02，张伟 写道：\n包裹已经寄出。\n请查收。")
                                   << QStringLiteral("好的。") << QStringLiteral("在 2026年3月3日 10:02，张伟 写道：") << 2;
    QTest::newRow("zh-Hans original") << QStringLiteral("见下。\n------------------ 原始邮件 ------------------\n发件人: 张伟")
                                      << QStringLiteral("见下。") << QStringLiteral("------------------ 原始邮件 ------------------") << 1;
    QTest::newRow("zh-Hant 於 寫道") << QStringLiteral("謝謝您的協助！\n\n陳美玲 於 2026年3月3日 寫道：\n> 我們已經退款。")
                                   << QStringLiteral("謝謝您的協助！") << QStringLiteral("陳美玲 於 2026年3月3日 寫道：") << 1;
    QTest::newRow("el Στις έγραψε") << QStringLiteral("Ευχαριστώ πολύ!\n\nΣτις 3 Μαρτίου 2026, ο/η Νίκος Παπαδόπουλος έγραψε:\n> Το δέμα στάλθηκε.")
                                    << QStringLiteral("Ευχαριστώ πολύ!") << QStringLiteral("Στις 3 Μαρτίου 2026, ο/η Νίκος Παπαδόπουλος έγραψε:") << 1;
}

void TestEmailText::splitPlain()
{
    QFETCH(QString, body);
    QFETCH(QString, text);
    QFETCH(QString, header);
    QFETCH(int, quotedLines);
    const EmailParts parts = EmailText::split(body);
    QCOMPARE(parts.text, text);
    QCOMPARE(parts.quoteHeader, header);
    QCOMPARE(parts.quotedLines, quotedLines);
    QVERIFY(parts.hasQuote());
    QVERIFY(!parts.quoted.startsWith(QLatin1Char('>')));
}

void TestEmailText::splitHtml_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("quoted");

    // The demo connector's shape (DemoEmail), which is Gmail's.
    auto gmail = [](const QString &text, const QString &header, const QString &quoted) -> QString {
        return QStringLiteral("<div dir=\"auto\"><p>") + text + QStringLiteral("</p></div><div class=\"gmail_quote\"><div class=\"gmail_attr\">")
            + header + QStringLiteral("</div><blockquote style=\"margin:0 0 0 .8ex\"><p>") + quoted
            + QStringLiteral("</p></blockquote></div><img src=\"https://tracker.example/pixel.gif\" width=\"1\" height=\"1\">");
    };
    QTest::newRow("en gmail") << gmail(QStringLiteral("Thanks &amp; regards"), QStringLiteral("On 3 March, Ana wrote:"), QStringLiteral("Where is it?"))
                              << QStringLiteral("Thanks & regards") << QStringLiteral("On 3 March, Ana wrote:") << QStringLiteral("Where is it?");
    QTest::newRow("zh-Hans gmail") << gmail(QStringLiteral("收到，谢谢"), QStringLiteral("张伟 于 2026年3月3日 写道："), QStringLiteral("已发货"))
                                   << QStringLiteral("收到，谢谢") << QStringLiteral("张伟 于 2026年3月3日 写道：") << QStringLiteral("已发货");
    QTest::newRow("zh-Hant gmail") << gmail(QStringLiteral("收到了"), QStringLiteral("陳美玲 於 2026年3月3日 寫道："), QStringLiteral("已退款"))
                                   << QStringLiteral("收到了") << QStringLiteral("陳美玲 於 2026年3月3日 寫道：") << QStringLiteral("已退款");
    QTest::newRow("el gmail") << gmail(QStringLiteral("Ευχαριστώ"), QStringLiteral("Στις 3 Μαρτίου, ο/η Νίκος έγραψε:"), QStringLiteral("Στάλθηκε"))
                              << QStringLiteral("Ευχαριστώ") << QStringLiteral("Στις 3 Μαρτίου, ο/η Νίκος έγραψε:") << QStringLiteral("Στάλθηκε");
    QTest::newRow("attribution above a bare blockquote")
        << QStringLiteral("<p>OK</p><p>On Monday, Ana wrote:</p><blockquote><p>Line one</p><p>Line two</p></blockquote>")
        << QStringLiteral("OK") << QStringLiteral("On Monday, Ana wrote:") << QStringLiteral("Line one\n\nLine two");
    QTest::newRow("blockquote without attribution")
        << QStringLiteral("<p>Reply</p><blockquote>Old</blockquote>") << QStringLiteral("Reply") << QString() << QStringLiteral("Old");
}

void TestEmailText::splitHtml()
{
    QFETCH(QString, html);
    QFETCH(QString, text);
    QFETCH(QString, header);
    QFETCH(QString, quoted);
    const EmailParts parts = EmailText::splitHtml(html);
    QCOMPARE(parts.text, text);
    QCOMPARE(parts.quoteHeader, header);
    QCOMPARE(parts.quoted, quoted);
    QVERIFY(parts.quotedLines >= 1);
}

void TestEmailText::mentionOfWritingDoesNotFold()
{
    QVERIFY(!EmailText::isQuoteHeader(QStringLiteral("I think he wrote: no")));
    const EmailParts parts = EmailText::split(QStringLiteral("Please fix my address, I wrote it wrong.\n> not a reply marker?"));
    QCOMPARE(parts.text, QStringLiteral("Please fix my address, I wrote it wrong."));
    const EmailParts plain = EmailText::split(QStringLiteral("Please fix my address, I wrote it wrong."));
    QVERIFY(!plain.hasQuote());
}

void TestEmailText::plainMessageHasNoQuote()
{
    const EmailParts parts = EmailText::splitHtml(QStringLiteral("<p>您好，我的包裹还没到。</p><p>订单 HP-100234</p>"));
    QCOMPARE(parts.text, QStringLiteral("您好，我的包裹还没到。\n\n订单 HP-100234"));
    QVERIFY(!parts.hasQuote());
    QCOMPARE(parts.quotedLines, 0);
}

QTEST_GUILESS_MAIN(TestEmailText)
#include "TestEmailText.moc"
