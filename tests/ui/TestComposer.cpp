#include "common/ActionRegistry.h"
#include "composer/ComposerChannelBar.h"
#include "composer/ComposerWidget.h"
#include "compose/DraftAutosaver.h"
#include "models/ItemRoles.h"
#include "models/MessageListModel.h"
#include "storage/CacheStore.h"
#include "storage/WorkspaceStore.h"
#include "support/CacheFixture.h"
#include "support/TempDataDir.h"
#include "sync/OutboxStore.h"

#include <QAbstractItemModelTester>
#include <QAbstractItemView>
#include <QApplication>
#include <QCompleter>
#include <QDialog>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>
#include <QSqlQuery>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Counterpart;
using Testing::CacheFixture;
using Ui::ComposerWidget;
namespace Roles = Models::Roles;

namespace {
constexpr qint64 SmsInbox = 3;
constexpr qint64 SmsContact = 5;
constexpr qint64 SmsConversation = 105;

/** Clicks `button` (by objectName) of the next modal dialog; remembers which dialog it was. */
void answerNextDialog(const QString &button, QString *seenDialog)
{
    auto *timer = new QTimer;
    timer->setInterval(20);
    auto *tries = new int(0);
    QObject::connect(timer, &QTimer::timeout, [timer, tries, button, seenDialog] {
        QWidget *modal = QApplication::activeModalWidget();
        if (!modal && ++*tries < 200)
            return;
        timer->stop();
        timer->deleteLater();
        delete tries;
        if (!modal)
            return;
        *seenDialog = modal->objectName();
        if (auto *found = modal->findChild<QPushButton *>(button))
            found->click();
        else if (auto *box = qobject_cast<QMessageBox *>(modal))
            box->button(QMessageBox::Ok) ? box->button(QMessageBox::Ok)->click() : box->reject();
        else if (auto *dialog = qobject_cast<QDialog *>(modal))
            dialog->reject();
    });
    timer->start();
}
} // namespace

/** The composer on its own, over a real cache, workspace and outbox. */
class TestComposer : public QObject
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
        fixture.addInbox(SmsInbox, QStringLiteral("SMS"), Domain::ChannelKind::Sms);
        fixture.addContact(SmsContact, QStringLiteral("李华"), QString(), QStringLiteral("+86 139 0000 0000"),
                           QStringLiteral("zh-Hans"));
        fixture.addConversation(SmsConversation, SmsInbox, SmsContact, 40);
        fixture.addMessage(1008, SmsConversation, QStringLiteral("快递到哪里了？"), 41);
        QString error;
        m_sourceId = fixture.ingestInto(*m_cache, &error);
        QVERIFY2(m_sourceId, qPrintable(error));
        m_outbox = std::make_unique<Sync::OutboxStore>(m_workspace.get());

        m_host = std::make_unique<QWidget>();
        auto *layout = new QVBoxLayout(m_host.get());
        m_actions = new Ui::ActionRegistry(m_host.get(), m_host.get());
        m_actions->add({QStringLiteral("focus.list"), QStringLiteral("List"), QStringLiteral("Navigation"), {}},
                       [this] { ++m_focusListCalls; });
        Ui::Services services;
        services.cache = m_cache.get();
        services.workspace = m_workspace.get();
        services.outbox = m_outbox.get();
        m_composer = new ComposerWidget(services, m_actions, m_host.get());
        m_composer->setNow(CacheFixture::at(60));
        m_composer->autosaver()->setInterval(50);
        layout->addWidget(m_composer);
        m_host->resize(640, 300);
        m_host->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_host.get()));
    }

    void cleanup()
    {
        m_host.reset();
        m_outbox.reset();
        m_cache.reset();
        m_workspace.reset();
        m_dir.reset();
    }

    void emailReplyHasSubjectCcBccAndQueuesThemWithTheReply()
    {
        m_composer->showConversation(conversation(101));
        auto *subject = m_composer->findChild<QLineEdit *>(QStringLiteral("composerSubject"));
        auto *cc = m_composer->findChild<QLineEdit *>(QStringLiteral("composerCc"));
        QVERIFY(subject && subject->isVisible());
        QCOMPARE(subject->text(), QStringLiteral("Conversation 101"));
        QTest::keyClicks(cc, QStringLiteral("billing@example.com"));
        QTest::keyClicks(m_composer->editor(), QStringLiteral("Your refund left today."));
        const qint64 id = m_composer->send();
        QVERIFY(id);
        const auto operation = m_outbox->operation(id);
        QVERIFY(operation);
        QCOMPARE(operation->kind, Sync::OutboxOperation::Kind::Reply);
        QCOMPARE(operation->sourceUid, QStringLiteral("test"));
        QCOMPARE(operation->conversationRemoteId, 101);
        QCOMPARE(operation->payload.value(QStringLiteral("content")).toString(), QStringLiteral("Your refund left today."));
        QCOMPARE(operation->payload.value(QStringLiteral("cc")).toString(), QStringLiteral("billing@example.com"));
        QCOMPARE(operation->payload.value(QStringLiteral("subject")).toString(), QStringLiteral("Conversation 101"));
        QVERIFY(m_composer->editor()->toPlainText().isEmpty());
        QVERIFY(!m_workspace->draft(QStringLiteral("test"), 101, QStringLiteral("reply")));
    }

    void smsCountsSegmentsAndChineseSwitchesToUcs2()
    {
        m_composer->showConversation(conversation(SmsConversation));
        QVERIFY(!m_composer->findChild<QLineEdit *>(QStringLiteral("composerSubject"))->isVisible());
        QTest::keyClicks(m_composer->editor(), QStringLiteral("Hello"));
        QVERIFY2(m_composer->channelBar()->infoText().contains(QStringLiteral("GSM-7")),
                 qPrintable(m_composer->channelBar()->infoText()));
        QVERIFY(m_composer->channelBar()->infoText().contains(QStringLiteral("1 SMS segment")));
        // 75 Chinese characters: more than one 70-character UCS-2 segment.
        m_composer->editor()->setPlainText(QString(75, QChar(0x5feb)));
        const QString info = m_composer->channelBar()->infoText();
        QVERIFY2(info.contains(QStringLiteral("2 SMS segments")) && info.contains(QStringLiteral("UCS-2")), qPrintable(info));
    }

    void whatsAppOutsideTheWindowWarnsAndRefusesToSend()
    {
        m_composer->setNow(CacheFixture::at(30 * 60)); // 30 hours after the customer wrote
        m_composer->showConversation(conversation(103));
        QTest::keyClicks(m_composer->editor(), QStringLiteral("Any news?"));
        QVERIFY(m_composer->channelBar()->warningText().contains(QStringLiteral("24-hour")));
        QString seen;
        answerNextDialog(QString(), &seen);
        QCOMPARE(m_composer->send(), 0);
        QCOMPARE(seen, QStringLiteral("preSendDialog"));
        QVERIFY(m_outbox->pending().isEmpty());
        QCOMPARE(m_composer->editor()->toPlainText(), QStringLiteral("Any news?"));
    }

    void chatLengthLimitIsShownAndEnforced()
    {
        m_composer->showConversation(conversation(102)); // WhatsApp, window open at the pinned clock
        m_composer->editor()->setPlainText(QString(4100, QLatin1Char('a')));
        QVERIFY(m_composer->channelBar()->infoText().contains(QStringLiteral("4100 / 4096")));
        QVERIFY(m_composer->channelBar()->warningText().contains(QStringLiteral("shorten it by 4")));
        QString seen;
        answerNextDialog(QString(), &seen);
        QCOMPARE(m_composer->send(), 0);
        QCOMPARE(seen, QStringLiteral("preSendDialog"));
    }

    void newCustomerMessagesAreShownAndAskedAboutBeforeSending()
    {
        m_composer->showConversation(conversation(101));
        QTest::keyClicks(m_composer->editor(), QStringLiteral("Refund sent."));
        CacheFixture later = CacheFixture::multilingual();
        later.addMessage(1010, 101, QStringLiteral("Actually, can I get store credit instead?"), 50);
        QVERIFY(m_cache->ingest(m_sourceId, later.batch()));

        QString seen;
        answerNextDialog(QStringLiteral("newMessagesReview"), &seen);
        QCOMPARE(m_composer->send(), 0);
        QCOMPARE(seen, QStringLiteral("newMessagesDialog"));
        QVERIFY(m_outbox->pending().isEmpty());

        answerNextDialog(QStringLiteral("newMessagesSend"), &seen);
        QVERIFY(m_composer->send() != 0);
        QCOMPARE(m_outbox->pending().size(), 1);
    }

    void noteModeCompletesMentionsAndQueuesANote()
    {
        m_composer->showConversation(conversation(101));
        m_composer->setMode(ComposerWidget::Mode::Note);
        QVERIFY(!m_composer->findChild<QLineEdit *>(QStringLiteral("composerSubject"))->isVisible());
        m_composer->editor()->setFocus();
        QTest::keyClicks(m_composer->editor(), QStringLiteral("please check @Mar"));
        auto *completer = m_composer->findChild<QCompleter *>(QStringLiteral("mentionCompleter"));
        QVERIFY(completer);
        QTRY_VERIFY(completer->popup()->isVisible());
        QTest::keyClick(completer->popup(), Qt::Key_Down);
        QTest::keyClick(completer->popup(), Qt::Key_Return);
        QCOMPARE(m_composer->editor()->toPlainText(), QStringLiteral("please check @Maria Agent "));
        const qint64 id = m_composer->send();
        QVERIFY(id);
        QCOMPARE(m_outbox->operation(id)->kind, Sync::OutboxOperation::Kind::Note);
    }

    void draftsAreKeptPerConversationAndModeAndComeBack()
    {
        m_composer->showConversation(conversation(101));
        QTest::keyClicks(m_composer->editor(), QStringLiteral("reply for Alice"));
        m_composer->setMode(ComposerWidget::Mode::Note);
        QTest::keyClicks(m_composer->editor(), QStringLiteral("note about Alice"));
        m_composer->showConversation(conversation(102));
        QVERIFY(m_composer->editor()->toPlainText().isEmpty());
        QCOMPARE(m_workspace->draft(QStringLiteral("test"), 101, QStringLiteral("reply"))->body, QStringLiteral("reply for Alice"));
        QCOMPARE(m_workspace->draft(QStringLiteral("test"), 101, QStringLiteral("note"))->body, QStringLiteral("note about Alice"));
        m_composer->showConversation(conversation(101));
        QCOMPARE(m_composer->mode(), ComposerWidget::Mode::Reply);
        QCOMPARE(m_composer->editor()->toPlainText(), QStringLiteral("reply for Alice"));
        QCOMPARE(m_composer->findChild<QToolButton *>(QStringLiteral("composerDrafts"))->text(), QStringLiteral("Drafts (2)"));
    }

    void escapeReturnsToTheList()
    {
        m_composer->showConversation(conversation(101));
        m_composer->editor()->setFocus();
        QTest::keyClick(m_composer->editor(), Qt::Key_Escape);
        QCOMPARE(m_focusListCalls, 1);
    }

    void transcriptShowsQueuedRepliesAsPendingThenFailed()
    {
        Models::MessageListModel model(m_cache.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setOutbox(m_outbox.get());
        model.setConversation(conversation(101));
        QCOMPARE(model.rowCount(), 2);
        m_composer->showConversation(conversation(101));
        QTest::keyClicks(m_composer->editor(), QStringLiteral("On its way"));
        const qint64 id = m_composer->send();
        QVERIFY(id);
        QCOMPARE(model.rowCount(), 3);
        const QModelIndex last = model.index(2);
        QCOMPARE(last.data(Roles::MessageText).toString(), QStringLiteral("On its way"));
        QCOMPARE(last.data(Roles::MessageKindKey).toString(), QStringLiteral("outgoing"));
        QCOMPARE(last.data(Roles::DeliveryKey).toString(), QStringLiteral("pending"));
        QVERIFY(m_outbox->markFailed(id, QStringLiteral("rejected")));
        QCOMPARE(model.index(2).data(Roles::DeliveryKey).toString(), QStringLiteral("failed"));
        QVERIFY(m_composer->findChild<QPushButton *>(QStringLiteral("composerRetry"))->isVisible());
        QVERIFY(m_outbox->markSending(id, 0));
        QVERIFY(m_outbox->markSent(id, 5555));
        QCOMPARE(model.rowCount(), 2); // sent: the synced message will come from the cache
    }

    void rendersTheComposerPerChannel_data()
    {
        QTest::addColumn<qint64>("remoteId");
        QTest::addColumn<int>("hours");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("name");
        QTest::newRow("email") << qint64(101) << 1 << QStringLiteral("Hello Alice,\n\nyour refund left today.")
                               << QStringLiteral("composer-email.png");
        QTest::newRow("sms-chinese") << SmsConversation << 1
                                     << QStringLiteral("您好，您的快递已经发出，预计明天送达。如有任何问题，请随时回复本短信联系我们。谢谢您的耐心等待，祝您生活愉快！")
                                     << QStringLiteral("composer-sms-chinese.png");
        QTest::newRow("whatsapp-closed") << qint64(103) << 30 << QStringLiteral("您好，請問還需要協助嗎？")
                                         << QStringLiteral("composer-whatsapp-closed.png");
    }

    void rendersTheComposerPerChannel()
    {
        QFETCH(qint64, remoteId);
        QFETCH(int, hours);
        QFETCH(QString, text);
        QFETCH(QString, name);
        m_composer->setNow(CacheFixture::at(hours * 60));
        m_composer->showConversation(conversation(remoteId));
        if (remoteId == 101)
            m_composer->findChild<QLineEdit *>(QStringLiteral("composerCc"))->setText(QStringLiteral("billing@example.com"));
        m_composer->editor()->setPlainText(text);
        QCoreApplication::processEvents();
        const QString folder = QStringLiteral(COUNTERPART_BUILD_DIR "/screenshots");
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(m_host->grab().save(folder + QLatin1Char('/') + name));
    }

private:
    qint64 conversation(qint64 remoteId) const
    {
        QSqlQuery query(m_cache->connection());
        query.prepare(QStringLiteral("SELECT id FROM conversations WHERE remote_id = ?"));
        query.addBindValue(remoteId);
        return query.exec() && query.next() ? query.value(0).toLongLong() : 0;
    }

    std::unique_ptr<Testing::TempDataDir> m_dir;
    std::unique_ptr<Storage::CacheStore> m_cache;
    std::unique_ptr<Storage::WorkspaceStore> m_workspace;
    std::unique_ptr<Sync::OutboxStore> m_outbox;
    std::unique_ptr<QWidget> m_host;
    Ui::ActionRegistry *m_actions = nullptr;
    ComposerWidget *m_composer = nullptr;
    qint64 m_sourceId = 0;
    int m_focusListCalls = 0;
};

QTEST_MAIN(TestComposer)
#include "TestComposer.moc"
