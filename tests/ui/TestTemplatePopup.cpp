#include "composer/EditorAccess.h"
#include "templates/TemplateInserter.h"
#include "templates/TemplatePopup.h"

#include <QListWidget>
#include <QPlainTextEdit>
#include <QTest>
#include <QTextEdit>

using namespace Counterpart;
using Compose::Template;
using Compose::TemplateForm;
using Compose::TemplateVariant;
using Ui::TemplatePopup;

namespace {

Template make(const QString &shortcut, const QString &name, const QList<TemplateVariant> &variants)
{
    Template templ;
    templ.shortcut = shortcut;
    templ.name = name;
    templ.variants = variants;
    return templ;
}

QList<Template> library()
{
    return {
        make(QStringLiteral("damaged"), QStringLiteral("Damaged package"),
             {{QStringLiteral("en"), TemplateForm::Any, {}, QStringLiteral("Hi {{contact.first_name|there}}, sorry your {{ask:Item}} arrived damaged.")},
              {QStringLiteral("zh-Hans"), TemplateForm::Any, {}, QStringLiteral("{{contact.first_name|您好}}，很抱歉{{ask:Item}}损坏了。")}}),
        make(QStringLiteral("refund"), QStringLiteral("Refund issued"),
             {{QStringLiteral("en"), TemplateForm::Full, {}, QStringLiteral("I've issued a full refund.")},
              {QStringLiteral("en"), TemplateForm::Short, {}, QStringLiteral("Refund sent.")}}),
        make(QStringLiteral("thanks"), QStringLiteral("Closing: thank you"),
             {{QStringLiteral("en"), TemplateForm::Any, {}, QStringLiteral("Thanks, {{agent.first_name|the team}}")}}),
    };
}

} // namespace

/** The "/" menu: opens at a word start, filters fuzzily, inserts in place of "/query". */
class TestTemplatePopup : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_editor = std::make_unique<QPlainTextEdit>();
        m_inserter = std::make_unique<Ui::TemplateInserter>(Ui::EditorAccess(m_editor.get()));
        Compose::TemplateContext context;
        context.values.insert(QStringLiteral("contact.first_name"), QStringLiteral("Priya"));
        m_inserter->setContext(context, QStringLiteral("en"), Domain::ChannelKind::Email);
        m_inserter->setPromptHandler([this](const Template &, const QString &, const Compose::TemplateContext &)
                                         -> std::optional<QHash<QString, QString>> {
            ++m_prompts;
            if (m_cancelPrompt)
                return std::nullopt;
            return QHash<QString, QString>{{QStringLiteral("Item"), QStringLiteral("lamp")}};
        });
        m_popup = std::make_unique<TemplatePopup>(Ui::EditorAccess(m_editor.get()), m_inserter.get());
        m_popup->setTemplates(library());
        m_editor->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_editor.get()));
        m_prompts = 0;
        m_cancelPrompt = false;
    }

    void cleanup()
    {
        m_popup.reset();
        m_inserter.reset();
        m_editor.reset();
    }

    void slashAndShortcutInsertsAtTheCursor()
    {
        QTest::keyClicks(m_editor.get(), QStringLiteral("Hello! /"));
        QVERIFY(m_popup->isVisible());
        QCOMPARE(m_popup->list()->count(), 3);
        QTest::keyClicks(m_editor.get(), QStringLiteral("dam"));
        QCOMPARE(m_popup->query(), QStringLiteral("dam"));
        QCOMPARE(m_popup->matches().first().shortcut, QStringLiteral("damaged"));
        QTest::keyClick(m_editor.get(), Qt::Key_Return);
        QVERIFY(!m_popup->isVisible());
        QCOMPARE(m_prompts, 1);
        QCOMPARE(m_editor->toPlainText(),
                 QStringLiteral("Hello!\n\nHi Priya, sorry your lamp arrived damaged."));
    }

    void fuzzyMatchesAndArrowKeys()
    {
        QTest::keyClicks(m_editor.get(), QStringLiteral("/rfd"));
        QCOMPARE(m_popup->matches().size(), 1);
        QCOMPARE(m_popup->matches().first().shortcut, QStringLiteral("refund"));
        QTest::keyClick(m_editor.get(), Qt::Key_Backspace);
        QTest::keyClick(m_editor.get(), Qt::Key_Backspace);
        QTest::keyClick(m_editor.get(), Qt::Key_Backspace); // "/" alone: everything
        QCOMPARE(m_popup->list()->count(), 3);
        QTest::keyClick(m_editor.get(), Qt::Key_Down);
        QCOMPARE(m_popup->list()->currentRow(), 1);
        QTest::keyClick(m_editor.get(), Qt::Key_Up);
        QTest::keyClick(m_editor.get(), Qt::Key_Up); // wraps to the last
        QCOMPARE(m_popup->list()->currentRow(), 2);
        QTest::keyClick(m_editor.get(), Qt::Key_Tab);
        QCOMPARE(m_editor->toPlainText(), QStringLiteral("Thanks, the team"));
    }

    void escapeClosesAndUrlsDoNotOpen()
    {
        QTest::keyClicks(m_editor.get(), QStringLiteral("/ref"));
        QVERIFY(m_popup->isVisible());
        QTest::keyClick(m_editor.get(), Qt::Key_Escape);
        QVERIFY(!m_popup->isVisible());
        QTest::keyClicks(m_editor.get(), QStringLiteral("u"));
        QVERIFY2(!m_popup->isVisible(), "Escape closes until another / is typed");
        QTest::keyClick(m_editor.get(), Qt::Key_Return);
        QCOMPARE(m_editor->toPlainText(), QStringLiteral("/refu\n"));

        m_editor->clear();
        QTest::keyClicks(m_editor.get(), QStringLiteral("see https://example.com/ref"));
        QVERIFY(!m_popup->isVisible());
        QTest::keyClicks(m_editor.get(), QStringLiteral(" and/"));
        QVERIFY(!m_popup->isVisible());
    }

    void cancelledFormLeavesTheDraftAlone()
    {
        m_cancelPrompt = true;
        QTest::keyClicks(m_editor.get(), QStringLiteral("/damaged"));
        QTest::keyClick(m_editor.get(), Qt::Key_Return);
        QCOMPARE(m_prompts, 1);
        QCOMPARE(m_editor->toPlainText(), QStringLiteral("/damaged"));
    }

    void picksTheContactsLanguageAndTheChannelsForm()
    {
        m_inserter->setContext({}, QStringLiteral("zh-CN"), Domain::ChannelKind::Email);
        QTest::keyClicks(m_editor.get(), QStringLiteral("/damaged"));
        QTest::keyClick(m_editor.get(), Qt::Key_Return);
        QCOMPARE(m_editor->toPlainText(), QStringLiteral("您好，很抱歉lamp损坏了。"));

        m_editor->clear();
        m_inserter->setContext({}, QStringLiteral("en"), Domain::ChannelKind::Sms);
        QTest::keyClicks(m_editor.get(), QStringLiteral("/refund"));
        QTest::keyClick(m_editor.get(), Qt::Key_Return);
        QCOMPARE(m_editor->toPlainText(), QStringLiteral("Refund sent."));
    }

    void templatesStackAsParagraphs()
    {
        QTest::keyClicks(m_editor.get(), QStringLiteral("/refund"));
        QTest::keyClick(m_editor.get(), Qt::Key_Return);
        QTest::keyClicks(m_editor.get(), QStringLiteral(" /thanks"));
        QTest::keyClick(m_editor.get(), Qt::Key_Return);
        QCOMPARE(m_editor->toPlainText(), QStringLiteral("I've issued a full refund.\n\nThanks, the team"));
        m_editor->undo(); // one insertion is one undo step, the typed "/thanks" comes back
        QCOMPARE(m_editor->toPlainText(), QStringLiteral("I've issued a full refund. /thanks"));
    }

    void worksOnAQTextEditToo()
    {
        QTextEdit rich;
        Ui::TemplateInserter inserter{Ui::EditorAccess(&rich)};
        TemplatePopup popup(Ui::EditorAccess(&rich), &inserter);
        popup.setTemplates(library());
        rich.show();
        QTest::keyClicks(&rich, QStringLiteral("/refund"));
        QVERIFY(popup.isVisible());
        QTest::keyClick(&rich, Qt::Key_Enter);
        QCOMPARE(rich.toPlainText(), QStringLiteral("I've issued a full refund."));
    }

    void fuzzyScore_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<bool>("matches");
        QTest::newRow("exact") << QStringLiteral("refund") << true;
        QTest::newRow("prefix") << QStringLiteral("ref") << true;
        QTest::newRow("name word") << QStringLiteral("issued") << true;
        QTest::newRow("subsequence") << QStringLiteral("rfnd") << true;
        QTest::newRow("case") << QStringLiteral("REF") << true;
        QTest::newRow("none") << QStringLiteral("xyz") << false;
    }

    void fuzzyScore()
    {
        QFETCH(QString, query);
        QFETCH(bool, matches);
        QCOMPARE(TemplatePopup::fuzzyScore(library().at(1), query) >= 0, matches);
        QVERIFY(TemplatePopup::fuzzyScore(library().at(1), QStringLiteral("refund"))
                > TemplatePopup::fuzzyScore(library().at(1), QStringLiteral("rfnd")));
    }

private:
    std::unique_ptr<QPlainTextEdit> m_editor;
    std::unique_ptr<Ui::TemplateInserter> m_inserter;
    std::unique_ptr<TemplatePopup> m_popup;
    int m_prompts = 0;
    bool m_cancelPrompt = false;
};

QTEST_MAIN(TestTemplatePopup)
#include "TestTemplatePopup.moc"
