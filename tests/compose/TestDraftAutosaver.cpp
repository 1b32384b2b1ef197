#include "compose/DraftAutosaver.h"
#include "storage/WorkspaceStore.h"
#include "support/TempDataDir.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace Counterpart;
using Compose::DraftAutosaver;
using Storage::Draft;

/** The autosaver writes after a pause in typing, never under the wrong key, and on close. */
class TestDraftAutosaver : public QObject
{
    Q_OBJECT

    static Draft draft(qint64 conversation, const QString &mode, const QString &body)
    {
        Draft d;
        d.sourceUid = QStringLiteral("demo");
        d.conversationRemoteId = conversation;
        d.mode = mode;
        d.body = body;
        return d;
    }

    QString storedBody(qint64 conversation, const QString &mode) const
    {
        const auto found = m_store->draft(QStringLiteral("demo"), conversation, mode);
        return found ? found->body : QString();
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<Testing::TempDataDir>();
        m_store = std::make_unique<Storage::WorkspaceStore>();
        QVERIFY(m_store->open(m_dir->workspacePath()).ok);
    }

    void cleanup()
    {
        m_store.reset();
        m_dir.reset();
    }

    void savesOnceAfterThePauseNotOnEveryKeystroke()
    {
        DraftAutosaver saver(m_store.get());
        saver.setInterval(80);
        QSignalSpy saved(&saver, &DraftAutosaver::saved);
        const QString text = QStringLiteral("Hello, thanks for waiting");
        for (int i = 1; i <= text.size(); ++i) {
            saver.schedule(draft(7, QStringLiteral("reply"), text.left(i)));
            QTest::qWait(10);
        }
        QCOMPARE(storedBody(7, QStringLiteral("reply")), QString()); // still typing
        QVERIFY(saved.wait(1000));
        QCOMPARE(saved.count(), 1);
        QCOMPARE(storedBody(7, QStringLiteral("reply")), text);
        QVERIFY(!saver.hasPending());
    }

    void defaultIntervalSavesWithinASecond()
    {
        DraftAutosaver saver(m_store.get());
        QVERIFY(saver.interval() <= 1000);
        QElapsedTimer clock;
        clock.start();
        saver.schedule(draft(7, QStringLiteral("reply"), QStringLiteral("x")));
        QTRY_COMPARE_WITH_TIMEOUT(storedBody(7, QStringLiteral("reply")), QStringLiteral("x"), 1500);
    }

    void anotherConversationOrModeFlushesThePendingDraftUnderItsOwnKey()
    {
        DraftAutosaver saver(m_store.get());
        saver.setInterval(60 * 1000); // only flushes can write in this test
        saver.schedule(draft(7, QStringLiteral("reply"), QStringLiteral("for seven")));
        saver.schedule(draft(7, QStringLiteral("note"), QStringLiteral("@Maria look")));
        QCOMPARE(storedBody(7, QStringLiteral("reply")), QStringLiteral("for seven"));
        saver.schedule(draft(8, QStringLiteral("reply"), QStringLiteral("for eight")));
        QCOMPARE(storedBody(7, QStringLiteral("note")), QStringLiteral("@Maria look"));
        QCOMPARE(storedBody(8, QStringLiteral("reply")), QString());
        QVERIFY(saver.flush());
        QCOMPARE(storedBody(8, QStringLiteral("reply")), QStringLiteral("for eight"));
        QCOMPARE(m_store->drafts().size(), 3);
    }

    void destructionFlushesAndCancelForgets()
    {
        {
            DraftAutosaver saver(m_store.get());
            saver.setInterval(60 * 1000);
            saver.schedule(draft(9, QStringLiteral("reply"), QStringLiteral("closing the window")));
        }
        QCOMPARE(storedBody(9, QStringLiteral("reply")), QStringLiteral("closing the window"));

        DraftAutosaver saver(m_store.get());
        saver.setInterval(60 * 1000);
        saver.schedule(draft(10, QStringLiteral("reply"), QStringLiteral("sent already")));
        saver.cancel();
        QVERIFY(saver.flush());
        QCOMPARE(storedBody(10, QStringLiteral("reply")), QString());
    }

    void anEmptiedDraftIsRemoved()
    {
        DraftAutosaver saver(m_store.get());
        saver.schedule(draft(11, QStringLiteral("reply"), QStringLiteral("typo")));
        QVERIFY(saver.flush());
        QCOMPARE(m_store->drafts().size(), 1);
        saver.schedule(draft(11, QStringLiteral("reply"), QString()));
        QVERIFY(saver.flush());
        QCOMPARE(m_store->drafts().size(), 0);
    }

private:
    std::unique_ptr<Testing::TempDataDir> m_dir;
    std::unique_ptr<Storage::WorkspaceStore> m_store;
};

QTEST_GUILESS_MAIN(TestDraftAutosaver)
#include "TestDraftAutosaver.moc"
