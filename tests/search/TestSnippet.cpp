#include "search/SearchText.h"
#include "search/Snippet.h"

#include <QTest>

using Counterpart::Search::SearchText;
using Counterpart::Search::Snippet;

class TestSnippet : public QObject
{
    Q_OBJECT

private slots:
    void highlights_data();
    void highlights();
    void rangesPointAtTheHighlightedText();
    void longTextIsCutAroundTheFirstMatch();
    void noMatchShowsTheBeginning();
    void decomposedOriginalKeepsItsMarks();
    void containsFolded();
};

void TestSnippet::highlights_data()
{
    QTest::addColumn<QString>("original");
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("expected");

    QTest::newRow("english") << QStringLiteral("I want a refund.") << QStringLiteral("refund")
                             << QStringLiteral("I want a [refund].");
    QTest::newRow("prefix highlights whole word") << QStringLiteral("Refunded yesterday")
                                                  << QStringLiteral("refun")
                                                  << QStringLiteral("[Refunded] yesterday");
    QTest::newRow("not inside a word") << QStringLiteral("a fundraiser, a refund")
                                       << QStringLiteral("fund")
                                       << QStringLiteral("a [fundraiser], a refund");
    QTest::newRow("every occurrence") << QStringLiteral("refund, refund!") << QStringLiteral("refund")
                                      << QStringLiteral("[refund], [refund]!");
    QTest::newRow("greek accents kept") << QStringLiteral("Καλημέρα!") << QStringLiteral("καλημερα")
                                        << QStringLiteral("[Καλημέρα]!");
    QTest::newRow("greek accented query") << QStringLiteral("καλημερα φίλε")
                                          << QStringLiteral("Καλημέρα")
                                          << QStringLiteral("[καλημερα] φίλε");
    QTest::newRow("greek dialytika") << QStringLiteral("Το ρολόι είναι προϊόν")
                                     << QStringLiteral("προιον")
                                     << QStringLiteral("Το ρολόι είναι [προϊόν]");
    QTest::newRow("greek final sigma") << QStringLiteral("ΠΟΛΛΈΣ ευχαριστίες")
                                       << QStringLiteral("πολλες")
                                       << QStringLiteral("[ΠΟΛΛΈΣ] ευχαριστίες");
    QTest::newRow("chinese in the middle") << QStringLiteral("我想申请退款") << QStringLiteral("退款")
                                           << QStringLiteral("我想申请[退款]");
    QTest::newRow("chinese bigrams merge") << QStringLiteral("我想申请退款") << QStringLiteral("申请退款")
                                           << QStringLiteral("我想[申请退款]");
    QTest::newRow("mixed latin and han") << QStringLiteral("我的iPhone退款呢")
                                         << QStringLiteral("iphone退款")
                                         << QStringLiteral("我的[iPhone退款]呢");
    QTest::newRow("whitespace collapsed") << QStringLiteral("Hello\n\n  refund\tplease")
                                          << QStringLiteral("refund")
                                          << QStringLiteral("Hello [refund] please");
    QTest::newRow("emoji kept whole") << QStringLiteral("🙂 refund 🙂") << QStringLiteral("refund")
                                      << QStringLiteral("🙂 [refund] 🙂");
}

void TestSnippet::highlights()
{
    QFETCH(QString, original);
    QFETCH(QString, query);
    QFETCH(QString, expected);
    const Snippet snippet = Snippet::make(original, SearchText::queryTerms(query), {});
    QCOMPARE(snippet.text, expected);
}

void TestSnippet::rangesPointAtTheHighlightedText()
{
    Snippet::Options options;
    options.openMark = QStringLiteral("<b>");
    options.closeMark = QStringLiteral("</b>");
    const Snippet snippet = Snippet::make(QStringLiteral("Καλημέρα, η επιστροφή χρημάτων;"),
                                          SearchText::queryTerms(QStringLiteral("επιστροφη καλημερα")),
                                          options);
    QCOMPARE(snippet.text, QStringLiteral("<b>Καλημέρα</b>, η <b>επιστροφή</b> χρημάτων;"));
    QCOMPARE(snippet.highlights.size(), 2);
    QCOMPARE(snippet.text.mid(snippet.highlights.at(0).first, snippet.highlights.at(0).second),
             QStringLiteral("Καλημέρα"));
    QCOMPARE(snippet.text.mid(snippet.highlights.at(1).first, snippet.highlights.at(1).second),
             QStringLiteral("επιστροφή"));
}

void TestSnippet::longTextIsCutAroundTheFirstMatch()
{
    const QString before = QStringLiteral("alpha beta gamma delta epsilon zeta eta theta iota kappa ");
    const QString after = QStringLiteral(" lambda mu nu xi omicron pi rho sigma tau upsilon phi chi");
    const QString text = before + before + QStringLiteral("the parcel arrived broken") + after + after;
    Snippet::Options options;
    options.windowChars = 50;
    const Snippet snippet = Snippet::make(text, SearchText::queryTerms(QStringLiteral("parcel")), options);
    QVERIFY2(snippet.text.startsWith(QChar(0x2026)), qPrintable(snippet.text));
    QVERIFY2(snippet.text.endsWith(QChar(0x2026)), qPrintable(snippet.text));
    QVERIFY2(snippet.text.contains(QStringLiteral("the [parcel] arrived")), qPrintable(snippet.text));
    QVERIFY2(snippet.text.size() <= 50 + 4, qPrintable(snippet.text));
    // Words at the cuts are whole: everything between the ellipses is a word of the original.
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const QString inner = snippet.text.mid(1, snippet.text.size() - 2)
                              .remove(QLatin1Char('['))
                              .remove(QLatin1Char(']'));
    for (const QString &word : inner.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        QVERIFY2(words.contains(word), qPrintable(QStringLiteral("'%1' in %2").arg(word, snippet.text)));

    // Chinese has no spaces: the window is cut by characters, and still centred on the match.
    QString chinese = QString(60, QChar(0x597D)) + QStringLiteral("退款") + QString(60, QChar(0x597D));
    const Snippet han = Snippet::make(chinese, SearchText::queryTerms(QStringLiteral("退款")), options);
    QVERIFY2(han.text.contains(QStringLiteral("[退款]")), qPrintable(han.text));
    QVERIFY2(han.text.size() <= 50 + 4, qPrintable(han.text));
    QVERIFY(han.text.startsWith(QChar(0x2026)) && han.text.endsWith(QChar(0x2026)));
}

void TestSnippet::noMatchShowsTheBeginning()
{
    Snippet::Options options;
    options.windowChars = 20;
    const Snippet snippet = Snippet::make(QStringLiteral("Thanks for your patience with this order"),
                                          SearchText::queryTerms(QStringLiteral("invoice")), options);
    QVERIFY(snippet.highlights.isEmpty());
    QCOMPARE(snippet.text, QStringLiteral("Thanks for your…"));
    QCOMPARE(Snippet::make(QString(), {QStringLiteral("x")}, {}).text, QString());
}

void TestSnippet::decomposedOriginalKeepsItsMarks()
{
    // Text that arrives already decomposed (e + U+0301) must be highlighted with its mark.
    const QString original = QStringLiteral("cafe\u0301 au lait");
    const Snippet snippet = Snippet::make(original, SearchText::queryTerms(QStringLiteral("café")), {});
    QCOMPARE(snippet.text, QStringLiteral("[cafe\u0301] au lait"));
}

void TestSnippet::containsFolded()
{
    QVERIFY(Snippet::containsFolded(QStringLiteral("我想申请退款"), QStringLiteral("申请退款")));
    QVERIFY(!Snippet::containsFolded(QStringLiteral("申请表，退款单"), QStringLiteral("申请退款")));
    QVERIFY(Snippet::containsFolded(QStringLiteral("ΚΑΛΗΜΈΡΑ"), QStringLiteral("καλημερα")));
}

QTEST_GUILESS_MAIN(TestSnippet)
#include "TestSnippet.moc"
