#include "storage/WorkspaceSchema.h"
#include "storage/WorkspaceStore.h"
#include "support/TempDataDir.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace Counterpart::Storage;
using Counterpart::Testing::TempDataDir;

namespace {

Draft makeDraft(qint64 conversation, const QString &body, int minutes)
{
    Draft draft;
    draft.sourceUid = QStringLiteral("chatwoot:help.invalid#1");
    draft.conversationRemoteId = conversation;
    draft.mode = QStringLiteral("reply");
    draft.body = body;
    draft.updatedAt = QDateTime(QDate(2024, 3, 1), QTime(9, 0), Qt::UTC).addSecs(minutes * 60);
    return draft;
}

} // namespace

class TestWorkspaceStore : public QObject
{
    Q_OBJECT

private slots:
    void draftsSaveLoadListDelete();
    void emptyDraftDeletes_data();
    void emptyDraftDeletes();
    void draftsSurviveRestart();
    void settings();
    void corruptWorkspaceIsNotTouched_data();
    void corruptWorkspaceIsNotTouched();
    void tooNewWorkspaceIsRefusedUnchanged();
};

void TestWorkspaceStore::draftsSaveLoadListDelete()
{
    TempDataDir dir;
    WorkspaceStore store;
    const auto report = store.open(dir.workspacePath());
    QVERIFY2(report.ok, qPrintable(report.message));
    QSignalSpy changed(&store, &WorkspaceStore::draftsChanged);

    Draft reply = makeDraft(12, QStringLiteral("Καλημέρα, σας ευχαριστούμε"), 1);
    reply.subject = QStringLiteral("Re: παραγγελία");
    reply.cc = QStringLiteral("boss@example.com");
    QVERIFY(store.saveDraft(reply));
    Draft note = makeDraft(12, QStringLiteral("客户要求退款"), 5);
    note.mode = QStringLiteral("note");
    QVERIFY(store.saveDraft(note));
    QVERIFY(store.saveDraft(makeDraft(13, QStringLiteral("other"), 3)));
    QCOMPARE(changed.count(), 3);

    const auto loaded = store.draft(reply.sourceUid, 12, QStringLiteral("reply"));
    QVERIFY(loaded);
    QCOMPARE(loaded->body, reply.body);
    QCOMPARE(loaded->subject, reply.subject);
    QCOMPARE(loaded->cc, reply.cc);
    QCOMPARE(loaded->bcc, QString());
    QCOMPARE(loaded->updatedAt, reply.updatedAt);
    QCOMPARE(store.draft(reply.sourceUid, 12, QStringLiteral("note"))->body, QStringLiteral("客户要求退款"));
    QVERIFY(!store.draft(reply.sourceUid, 99, QStringLiteral("reply")));
    QVERIFY(!store.draft(QStringLiteral("other-source"), 12, QStringLiteral("reply")));

    // Newest first; saving again replaces instead of adding.
    QStringList bodies;
    for (const auto &draft : store.drafts())
        bodies.append(draft.body);
    QCOMPARE(bodies, (QStringList{QStringLiteral("客户要求退款"), QStringLiteral("other"), reply.body}));
    reply.body = QStringLiteral("Updated text");
    reply.updatedAt = reply.updatedAt.addSecs(3600);
    QVERIFY(store.saveDraft(reply));
    QCOMPARE(store.drafts().size(), 3);
    QCOMPARE(store.drafts().first().body, QStringLiteral("Updated text"));

    QVERIFY(store.deleteDraft(reply.sourceUid, 12, QStringLiteral("reply")));
    QVERIFY(!store.draft(reply.sourceUid, 12, QStringLiteral("reply")));
    QVERIFY(store.draft(reply.sourceUid, 12, QStringLiteral("note"))); // the note is separate
    QCOMPARE(store.drafts().size(), 2);
    const int signalsBefore = int(changed.count());
    QVERIFY(store.deleteDraft(reply.sourceUid, 12, QStringLiteral("reply"))); // already gone
    QCOMPARE(changed.count(), signalsBefore);
}

void TestWorkspaceStore::emptyDraftDeletes_data()
{
    QTest::addColumn<QString>("body");
    QTest::newRow("empty") << QString();
    QTest::newRow("whitespace") << QStringLiteral("  \n\t ");
}

void TestWorkspaceStore::emptyDraftDeletes()
{
    QFETCH(QString, body);
    TempDataDir dir;
    WorkspaceStore store;
    QVERIFY(store.open(dir.workspacePath()).ok);
    QVERIFY(store.saveDraft(makeDraft(12, QStringLiteral("half a reply"), 1)));
    QVERIFY(store.saveDraft(makeDraft(12, body, 2)));
    QVERIFY(!store.draft(QStringLiteral("chatwoot:help.invalid#1"), 12, QStringLiteral("reply")));
    QVERIFY(store.drafts().isEmpty());

    // A draft with only a subject is work in progress and is kept.
    Draft subjectOnly = makeDraft(14, body, 3);
    subjectOnly.subject = QStringLiteral("Your order");
    QVERIFY(store.saveDraft(subjectOnly));
    QCOMPARE(store.drafts().size(), 1);
}

void TestWorkspaceStore::draftsSurviveRestart()
{
    TempDataDir dir;
    {
        WorkspaceStore store;
        QVERIFY(store.open(dir.workspacePath()).ok);
        QVERIFY(store.saveDraft(makeDraft(12, QStringLiteral("不要丢失"), 1)));
    }
    WorkspaceStore store;
    QVERIFY(store.open(dir.workspacePath()).ok);
    QCOMPARE(store.drafts().size(), 1);
    QCOMPARE(store.drafts().first().body, QStringLiteral("不要丢失"));
}

void TestWorkspaceStore::settings()
{
    TempDataDir dir;
    {
        WorkspaceStore store;
        QVERIFY(store.open(dir.workspacePath()).ok);
        QCOMPARE(store.setting(QStringLiteral("ui/density")), QString());
        QCOMPARE(store.setting(QStringLiteral("ui/density"), QStringLiteral("comfortable")), QStringLiteral("comfortable"));
        QVERIFY(store.setSetting(QStringLiteral("ui/density"), QStringLiteral("compact")));
        QVERIFY(store.setSetting(QStringLiteral("ui/density"), QStringLiteral("cosy")));
        QVERIFY(store.setSetting(QStringLiteral("ui/language"), QStringLiteral("el")));
        QCOMPARE(store.setting(QStringLiteral("ui/density"), QStringLiteral("comfortable")), QStringLiteral("cosy"));
    }
    WorkspaceStore store;
    QVERIFY(store.open(dir.workspacePath()).ok);
    QCOMPARE(store.setting(QStringLiteral("ui/density")), QStringLiteral("cosy"));
    QCOMPARE(store.setting(QStringLiteral("ui/language")), QStringLiteral("el"));
}

void TestWorkspaceStore::corruptWorkspaceIsNotTouched_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("not a database") << QByteArray("my drafts, honestly\n").repeated(300);
    QTest::newRow("sqlite header, garbage pages")
        << QByteArray("SQLite format 3\0", 16) + QByteArray(8192, '\x5A');
}

void TestWorkspaceStore::corruptWorkspaceIsNotTouched()
{
    QFETCH(QByteArray, bytes);
    TempDataDir dir;
    QVERIFY(TempDataDir::writeFile(dir.workspacePath(), bytes));
    const QStringList entries = dir.entries();

    WorkspaceStore store;
    const auto report = store.open(dir.workspacePath());
    QVERIFY(!report.ok);
    QVERIFY2(report.message.contains(dir.workspacePath()), qPrintable(report.message));
    QCOMPARE(TempDataDir::readFile(dir.workspacePath()), bytes);
    QCOMPARE(dir.entries(), entries); // nothing moved, no -wal/-shm, no new file
    QVERIFY(!store.saveDraft(makeDraft(1, QStringLiteral("x"), 1)));
}

void TestWorkspaceStore::tooNewWorkspaceIsRefusedUnchanged()
{
    TempDataDir dir;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("future"));
        db.setDatabaseName(dir.workspacePath());
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("CREATE TABLE drafts (x)")));
        QVERIFY(query.exec(QStringLiteral("INSERT INTO drafts VALUES ('precious')")));
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version=%1")
                               .arg(Database::latestVersion(workspaceMigrations()) + 40)));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("future"));
    const QByteArray before = TempDataDir::readFile(dir.workspacePath());
    const QStringList entries = dir.entries();

    WorkspaceStore store;
    const auto report = store.open(dir.workspacePath());
    QVERIFY(!report.ok);
    QVERIFY2(report.message.contains(dir.workspacePath()), qPrintable(report.message));
    QVERIFY2(report.message.contains(QLatin1String("newer")), qPrintable(report.message));
    QCOMPARE(TempDataDir::readFile(dir.workspacePath()), before);
    QCOMPARE(dir.entries(), entries);
}

QTEST_GUILESS_MAIN(TestWorkspaceStore)
#include "TestWorkspaceStore.moc"
