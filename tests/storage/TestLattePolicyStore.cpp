#include "storage/LattePolicyStore.h"
#include "storage/WorkspaceStore.h"
#include "support/TempDataDir.h"

#include <QSignalSpy>
#include <QTest>

using namespace Counterpart;
using Compose::LattePolicy;
using Compose::LattePolicyMode;
using Compose::LatteStep;
using Storage::LattePolicyStore;

/** LATTE policies and inbox voices kept in workspace.sqlite, as the dialog and composer use them. */
class TestLattePolicyStore : public QObject
{
    Q_OBJECT

private slots:
    void savedPoliciesComeBackAfterReopening()
    {
        Testing::TempDataDir dir;
        LattePolicyStore::Policies policies;
        policies.fallback = {LattePolicyMode::Off, {}};
        policies.lowRatingAtMost = 1;
        policies.inboxes.insert(LattePolicyStore::inboxKey(QStringLiteral("demo"), 3),
                                {LattePolicyMode::Require, {LatteStep::Listen, LatteStep::Explain}});
        policies.labels.insert(QStringLiteral("complaint"), {LattePolicyMode::Require, {LatteStep::Thank}});
        {
            Storage::WorkspaceStore workspace;
            QVERIFY(workspace.open(dir.workspacePath()).ok);
            LattePolicyStore store(&workspace);
            QSignalSpy changed(&store, &LattePolicyStore::changed);
            QVERIFY(store.save(policies));
            QVERIFY(store.setFormality(QStringLiteral("demo/3"), Compose::Formality::Casual));
            QCOMPARE(changed.size(), 2); // an open composer re-checks after each
        }
        Storage::WorkspaceStore workspace;
        QVERIFY(workspace.open(dir.workspacePath()).ok);
        const LattePolicyStore store(&workspace);
        QCOMPARE(store.load(), policies);
        QCOMPARE(store.formality(QStringLiteral("demo/3")), Compose::Formality::Casual);
        QCOMPARE(store.formality(QStringLiteral("demo/4")), Compose::Formality::Neutral);
    }

    void labelsMatchWhateverTheirCaseAndTheStrictestWins()
    {
        Testing::TempDataDir dir;
        Storage::WorkspaceStore workspace;
        QVERIFY(workspace.open(dir.workspacePath()).ok);
        LattePolicyStore store(&workspace);
        LattePolicyStore::Policies policies;
        policies.labels.insert(QStringLiteral("complaint"), {LattePolicyMode::Require, {LatteStep::Thank}});
        QVERIFY(store.save(policies));

        const LattePolicy complaint = store.effective(QStringLiteral("demo/1"), {QStringLiteral("Complaint")}, 0);
        QCOMPARE(complaint.mode, LattePolicyMode::Require);
        QCOMPARE(complaint.steps, QList<LatteStep>{LatteStep::Thank});
        const LattePolicy plain = store.effective(QStringLiteral("demo/1"), {QStringLiteral("billing")}, 0);
        QCOMPARE(plain.mode, LattePolicyMode::Remind); // the default fallback
        const LattePolicy lowRating = store.effective(QStringLiteral("demo/1"), {}, 2);
        QCOMPARE(lowRating.mode, LattePolicyMode::Require);
        QCOMPARE(lowRating.steps, Compose::allLatteSteps());
    }

    void aNewerFileNeverStopsTheComposer()
    {
        const QByteArray json = R"({"version": 2, "default": {"mode": "sometimes", "steps": ["thank", "smile"]},
                                    "labels": {"VIP": {"mode": "require", "steps": ["listen"]}}})";
        const LattePolicyStore::Policies policies = LattePolicyStore::fromJson(json);
        QCOMPARE(policies.fallback.mode, LattePolicyMode::Remind);
        QCOMPARE(policies.fallback.steps, QList<LatteStep>{LatteStep::Thank});
        QCOMPARE(policies.labels.value(QStringLiteral("vip")).mode, LattePolicyMode::Require);
        QCOMPARE(LattePolicyStore::fromJson("not json"), LattePolicyStore::Policies());
    }
};

QTEST_GUILESS_MAIN(TestLattePolicyStore)
#include "TestLattePolicyStore.moc"
