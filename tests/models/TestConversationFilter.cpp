#include "models/ConversationFilter.h"
#include "models/ConversationListModel.h"
#include "models/ItemRoles.h"
#include "models/SavedView.h"
#include "models/ViewListModel.h"
#include "storage/CacheStore.h"
#include "storage/WorkspaceStore.h"
#include "support/CacheFixture.h"
#include "support/TempDataDir.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QTest>

using namespace Counterpart;
using Models::ConversationFilter;
using Models::ConversationListModel;
using Testing::CacheFixture;
namespace Roles = Models::Roles;

/** The triage filters and the SLA-due sort, over the multilingual fixture. */
class TestConversationFilter : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Testing::TempDataDir> m_dir;
    std::unique_ptr<Storage::CacheStore> m_cache;

    QStringList names(ConversationListModel &model) const
    {
        QStringList result;
        for (int row = 0; row < model.rowCount(); ++row)
            result.append(model.index(row).data(Roles::CustomerName).toString());
        return result;
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<Testing::TempDataDir>();
        m_cache = std::make_unique<Storage::CacheStore>();
        QVERIFY(m_cache->open(m_dir->cachePath()).ok);
        CacheFixture fixture = CacheFixture::multilingual();
        auto &c = fixture.batch().conversations;
        for (auto &conversation : c) {
            conversation.firstReplyAt = QDateTime();
            conversation.waitingSince = QDateTime();
        }
        c[0].waitingSince = CacheFixture::at(0);  // e-mail: due at +240
        c[1].waitingSince = CacheFixture::at(10); // WhatsApp: due at +40
        c[2].waitingSince = CacheFixture::at(20); // WhatsApp: due at +50
        c[1].priority = Domain::Priority::High;
        c[0].assigneeId = CacheFixture::SupportAgent;
        fixture.addMessage(1100, 102, QStringLiteral("@Maria Agent can you check the refund?"), 13,
                           Domain::MessageKind::Note);
        QString error;
        const qint64 source = fixture.ingestInto(*m_cache, &error);
        QVERIFY2(source, qPrintable(error));
        QVERIFY(m_cache->setMeAgent(source, CacheFixture::SupportAgent));
    }

    void slaDueSortsMostUrgentFirstAndPages()
    {
        ConversationListModel model(m_cache.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(1);
        model.setSort(ConversationListModel::Sort::SlaDue);
        while (model.canFetchMore({}))
            model.fetchMore({});
        QCOMPARE(names(model), (QStringList{QStringLiteral("王小明"), QStringLiteral("陳美玲"),
                                            QStringLiteral("Alice Johnson")}));
        model.setNow(CacheFixture::at(45));
        QCOMPARE(model.index(0).data(Roles::SlaState).toInt(), 3); // WhatsApp 35 min: breached
        QCOMPARE(model.index(1).data(Roles::SlaState).toInt(), 2); // 25 of 30 min: due soon
        QCOMPARE(model.index(2).data(Roles::SlaState).toInt(), 1);
        QCOMPARE(model.index(2).data(Roles::SlaDueAt).toDateTime(), CacheFixture::at(240));
        QCOMPARE(model.index(2).data(Roles::WaitingText).toString(), QStringLiteral("45 min"));

        Metrics::Sla sla;
        sla.setTargetSecs(QStringLiteral("email"), 60 * 20);
        model.setSla(sla);
        QCOMPARE(model.index(0).data(Roles::CustomerName).toString(), QStringLiteral("Alice Johnson"));
    }

    void filters_data()
    {
        QTest::addColumn<QJsonObject>("json");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("language prefix") << QJsonObject{{QStringLiteral("language"), QStringLiteral("zh")}}
                                         << QStringList{QStringLiteral("陳美玲"), QStringLiteral("王小明")};
        QTest::newRow("priority high+") << QJsonObject{{QStringLiteral("min_priority"), 3}}
                                        << QStringList{QStringLiteral("王小明")};
        QTest::newRow("waiting longer than 45 min")
            << QJsonObject{{QStringLiteral("waiting_longer_than"), 45 * 60}}
            << QStringList{QStringLiteral("王小明"), QStringLiteral("Alice Johnson")};
        QTest::newRow("mentions") << QJsonObject{{QStringLiteral("participating"), true}}
                                  << QStringList{QStringLiteral("王小明")};
        QTest::newRow("resolved channel email")
            << QJsonObject{{QStringLiteral("statuses"), QJsonArray{QStringLiteral("resolved")}},
                           {QStringLiteral("channel"), QStringLiteral("email")}}
            << QStringList{QStringLiteral("Γιώργος Παπαδόπουλος")};
    }

    void filters()
    {
        QFETCH(QJsonObject, json);
        QFETCH(QStringList, expected);
        ConversationFilter filter = ConversationFilter::fromJson(json);
        filter.nowSecs = CacheFixture::at(60).toSecsSinceEpoch();
        QCOMPARE(ConversationFilter::fromJson(filter.toJson()).toJson(), filter.toJson());
        ConversationListModel model(m_cache.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFilter(filter);
        QCOMPARE(names(model), expected);
    }

    void assigneeAgent()
    {
        ConversationFilter filter;
        filter.assigneeAgentId = m_cache->meAgentIds().constFirst();
        ConversationListModel model(m_cache.get());
        model.setFilter(filter);
        QCOMPARE(names(model), QStringList{QStringLiteral("Alice Johnson")});
    }

    void viewsWithCountsAndSavedViews()
    {
        Storage::WorkspaceStore workspace;
        QVERIFY(workspace.open(m_dir->workspacePath()).ok);
        ConversationFilter chinese;
        chinese.language = QStringLiteral("zh");
        QVERIFY(Models::SavedView::save(workspace, {{QStringLiteral("中文客户"), chinese}}));
        Models::ViewListModel views(m_cache.get());
        QAbstractItemModelTester tester(&views, QAbstractItemModelTester::FailureReportingMode::QtTest);
        views.setSavedViews(Models::SavedView::load(workspace));
        QCOMPARE(views.countOf(QStringLiteral("participating")), 1);
        QCOMPARE(views.countOf(QStringLiteral("resolved")), 1);
        QCOMPARE(views.countOf(QStringLiteral("snoozed")), 0);
        QCOMPARE(views.countOf(QStringLiteral("saved:0")), 2);
        QCOMPARE(views.filterOf(QStringLiteral("saved:0")).language, QStringLiteral("zh"));
        QVERIFY(m_cache->applyLocalChanges({{1, // the first conversation ingested
                                             {{QStringLiteral("status"), QStringLiteral("snoozed")}},
                                             std::nullopt}}));
        QCOMPARE(views.countOf(QStringLiteral("snoozed")), 1); // live: refreshed on contentChanged
    }
};

QTEST_GUILESS_MAIN(TestConversationFilter)
#include "TestConversationFilter.moc"
