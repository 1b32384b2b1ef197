#include "composer/ComposeAssistant.h"
#include "composer/LattePanel.h"

#include <QCheckBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTest>
#include <QToolButton>

using namespace Counterpart;
using Compose::LatteStep;
using Ui::ComposeAssistant;

/** The LATTE checklist: detected per language, explains itself, manual ticks survive typing. */
class TestLattePanel : public QObject
{
    Q_OBJECT

private slots:
    void detectsAndShowsWhy()
    {
        QPlainTextEdit editor;
        ComposeAssistant assistant(&editor, nullptr);
        editor.setPlainText(QStringLiteral("Thank you for your patience."));
        assistant.recheckNow();
        Ui::LattePanel *panel = assistant.lattePanel();
        QVERIFY(panel->checkBox(LatteStep::Thank)->isChecked());
        QVERIFY2(panel->whyText(LatteStep::Thank).contains(QLatin1String("Thank")),
                 qPrintable(panel->whyText(LatteStep::Thank)));
        QVERIFY(!panel->checkBox(LatteStep::TakeAction)->isChecked());
    }

    void detectsGreekAndChinese_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("draft");
        QTest::newRow("el") << QStringLiteral("el") << QStringLiteral("Σας ευχαριστούμε για την υπομονή σας.");
        QTest::newRow("zh-Hans") << QStringLiteral("zh-Hans") << QStringLiteral("谢谢您的耐心等待。");
    }

    void detectsGreekAndChinese()
    {
        QFETCH(QString, language);
        QFETCH(QString, draft);
        QPlainTextEdit editor;
        ComposeAssistant assistant(&editor, nullptr);
        Ui::ComposeSituation situation;
        situation.language = language;
        assistant.setSituation(situation);
        editor.setPlainText(draft);
        assistant.recheckNow();
        QVERIFY(assistant.lattePanel()->checkBox(LatteStep::Thank)->isChecked());
    }

    void manualTickSurvivesTypingAndCanBeReset()
    {
        QPlainTextEdit editor;
        ComposeAssistant assistant(&editor, nullptr);
        Ui::LattePanel *panel = assistant.lattePanel();
        QCheckBox *explain = panel->checkBox(LatteStep::Explain);
        QVERIFY(!explain->isChecked());
        explain->click();
        QVERIFY(assistant.latteResult().isTicked(LatteStep::Explain));
        QCOMPARE(panel->whyText(LatteStep::Explain), QStringLiteral("Ticked by hand"));

        QTest::keyClicks(&editor, QStringLiteral("Hello again"));
        assistant.recheckNow();
        QVERIFY(explain->isChecked());
        QVERIFY(assistant.latteResult().isTicked(LatteStep::Explain));

        // Unticking a detected step by hand also sticks.
        QTest::keyClicks(&editor, QStringLiteral(". Thank you!"));
        assistant.recheckNow();
        QCheckBox *thank = panel->checkBox(LatteStep::Thank);
        QVERIFY(thank->isChecked());
        thank->click();
        QTest::keyClicks(&editor, QStringLiteral(" Thanks again."));
        assistant.recheckNow();
        QVERIFY(!thank->isChecked());

        auto *autoButton = panel->findChild<QToolButton *>(QStringLiteral("latteAuto_thank"));
        QVERIFY(autoButton && !autoButton->isHidden());
        autoButton->click();
        QVERIFY(thank->isChecked());
        QVERIFY(autoButton->isHidden());
    }

    void requiredStepsAreMarked()
    {
        Ui::LattePanel panel;
        Compose::LattePolicy policy;
        policy.mode = Compose::LattePolicyMode::Require;
        policy.steps = {LatteStep::TakeAction};
        panel.setPolicy(policy);
        QVERIFY(panel.checkBox(LatteStep::TakeAction)->text().contains(QLatin1String("required")));
        QVERIFY(!panel.checkBox(LatteStep::Thank)->text().contains(QLatin1String("required")));
    }
};

QTEST_MAIN(TestLattePanel)
#include "TestLattePanel.moc"
