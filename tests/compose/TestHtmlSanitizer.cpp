#include "compose/HtmlSanitizer.h"

#include <QTest>

using namespace Counterpart::Compose;

/** What an agent would notice if the sanitiser failed: code running, images phoning home, links lying. */
class TestHtmlSanitizer : public QObject
{
    Q_OBJECT

private slots:
    void sanitize_data();
    void sanitize();
    void remoteImagesLoadOnlyWhenAllowed();
    void trackersAreNeverLoaded();
    void linksReportTheirRealTarget();
    void demoEmailKeepsItsQuotedHistory();
};

void TestHtmlSanitizer::sanitize_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QStringList>("mustContain");
    QTest::addColumn<QStringList>("mustNotContain");
    QTest::addColumn<int>("blockedImages");
    QTest::addColumn<int>("trackers");

    auto list = [](std::initializer_list<const char *> items) {
        QStringList out;
        for (const char *item : items)
            out.append(QString::fromUtf8(item));
        return out;
    };

    QTest::newRow("script") << QStringLiteral("<p>Hi</p><script>alert('x')</script><p>there</p>")
                            << list({"<p>Hi</p>", "<p>there</p>"}) << list({"script", "alert"}) << 0 << 0;
    QTest::newRow("uppercase script") << QStringLiteral("<SCRIPT type=text/javascript>steal()</SCRIPT>ok")
                                      << list({"ok"}) << list({"steal", "SCRIPT", "script"}) << 0 << 0;
    QTest::newRow("script with markup inside") << QStringLiteral("<script>document.write('<p>x</p>')</script>after")
                                               << list({"after"}) << list({"document", "<p>x"}) << 0 << 0;
    QTest::newRow("remote image blocked") << QStringLiteral("<img src=\"http://cdn.shop.example/banner.png\" width=600>")
                                          << list({"[image: cdn.shop.example]"}) << list({"<img", "src="}) << 1 << 0;
    QTest::newRow("1x1 pixel") << QStringLiteral("<img src=\"https://tracker.example/p.gif\" width=\"1\" height=\"1\">")
                               << list({}) << list({"<img", "tracker.example", "[image"}) << 0 << 1;
    QTest::newRow("hidden pixel") << QStringLiteral("<img src='https://t.example/o' style='display: none'>")
                                  << list({}) << list({"<img", "t.example"}) << 0 << 1;
    QTest::newRow("javascript link") << QStringLiteral("<a href=\"javascript:alert(1)\">Click</a>")
                                     << list({"Click", "blocked"}) << list({"href", "<a"}) << 0 << 0;
    QTest::newRow("javascript link with entities and tab")
        << QStringLiteral("<a href=\"jav&#x61;\tscript&colon;alert(1)\">x</a>") << list({"x"}) << list({"href", "<a "}) << 0 << 0;
    QTest::newRow("vbscript link") << QStringLiteral("<a href='VBScript:msgbox(1)'>y</a>") << list({"y"}) << list({"href"}) << 0 << 0;
    QTest::newRow("onerror") << QStringLiteral("<p onclick=\"x()\">a</p><img src=x onerror=\"alert(1)\">")
                             << list({"<p>a</p>"}) << list({"onclick", "onerror", "alert"}) << 0 << 0;
    QTest::newRow("iframe") << QStringLiteral("<iframe src=\"https://evil.example\">fallback</iframe>rest")
                            << list({"rest"}) << list({"iframe", "evil", "fallback"}) << 0 << 0;
    QTest::newRow("object and embed") << QStringLiteral("<object data=x.swf><param name=a></object><embed src=y.swf>z")
                                      << list({"z"}) << list({"object", "embed", "swf", "param"}) << 0 << 0;
    QTest::newRow("form") << QStringLiteral("<form action=https://phish.example><input name=pw><button>Log in</button></form>")
                          << list({"Log in"}) << list({"form", "input", "phish", "action"}) << 0 << 0;
    QTest::newRow("style element") << QStringLiteral("<style>body{background:url(https://t.example/x)}</style>text")
                                   << list({"text"}) << list({"url(", "t.example", "style"}) << 0 << 0;
    QTest::newRow("style attribute with url") << QStringLiteral("<div style=\"background:url('https://t.example/bg')\">b</div>")
                                              << list({"<div>b</div>"}) << list({"url(", "t.example"}) << 0 << 0;
    QTest::newRow("safe style kept") << QStringLiteral("<span style=\"color:#c00\">red</span>")
                                     << list({"<span style=\"color:#c00\">red</span>"}) << list({}) << 0 << 0;
    QTest::newRow("data png kept") << QStringLiteral("<img src=\"data:image/png;base64,iVBORw0KGgo=\">")
                                   << list({"<img src=\"data:image/png;base64,iVBORw0KGgo=\""}) << list({}) << 0 << 0;
    QTest::newRow("data svg dropped") << QStringLiteral("<img src=\"data:image/svg+xml;base64,PHN2Zz4=\" alt=logo>")
                                      << list({"[image: logo]"}) << list({"data:", "<img"}) << 0 << 0;
    QTest::newRow("data html link") << QStringLiteral("<a href=\"data:text/html,<script>alert(1)</script>\">open</a>")
                                    << list({"open"}) << list({"href", "<script"}) << 0 << 0;
    QTest::newRow("unclosed tags closed") << QStringLiteral("<div><b>bold<i>both</div>after")
                                          << list({"<div><b>bold<i>both</i></b></div>after"}) << list({}) << 0 << 0;
    QTest::newRow("stray end tags ignored") << QStringLiteral("</td></table>text</b>") << list({"text"})
                                            << list({"</td>", "</table>", "</b>"}) << 0 << 0;
    QTest::newRow("tag cut off at the end") << QStringLiteral("fine<img src=\"http://x.example/a.png\" onerror=")
                                            << list({"fine"}) << list({"<img", "onerror", "x.example"}) << 0 << 0;
    QTest::newRow("lone angle brackets") << QStringLiteral("if a < b and c > d") << list({"a &lt; b", "c &gt; d"})
                                         << list({}) << 0 << 0;
    QTest::newRow("entities round trip") << QStringLiteral("Fish &amp; chips &lt;script&gt; &#233;t&eacute; &#x4e2d;")
                                         << list({"Fish &amp; chips &lt;script&gt; ét&eacute; 中"}) << list({"<script"}) << 0 << 0;
    QTest::newRow("comments and doctype") << QStringLiteral("<!DOCTYPE html><!-- <script>x()</script> -->visible")
                                          << list({"visible"}) << list({"script", "DOCTYPE", "<!--"}) << 0 << 0;
    QTest::newRow("nested dropped content") << QStringLiteral("<svg><svg><script>a()</script></svg>in</svg>out")
                                            << list({"out"}) << list({"svg", "in", "a()"}) << 0 << 0;
    QTest::newRow("uppercase allowed tags") << QStringLiteral("<P ALIGN=center><B>Hi</B></P>")
                                            << list({"<p align=\"center\"><b>Hi</b></p>"}) << list({}) << 0 << 0;
    QTest::newRow("attribute value escaped") << QStringLiteral("<p title='\"><script>x</script>'>t</p>")
                                             << list({"&quot;&gt;&lt;script&gt;"}) << list({"<script"}) << 0 << 0;
    QTest::newRow("meta refresh and base") << QStringLiteral("<meta http-equiv=refresh content=\"0;url=https://e.example\"><base href=https://e.example>x")
                                           << list({"x"}) << list({"meta", "base", "e.example"}) << 0 << 0;
    QTest::newRow("chinese and greek text") << QStringLiteral("<p>您好，包裹已寄出</p><p>Καλημέρα σας</p>")
                                            << list({"<p>您好，包裹已寄出</p><p>Καλημέρα σας</p>"}) << list({}) << 0 << 0;
}

void TestHtmlSanitizer::sanitize()
{
    QFETCH(QString, input);
    QFETCH(QStringList, mustContain);
    QFETCH(QStringList, mustNotContain);
    QFETCH(int, blockedImages);
    QFETCH(int, trackers);
    const SanitizedHtml result = HtmlSanitizer::sanitize(input);
    for (const QString &part : mustContain)
        QVERIFY2(result.html.contains(part), qPrintable(result.html + QStringLiteral("  lacks  ") + part));
    for (const QString &part : mustNotContain)
        QVERIFY2(!result.html.contains(part, Qt::CaseInsensitive), qPrintable(result.html + QStringLiteral("  has  ") + part));
    QCOMPARE(result.blockedImages, blockedImages);
    QCOMPARE(result.trackers, trackers);
}

void TestHtmlSanitizer::remoteImagesLoadOnlyWhenAllowed()
{
    const QString input = QStringLiteral("<img src=\"https://cdn.example/photo.jpg\" alt=\"Damaged box\" width=300 onload=x()>");
    const SanitizedHtml blocked = HtmlSanitizer::sanitize(input);
    QCOMPARE(blocked.blockedImages, 1);
    QCOMPARE(blocked.blockedHosts, QStringList{QStringLiteral("cdn.example")});
    QVERIFY(blocked.html.contains(QStringLiteral("[image: Damaged box · cdn.example]")));

    HtmlSanitizer::Options allow;
    allow.allowRemoteImages = true;
    const SanitizedHtml allowed = HtmlSanitizer::sanitize(input, allow);
    QCOMPARE(allowed.blockedImages, 0);
    QVERIFY(allowed.html.contains(QStringLiteral("<img src=\"https://cdn.example/photo.jpg\"")));
    QVERIFY(allowed.html.contains(QStringLiteral("width=\"300\"")));
    QVERIFY(!allowed.html.contains(QStringLiteral("onload")));
}

void TestHtmlSanitizer::trackersAreNeverLoaded()
{
    HtmlSanitizer::Options allow;
    allow.allowRemoteImages = true;
    const SanitizedHtml result = HtmlSanitizer::sanitize(
        QStringLiteral("<p>Hi</p><img src=\"https://tracker.example/pixel.gif\" width=\"1\" height=\"1\" alt=\"\">"), allow);
    QCOMPARE(result.trackers, 1);
    QVERIFY(!result.html.contains(QStringLiteral("tracker.example")));
    QCOMPARE(result.blockedHosts, QStringList{QStringLiteral("tracker.example")});
}

void TestHtmlSanitizer::linksReportTheirRealTarget()
{
    const SanitizedHtml result = HtmlSanitizer::sanitize(QStringLiteral(
        "<a href=\"https://login.evil.example/harbor\">https://harborpine.example/account</a> "
        "<a href=\"https://harborpine.example/orders/1\">your order</a> "
        "<a href=\"https://harborpine.example/x\">https://harborpine.example/x</a> "
        "<a href=\"mailto:help@harborpine.example\">help@harborpine.example</a> "
        "<a href=\"javascript:void(0)\">Unsubscribe</a>"));
    QCOMPARE(result.links.size(), 5);
    QVERIFY(result.links.at(0).mismatch);
    QVERIFY(result.html.contains(QStringLiteral("https://harborpine.example/account</a> <small>(https://login.evil.example/harbor)</small>")));
    QVERIFY(!result.links.at(1).mismatch);
    QVERIFY(result.html.contains(QStringLiteral("your order</a> <small>(https://harborpine.example/orders/1)</small>")));
    // A link that already shows its target is not repeated.
    QVERIFY(!result.html.contains(QStringLiteral("(https://harborpine.example/x)")));
    QVERIFY(!result.html.contains(QStringLiteral("(mailto:")));
    QVERIFY(result.links.at(3).safe);
    QVERIFY(!result.links.at(4).safe);
    QCOMPARE(result.links.at(4).target, QStringLiteral("javascript:void(0)"));
    QVERIFY(!result.html.contains(QStringLiteral("href=\"javascript")));
}

void TestHtmlSanitizer::demoEmailKeepsItsQuotedHistory()
{
    const QString input = QStringLiteral(
        "<div dir=\"auto\"><p>Thanks!</p></div><div class=\"gmail_quote\"><div class=\"gmail_attr\">On 3 March, Ana wrote:</div>"
        "<blockquote style=\"margin:0 0 0 .8ex;border-left:1px solid #ccc;padding-left:1ex\"><p>Where is it?</p></blockquote></div>"
        "<img src=\"https://tracker.example/pixel.gif\" width=\"1\" height=\"1\" alt=\"\" style=\"display:none\">");
    const SanitizedHtml result = HtmlSanitizer::sanitize(input);
    QVERIFY(result.html.contains(QStringLiteral("<blockquote style=")));
    QVERIFY(result.html.contains(QStringLiteral("<p>Where is it?</p></blockquote></div>")));
    QCOMPARE(result.trackers, 1);
    QCOMPARE(result.blockedImages, 0);
}

QTEST_GUILESS_MAIN(TestHtmlSanitizer)
#include "TestHtmlSanitizer.moc"
