#include "MainWindow.h"
#include "models/ConversationListModel.h"
#include "models/ItemRoles.h"
#include "models/MessageListModel.h"
#include "storage/CacheStore.h"
#include "storage/WorkspaceStore.h"
#include "support/CacheFixture.h"
#include "support/TempDataDir.h"

#include <QDir>
#include <QLabel>
#include <QListView>
#include <QStackedWidget>
#include <QTest>

using namespace Counterpart;
using Testing::CacheFixture;
namespace Roles = Models::Roles;

/** Drives the real main window over a small multilingual workspace, as an agent would. */
class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<Testing::TempDataDir>();
        m_cache = std::make_unique<Storage::CacheStore>();
        m_workspace = std::make_unique<Storage::WorkspaceStore>();
        QVERIFY(m_cache->open(m_dir->cachePath()).ok);
        QVERIFY(m_workspace->open(m_dir->workspacePath()).ok);
        CacheFixture fixture = CacheFixture::multilingual();
        for (auto &contact : fixture.batch().contacts) {
            if (contact.language == QLatin1String("zh-Hant")) {
                contact.timezone = QStringLiteral("Asia/Taipei");
                contact.customAttributes = QJsonObject{{QStringLiteral("plan"), QStringLiteral("Business")}};
            }
        }
        QString error;
        const qint64 sourceId = fixture.ingestInto(*m_cache, &error);
        QVERIFY2(sourceId, qPrintable(error));
        QVERIFY(m_cache->setMeAgent(sourceId, CacheFixture::SupportAgent));

        Ui::MainWindow::Options options;
        options.demo = true;
        options.now = CacheFixture::at(60);
        Ui::Services services;
        services.cache = m_cache.get();
        services.workspace = m_workspace.get();
        m_window = std::make_unique<Ui::MainWindow>(services, options);
        m_window->show();
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get())); // shortcuts need an active window
    }

    void cleanup()
    {
        m_window.reset();
        m_cache.reset();
        m_workspace.reset();
        m_dir.reset();
    }

    void opensOnTheNewestActiveConversationWithItsCustomer()
    {
        auto *list = m_window->findChild<QListView *>(QStringLiteral("conversationList"));
        QVERIFY(list);
        // multilingual(): 101 open, 102 open, 103 pending, 104 resolved; "All" shows the active three.
        QCOMPARE(list->model()->rowCount(), 3);
        QCOMPARE(list->currentIndex().row(), 0);
        QCOMPARE(list->currentIndex().data(Roles::CustomerName).toString(), QStringLiteral("陳美玲"));

        QCOMPARE(label(QStringLiteral("conversationTitle"))->text(), QStringLiteral("陳美玲"));
        QCOMPARE(label(QStringLiteral("customerName"))->text(), QStringLiteral("陳美玲"));
        QVERIFY(label(QStringLiteral("customerLanguage"))->text().contains(QStringLiteral("繁體中文")));
        // 10:00 UTC on the pinned clock is 18:00 in Taipei.
        QVERIFY2(label(QStringLiteral("customerLocalTime"))->text().contains(QStringLiteral("18:00")),
                 qPrintable(label(QStringLiteral("customerLocalTime"))->text()));
        QVERIFY(label(QStringLiteral("demoBanner"))->isVisible());
        QCOMPARE(m_window->messageModel()->rowCount(), 1);
        QCOMPARE(m_window->messageModel()->index(0).data(Roles::MessageText).toString(),
                 QStringLiteral("我要退貨，商品有瑕疵。"));
    }

    void jAndKMoveThroughTheListAndOpenEachConversation()
    {
        auto *list = m_window->findChild<QListView *>(QStringLiteral("conversationList"));
        list->setFocus();
        QTest::keyClick(m_window.get(), Qt::Key_J);
        QCOMPARE(list->currentIndex().row(), 1);
        QCOMPARE(label(QStringLiteral("customerName"))->text(), QStringLiteral("王小明"));
        QCOMPARE(m_window->messageModel()->rowCount(), 2);
        QTest::keyClick(m_window.get(), Qt::Key_J);
        QTest::keyClick(m_window.get(), Qt::Key_J); // past the end: stays on the last row
        QCOMPARE(list->currentIndex().row(), 2);
        QTest::keyClick(m_window.get(), Qt::Key_K, Qt::AltModifier);
        QCOMPARE(list->currentIndex().row(), 1);
    }

    void channelViewShowsOnlyThatChannel()
    {
        m_window->selectView(QStringLiteral("channel:email"));
        auto *list = m_window->findChild<QListView *>(QStringLiteral("conversationList"));
        QCOMPARE(list->model()->rowCount(), 1);
        QCOMPARE(list->currentIndex().data(Roles::CustomerName).toString(), QStringLiteral("Alice Johnson"));
        QCOMPARE(m_window->messageModel()->rowCount(), 2);
    }

    void emptyViewSaysSoAndClearsTheConversation()
    {
        m_window->selectView(QStringLiteral("mine"));
        auto *stack = m_window->findChild<QStackedWidget *>();
        QVERIFY(stack);
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("conversationListEmpty"));
        QCOMPARE(m_window->currentConversationId(), 0);
        QCOMPARE(label(QStringLiteral("conversationTitle"))->text(), QStringLiteral("No conversation selected"));
    }

    void rendersToPngAtWideAndNarrowSizes_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<QString>("name");
        QTest::newRow("wide") << QSize(1360, 820) << QStringLiteral("main-window-fixture-wide.png");
        QTest::newRow("narrow") << QSize(900, 600) << QStringLiteral("main-window-fixture-narrow.png");
    }

    void rendersToPngAtWideAndNarrowSizes()
    {
        QFETCH(QSize, size);
        QFETCH(QString, name);
        m_window->resize(size);
        QCoreApplication::processEvents();
        const QPixmap shot = m_window->grab();
        QVERIFY(!shot.isNull());
        QCOMPARE(shot.size(), m_window->size());
        const QString folder = QStringLiteral(COUNTERPART_BUILD_DIR "/screenshots");
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(shot.save(folder + QLatin1Char('/') + name));
        // Something was drawn: a blank window would be a single colour.
        const QImage image = shot.toImage();
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        QVERIFY(colours.size() > 20);
    }

private:
    QLabel *label(const QString &name) const
    {
        auto *found = m_window->findChild<QLabel *>(name);
        if (!found)
            qFatal("no label %s", qPrintable(name));
        return found;
    }

    std::unique_ptr<Testing::TempDataDir> m_dir;
    std::unique_ptr<Storage::CacheStore> m_cache;
    std::unique_ptr<Storage::WorkspaceStore> m_workspace;
    std::unique_ptr<Ui::MainWindow> m_window;
};

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
