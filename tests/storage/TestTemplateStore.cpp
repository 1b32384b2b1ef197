#include "storage/Database.h"
#include "storage/TemplateStore.h"
#include "storage/WorkspaceSchema.h"
#include "storage/WorkspaceStore.h"
#include "support/TempDataDir.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace Counterpart;
using namespace Counterpart::Compose;
using namespace Counterpart::Storage;

class TestTemplateStore : public QObject
{
    Q_OBJECT

private slots:
    void templatesMigrationUpgradesAnOldWorkspace();
    void saveReadUpdateRemove();
    void importKeepsOrReplacesByUid();
    void seedsStarterLibraryOnlyOnce();
};

static Template makeTemplate(const QString &uid, const QString &shortcut)
{
    Template t;
    t.uid = uid;
    t.name = QStringLiteral("Refund issued");
    t.shortcut = shortcut;
    t.folder = QStringLiteral("Billing");
    t.scope = TemplateScope::Shared;
    t.tone = QStringLiteral("friendly");
    t.guidance = QStringLiteral("Give the amount.");
    t.latteSteps = {LatteStep::TakeAction, LatteStep::Explain};
    t.variants = {{QStringLiteral("en"), TemplateForm::Full, QStringLiteral("Refund"),
                   QStringLiteral("Hi {{contact.first_name|there}}")},
                  {QStringLiteral("en"), TemplateForm::Short, QString(), QStringLiteral("Refunded.")},
                  {QStringLiteral("el"), TemplateForm::Any, QString(), QStringLiteral("Έγινε.")}};
    return t;
}

void TestTemplateStore::templatesMigrationUpgradesAnOldWorkspace()
{
    Testing::TempDataDir dir;
    const QList<Migration> all = workspaceMigrations();
    const auto templates = std::find_if(all.begin(), all.end(), [](const Migration &m) {
        return m.description == QLatin1String("templates");
    });
    QVERIFY(templates != all.end());
    {
        // A workspace written before templates existed: every migration before that one.
        Database db;
        const QList<Migration> old(all.begin(), templates);
        QCOMPARE(db.open(dir.workspacePath(), old), Database::OpenStatus::Ok);
        QCOMPARE(db.schemaVersion(), templates->version - 1);
        QSqlQuery none(db.connection());
        QVERIFY(!none.exec(QStringLiteral("SELECT count(*) FROM templates")));
    }
    WorkspaceStore workspace;
    QVERIFY(workspace.open(dir.workspacePath()).ok);
    QSqlQuery query(workspace.connection());
    QVERIFY(query.exec(QStringLiteral("PRAGMA user_version")) && query.next());
    QCOMPARE(query.value(0).toInt(), Database::latestVersion(all));
    TemplateStore store(workspace.connection());
    QCOMPARE(store.count(), 0);
    QVERIFY2(store.save(makeTemplate(QStringLiteral("u1"), QStringLiteral("refund"))) > 0, qPrintable(store.errorString()));
}

void TestTemplateStore::saveReadUpdateRemove()
{
    Testing::TempDataDir dir;
    WorkspaceStore workspace;
    QVERIFY(workspace.open(dir.workspacePath()).ok);
    TemplateStore store(workspace.connection());
    QSignalSpy changed(&store, &TemplateStore::templatesChanged);

    Template t = makeTemplate(QString(), QStringLiteral("refund"));
    const qint64 id = store.save(t);
    QVERIFY2(id > 0, qPrintable(store.errorString()));
    QCOMPARE(changed.count(), 1);

    std::optional<Template> read = store.byId(id);
    QVERIFY(read);
    QVERIFY(!read->uid.isEmpty());
    QCOMPARE(read->name, t.name);
    QCOMPARE(read->scope, TemplateScope::Shared);
    QCOMPARE(read->latteSteps, t.latteSteps);
    QCOMPARE(read->variants.size(), 3);
    QVERIFY(read->variants.contains(t.variants.at(0)));
    QVERIFY(read->variants.contains(t.variants.at(2)));
    QCOMPARE(store.byShortcut(QStringLiteral("refund"))->id, id);
    QVERIFY(!store.byShortcut(QStringLiteral("nothing")));

    read->name = QStringLiteral("Refund done");
    read->variants.removeLast();
    QCOMPARE(store.save(*read), id);
    const Template updated = *store.byId(id);
    QCOMPARE(updated.name, QStringLiteral("Refund done"));
    QCOMPARE(updated.variants.size(), 2);
    QCOMPARE(store.count(), 1);

    Template missing = updated;
    missing.id = 9999;
    QCOMPARE(store.save(missing), 0);
    QCOMPARE(store.count(), 1);

    QVERIFY(store.remove(id));
    QCOMPARE(store.count(), 0);
    QSqlQuery orphans(workspace.connection());
    QVERIFY(orphans.exec(QStringLiteral("SELECT count(*) FROM template_variants")) && orphans.next());
    QCOMPARE(orphans.value(0).toInt(), 0);
}

void TestTemplateStore::importKeepsOrReplacesByUid()
{
    Testing::TempDataDir dir;
    WorkspaceStore workspace;
    QVERIFY(workspace.open(dir.workspacePath()).ok);
    TemplateStore store(workspace.connection());
    const qint64 id = store.save(makeTemplate(QStringLiteral("team.refund"), QStringLiteral("refund")));

    Template incoming = makeTemplate(QStringLiteral("team.refund"), QStringLiteral("refund2"));
    const Template other = makeTemplate(QStringLiteral("team.other"), QStringLiteral("other"));
    QCOMPARE(store.importTemplates({incoming, other}, TemplateStore::ImportMode::KeepExisting), 1);
    QCOMPARE(store.byUid(QStringLiteral("team.refund"))->shortcut, QStringLiteral("refund"));
    QCOMPARE(store.importTemplates({incoming}, TemplateStore::ImportMode::Replace), 1);
    const Template replaced = *store.byUid(QStringLiteral("team.refund"));
    QCOMPARE(replaced.shortcut, QStringLiteral("refund2"));
    QCOMPARE(replaced.id, id);
    QCOMPARE(store.count(), 2);
}

void TestTemplateStore::seedsStarterLibraryOnlyOnce()
{
    Testing::TempDataDir dir;
    WorkspaceStore workspace;
    QVERIFY(workspace.open(dir.workspacePath()).ok);
    TemplateStore store(workspace.connection());
    const int seeded = store.seedStarterLibrary();
    QVERIFY2(seeded >= 12, qPrintable(store.errorString()));
    QCOMPARE(store.count(), seeded);
    const std::optional<Template> lost = store.byShortcut(QStringLiteral("lost"));
    QVERIFY(lost);
    QCOMPARE(lost->languages().size(), 4);

    // A team that deletes the starters does not get them back.
    for (const Template &t : store.templates())
        QVERIFY(store.remove(t.id));
    QCOMPARE(store.seedStarterLibrary(), 0);
    QCOMPARE(store.count(), 0);
}

QTEST_GUILESS_MAIN(TestTemplateStore)
#include "TestTemplateStore.moc"
