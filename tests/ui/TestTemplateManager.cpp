#include "compose/TemplateLibrary.h"
#include "storage/TemplateStore.h"
#include "storage/WorkspaceStore.h"
#include "support/TempDataDir.h"
#include "templates/TemplateEditorWidget.h"
#include "templates/TemplateManagerDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>
#include <QTreeWidget>

using namespace Counterpart;
using Ui::TemplateManagerDialog;

/** The template manager: create, edit, duplicate, search, export and import again. */
class TestTemplateManager : public QObject
{
    Q_OBJECT

private:
    struct Profile
    {
        Testing::TempDataDir dir;
        Storage::WorkspaceStore workspace;
        std::unique_ptr<Storage::TemplateStore> templates;

        bool open()
        {
            if (!workspace.open(dir.workspacePath()).ok)
                return false;
            templates = std::make_unique<Storage::TemplateStore>(workspace.connection());
            return true;
        }
    };

    template<typename W>
    static W *child(QWidget *parent, const QString &name)
    {
        W *found = parent->findChild<W *>(name);
        if (!found)
            qWarning("no child %s", qPrintable(name));
        return found;
    }

    static void fillNew(TemplateManagerDialog &dialog)
    {
        child<QPushButton>(&dialog, QStringLiteral("templateNew"))->click();
        auto *name = child<QLineEdit>(&dialog, QStringLiteral("templateName"));
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("Delivery date"));
        QTest::keyClicks(child<QLineEdit>(&dialog, QStringLiteral("templateShortcut")), QStringLiteral("eta"));
        child<QComboBox>(&dialog, QStringLiteral("templateFolder"))->setCurrentText(QStringLiteral("Shipping"));
        child<QCheckBox>(&dialog, QStringLiteral("templateLatte_explain"))->setChecked(true);
        auto *body = child<QPlainTextEdit>(&dialog, QStringLiteral("templateBody"));
        body->setPlainText(QStringLiteral("Hi {{contact.first_name|there}}, it arrives on {{ask:Delivery date}}."));
        dialog.editor()->selectVariant(QStringLiteral("el"), Compose::TemplateForm::Any);
        body->setPlainText(QStringLiteral("Γεια σας {{contact.first_name|}}, φτάνει στις {{ask:Delivery date}}."));
        child<QPushButton>(&dialog, QStringLiteral("templateSave"))->click();
    }

private slots:
    void createsAndEditsATemplate()
    {
        Profile profile;
        QVERIFY(profile.open());
        TemplateManagerDialog dialog(profile.templates.get());
        fillNew(dialog);

        const std::optional<Compose::Template> saved = profile.templates->byShortcut(QStringLiteral("eta"));
        QVERIFY2(saved, qPrintable(dialog.status()));
        QCOMPARE(saved->name, QStringLiteral("Delivery date"));
        QCOMPARE(saved->folder, QStringLiteral("Shipping"));
        QCOMPARE(saved->latteSteps, QList<Compose::LatteStep>{Compose::LatteStep::Explain});
        QVERIFY2(saved->variants.size() == 2, qPrintable(dialog.status() + QLatin1Char(' ') + profile.templates->errorString()));
        QCOMPARE(saved->pick(QStringLiteral("el-GR"), Domain::ChannelKind::Email)->body.left(4), QStringLiteral("Γεια"));
        QCOMPARE(dialog.currentId(), saved->id);

        // The folder shows in the tree, and search narrows it.
        QCOMPARE(dialog.tree()->topLevelItem(0)->text(0), QStringLiteral("Shipping"));
        dialog.setSearchText(QStringLiteral("nothing like this"));
        QCOMPARE(dialog.tree()->topLevelItemCount(), 0);
        dialog.setSearchText(QStringLiteral("φτάνει")); // body text in any language
        QCOMPARE(dialog.tree()->topLevelItemCount(), 1);
    }

    void refusesADuplicateShortcut()
    {
        Profile profile;
        QVERIFY(profile.open());
        TemplateManagerDialog dialog(profile.templates.get());
        fillNew(dialog);
        fillNew(dialog);
        QCOMPARE(profile.templates->count(), 2); // "New" saved the second before its shortcut clashed
        QVERIFY(dialog.status().contains(QLatin1String("/eta")));
    }

    void duplicates()
    {
        Profile profile;
        QVERIFY(profile.open());
        TemplateManagerDialog dialog(profile.templates.get());
        fillNew(dialog);
        const qint64 original = dialog.currentId();
        child<QPushButton>(&dialog, QStringLiteral("templateDuplicate"))->click();
        QVERIFY(dialog.currentId() != original);
        const std::optional<Compose::Template> copy = profile.templates->byId(dialog.currentId());
        QVERIFY(copy);
        QCOMPARE(copy->name, QStringLiteral("Delivery date (copy)"));
        QCOMPARE(copy->shortcut, QStringLiteral("eta-2"));
        QCOMPARE(copy->variants, profile.templates->byId(original)->variants);
        QVERIFY(copy->uid != profile.templates->byId(original)->uid);

        QVERIFY(dialog.removeCurrent());
        QCOMPARE(profile.templates->count(), 1);
    }

    void exportThenImportRoundTrips()
    {
        Profile from;
        QVERIFY(from.open());
        QVERIFY(from.templates->seedStarterLibrary() > 0);
        TemplateManagerDialog dialog(from.templates.get());
        fillNew(dialog);
        const QString file = from.dir.filePath(QStringLiteral("team.json"));
        QCOMPARE(dialog.exportTo(file), from.templates->count());

        Profile to;
        QVERIFY(to.open());
        TemplateManagerDialog other(to.templates.get());
        QCOMPARE(other.importFrom(file), from.templates->count());
        const QList<Compose::Template> a = from.templates->templates();
        const QList<Compose::Template> b = to.templates->templates();
        QCOMPARE(b.size(), a.size());
        for (int i = 0; i < a.size(); ++i) {
            QCOMPARE(b.at(i).uid, a.at(i).uid);
            QCOMPARE(b.at(i).name, a.at(i).name);
            QCOMPARE(b.at(i).shortcut, a.at(i).shortcut);
            QCOMPARE(b.at(i).folder, a.at(i).folder);
            QCOMPARE(b.at(i).latteSteps, a.at(i).latteSteps);
            QCOMPARE(b.at(i).variants, a.at(i).variants);
        }
        QVERIFY(other.tree()->topLevelItemCount() > 1);

        // Importing again replaces by uid rather than doubling the library.
        QCOMPARE(other.importFrom(file), from.templates->count());
        QCOMPARE(to.templates->count(), from.templates->count());
    }

    void importsChatwootCannedResponses()
    {
        Profile profile;
        QVERIFY(profile.open());
        const QString file = profile.dir.filePath(QStringLiteral("canned.json"));
        QVERIFY(Testing::TempDataDir::writeFile(file, R"([{"id": 7, "account_id": 1, "short_code": "hello",
            "content": "Hi {{ contact.name | default: 'there' }}, thanks for writing."}])"));
        TemplateManagerDialog dialog(profile.templates.get());
        QVERIFY2(dialog.importChatwootFrom(file, QStringLiteral("en")) == 1, qPrintable(dialog.status() + QLatin1Char(' ') + profile.templates->errorString()));
        const std::optional<Compose::Template> hello = profile.templates->byShortcut(QStringLiteral("hello"));
        QVERIFY(hello);
        QVERIFY2(hello->variants.first().body.contains(QLatin1String("{{contact.name|there}}")),
                 qPrintable(hello->variants.first().body));
    }

    void unreadableFileSaysSo()
    {
        Profile profile;
        QVERIFY(profile.open());
        TemplateManagerDialog dialog(profile.templates.get());
        QCOMPARE(dialog.importFrom(profile.dir.filePath(QStringLiteral("missing.json"))), -1);
        QVERIFY(!dialog.status().isEmpty());
    }
};

QTEST_MAIN(TestTemplateManager)
#include "TestTemplateManager.moc"
