#include "models/ItemRoles.h"
#include "models/SearchResultModel.h"
#include "storage/CacheStore.h"
#include "support/CacheFixture.h"
#include "support/TempDataDir.h"

#include <QAbstractItemModelTester>
#include <QPoint>
#include <QTest>

using namespace Counterpart;
using Testing::CacheFixture;
namespace Roles = Models::Roles;

class TestSearchResultModel : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<Testing::TempDataDir>();
        m_cache = std::make_unique<Storage::CacheStore>();
        QVERIFY(m_cache->open(m_dir->cachePath()).ok);
        QString error;
        QVERIFY2(CacheFixture::multilingual().ingestInto(*m_cache, &error), qPrintable(error));
    }

    void cleanup()
    {
        m_cache.reset();
        m_dir.reset();
    }

    void findsEachLanguageWithHighlightedRanges_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("customer");
        QTest::addColumn<QString>("highlighted");
        QTest::addColumn<QString>("channel");
        QTest::newRow("English") << u"refund"_qs << u"Alice Johnson"_qs << u"refund"_qs << u"email"_qs;
        QTest::newRow("Simplified Chinese") << u"退款"_qs << u"王小明"_qs << u"退款"_qs << u"whatsapp"_qs;
        QTest::newRow("Traditional Chinese") << u"退貨"_qs << u"陳美玲"_qs << u"退貨"_qs << u"whatsapp"_qs;
        // Typed without accents and in lower case, highlighted as the customer wrote it.
        QTest::newRow("Greek") << u"καλημερα"_qs << u"Γιώργος Παπαδόπουλος"_qs << u"Καλημέρα"_qs
                               << u"email"_qs;
    }

    void findsEachLanguageWithHighlightedRanges()
    {
        QFETCH(QString, query);
        QFETCH(QString, customer);
        QFETCH(QString, highlighted);
        QFETCH(QString, channel);

        Models::SearchResultModel model(m_cache.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setQuery(query);
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex row = model.index(0);
        QCOMPARE(row.data(Roles::CustomerName).toString(), customer);
        QCOMPARE(row.data(Roles::SearchHitKindKey).toString(), QStringLiteral("message"));
        QCOMPARE(row.data(Roles::ChannelKey).toString(), channel);
        QVERIFY(row.data(Roles::ConversationId).toLongLong() > 0);
        const QString snippet = row.data(Roles::SearchSnippet).toString();
        QVERIFY2(!snippet.contains(u'['), qPrintable(snippet)); // no marks in the text itself
        const QVariantList ranges = row.data(Roles::SearchHighlights).toList();
        QVERIFY(!ranges.isEmpty());
        const QPoint first = ranges.first().toPoint();
        QCOMPARE(snippet.mid(first.x(), first.y()), highlighted);
    }

    void findsContactsAndFiltersByChannelAndStatus()
    {
        Models::SearchResultModel model(m_cache.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setQuery(QStringLiteral("Γιώργος"));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0).data(Roles::SearchHitKindKey).toString(), QStringLiteral("contact"));
        QCOMPARE(model.index(0).data(Roles::SearchContactId).toLongLong() > 0, true);

        model.setQuery(QStringLiteral("退"));
        QCOMPARE(model.rowCount(), 2); // 退款 (simplified) and 退貨 (traditional)
        model.setStatusFilter(Domain::ConversationStatus::Pending);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0).data(Roles::CustomerName).toString(), QStringLiteral("陳美玲"));
        model.setStatusFilter(std::nullopt);
        model.setChannelFilter(Domain::ChannelKind::Email);
        QCOMPARE(model.rowCount(), 0);
        model.setChannelFilter(std::nullopt);
        model.setQuery(QString());
        QCOMPARE(model.rowCount(), 0);
    }

private:
    std::unique_ptr<Testing::TempDataDir> m_dir;
    std::unique_ptr<Storage::CacheStore> m_cache;
};

QTEST_GUILESS_MAIN(TestSearchResultModel)
#include "TestSearchResultModel.moc"
