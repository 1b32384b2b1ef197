#include "models/ItemRoles.h"
#include "models/MessageListModel.h"
#include "storage/CacheStore.h"
#include "support/CacheFixture.h"
#include "support/TempDataDir.h"

#include <QAbstractItemModelTester>
#include <QSqlQuery>
#include <QTest>

using namespace Counterpart;
using namespace Counterpart::Models;
using Testing::CacheFixture;

class TestMessageListModel : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<Testing::TempDataDir>();
        m_cache = std::make_unique<Storage::CacheStore>();
        QVERIFY(m_cache->open(m_dir->cachePath()).ok);
        CacheFixture fixture;
        fixture.addInbox(CacheFixture::WhatsAppInbox, QStringLiteral("WhatsApp"), Domain::ChannelKind::WhatsApp);
        fixture.addAgent(CacheFixture::SupportAgent, QStringLiteral("Maria"), QString());
        fixture.addContact(1, QStringLiteral("陳怡君"), QString(), QString(), QStringLiteral("zh-Hant"));
        fixture.addConversation(1, CacheFixture::WhatsAppInbox, 1, 0);
        for (int i = 1; i <= 120; ++i) {
            auto &message = fixture.addMessage(i, 1, QStringLiteral("message %1").arg(i), i,
                                               i % 2 ? Domain::MessageKind::Incoming : Domain::MessageKind::Outgoing);
            if (i == 120) {
                message.attachments.append({QStringLiteral("photo.jpg"), QStringLiteral("image/jpeg"), 2048, {}, 0});
            }
        }
        QString error;
        QVERIFY2(fixture.ingestInto(*m_cache, &error), qPrintable(error));
        QSqlQuery query(m_cache->connection());
        QVERIFY(query.exec(QStringLiteral("SELECT id FROM conversations")) && query.next());
        m_conversationId = query.value(0).toLongLong();
        QVERIFY(m_conversationId > 0);
    }
    void cleanup()
    {
        m_cache.reset();
        m_dir.reset();
    }

    void opensOnNewestPageAndPagesBackToTheFirstMessage()
    {
        MessageListModel model(m_cache.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(50);
        model.setConversation(m_conversationId);
        QCOMPARE(model.rowCount(), 50);
        QCOMPARE(model.index(0).data(Roles::MessageText).toString(), QStringLiteral("message 71"));
        QCOMPARE(model.index(49).data(Roles::MessageText).toString(), QStringLiteral("message 120"));
        QVERIFY(model.hasOlder());

        QCOMPARE(model.fetchOlder(), 50);
        QCOMPARE(model.index(0).data(Roles::MessageText).toString(), QStringLiteral("message 21"));
        QCOMPARE(model.fetchOlder(), 20);
        QCOMPARE(model.rowCount(), 120);
        QVERIFY(!model.hasOlder());
        QCOMPARE(model.fetchOlder(), 0);
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.index(row).data(Roles::MessageText).toString(), QStringLiteral("message %1").arg(row + 1));
    }

    void exposesKindTimeAndAttachments()
    {
        MessageListModel model(m_cache.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConversation(m_conversationId);
        const QModelIndex last = model.index(model.rowCount() - 1);
        QCOMPARE(last.data(Roles::MessageKindKey).toString(), QStringLiteral("outgoing"));
        QCOMPARE(last.data(Roles::MessageTime).toDateTime(), CacheFixture::at(120));
        const QVariantList attachments = last.data(Roles::Attachments).toList();
        QCOMPARE(attachments.size(), 1);
        QCOMPARE(attachments.first().toMap().value(QStringLiteral("name")).toString(), QStringLiteral("photo.jpg"));
        QCOMPARE(model.index(model.rowCount() - 2).data(Roles::MessageKindKey).toString(), QStringLiteral("incoming"));
    }

    void emptyWhenNoConversation()
    {
        MessageListModel model(m_cache.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConversation(m_conversationId);
        model.setConversation(0);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.hasOlder());
    }

private:
    std::unique_ptr<Testing::TempDataDir> m_dir;
    std::unique_ptr<Storage::CacheStore> m_cache;
    qint64 m_conversationId = 0;
};

QTEST_GUILESS_MAIN(TestMessageListModel)
#include "TestMessageListModel.moc"
