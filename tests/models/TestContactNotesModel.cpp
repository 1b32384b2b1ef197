#include "models/ContactNotesModel.h"
#include "models/ItemRoles.h"
#include "storage/CacheStore.h"
#include "storage/WorkspaceStore.h"
#include "support/CacheFixture.h"
#include "support/TempDataDir.h"
#include "sync/OutboxStore.h"

#include <QAbstractItemModelTester>
#include <QSqlQuery>
#include <QTest>

using namespace Counterpart;
using Models::ContactNotesModel;
using Sync::OutboxOperation;
using Testing::CacheFixture;
namespace Roles = Models::Roles;

class TestContactNotesModel : public QObject
{
    Q_OBJECT
private slots:
    void pendingNotesComeFirstUntilTheServerHasThem()
    {
        Testing::TempDataDir dir;
        Storage::CacheStore cache;
        Storage::WorkspaceStore workspace;
        QVERIFY(cache.open(dir.cachePath()).ok);
        QVERIFY(workspace.open(dir.workspacePath()).ok);
        CacheFixture fixture = CacheFixture::multilingual();
        Domain::ContactNote stored;
        stored.remoteId = 77;
        stored.contactId = CacheFixture::GreekContact;
        stored.authorId = CacheFixture::SupportAgent;
        stored.content = QStringLiteral("Προτιμά email.");
        stored.createdAt = CacheFixture::at(5);
        fixture.batch().contactNotes.append(stored);
        QString error;
        const qint64 sourceId = fixture.ingestInto(cache, &error);
        QVERIFY2(sourceId, qPrintable(error));
        QSqlQuery query(cache.connection());
        QVERIFY(query.exec(QStringLiteral("SELECT id FROM contacts WHERE remote_id=%1").arg(CacheFixture::GreekContact)));
        QVERIFY(query.next());
        const qint64 greek = query.value(0).toLongLong();

        Sync::OutboxStore outbox(&workspace);
        ContactNotesModel model(&cache, &outbox);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        model.setContact(greek);
        QCOMPARE(model.sourceUid(), fixture.source().uid);
        QCOMPARE(model.contactRemoteId(), CacheFixture::GreekContact);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0).data(Roles::NoteStateKey).toString(), QStringLiteral("stored"));
        QCOMPARE(model.index(0).data(Roles::NoteAuthor).toString(), QStringLiteral("Maria Agent"));

        OutboxOperation op;
        op.sourceUid = fixture.source().uid;
        op.conversationRemoteId = 104;
        op.kind = OutboxOperation::Kind::ContactNote;
        op.payload = {{QStringLiteral("contact_remote_id"), CacheFixture::GreekContact},
                      {QStringLiteral("content"), QStringLiteral("Θα καλέσει ξανά την Παρασκευή · 周五回电")}};
        const qint64 id = outbox.enqueue(op);
        QVERIFY(id);
        QCOMPARE(outbox.operation(id)->kind, OutboxOperation::Kind::ContactNote); // "contact_note" round trip
        // A note about another customer is not listed here.
        op.payload.insert(QStringLiteral("contact_remote_id"), CacheFixture::SimplifiedContact);
        QVERIFY(outbox.enqueue(op));

        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.pendingCount(), 1);
        const QModelIndex pending = model.index(0);
        QCOMPARE(pending.data().toString(), QStringLiteral("Θα καλέσει ξανά την Παρασκευή · 周五回电"));
        QCOMPARE(pending.data(Roles::NoteStateKey).toString(), QStringLiteral("queued"));
        QCOMPARE(pending.data(Roles::NoteOutboxId).toLongLong(), id);

        QVERIFY(outbox.markSending(id, 0));
        QCOMPARE(model.index(0).data(Roles::NoteStateKey).toString(), QStringLiteral("sending"));
        QVERIFY(outbox.markFailed(id, QStringLiteral("This customer no longer exists on the server.")));
        QCOMPARE(model.index(0).data(Roles::NoteStateKey).toString(), QStringLiteral("failed"));
        QCOMPARE(model.index(0).data(Roles::NoteError).toString(), QStringLiteral("This customer no longer exists on the server."));

        // Sent: the server's copy arrives in the cache, then the outbox lets go of it.
        QVERIFY(outbox.retry(id));
        Storage::IngestBatch page;
        Domain::ContactNote arrived = stored;
        arrived.remoteId = 78;
        arrived.content = pending.data().toString();
        arrived.createdAt = CacheFixture::at(50);
        page.contactNotes.append(arrived);
        QVERIFY2(cache.ingest(sourceId, page, &error), qPrintable(error));
        QVERIFY(outbox.markSending(id, 0));
        QVERIFY(outbox.markSent(id, 78));
        QCOMPARE(model.pendingCount(), 0);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0).data().toString(), QStringLiteral("Θα καλέσει ξανά την Παρασκευή · 周五回电"));
        QCOMPARE(model.index(0).data(Roles::NoteStateKey).toString(), QStringLiteral("stored"));

        model.setContact(0);
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestContactNotesModel)
#include "TestContactNotesModel.moc"
