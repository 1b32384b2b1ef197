#include "composer/ComposeAssistant.h"
#include "composer/ToneFindingsPanel.h"
#include "composer/ToneHighlighter.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>

using namespace Counterpart;
using Ui::ComposeAssistant;

/** Tone findings underline the draft, list beside it, and "Apply" rewrites the draft. */
class TestToneHighlighter : public QObject
{
    Q_OBJECT

private:
    static QList<QTextLayout::FormatRange> formatsOf(const QTextBlock &block)
    {
        return block.layout()->formats();
    }

private slots:
    void blamingPhraseIsUnderlinedListedAndFixedByApply()
    {
        QPlainTextEdit editor;
        ComposeAssistant assistant(&editor, nullptr);
        Ui::ComposeSituation situation;
        situation.customerName = QStringLiteral("Priya");
        assistant.setSituation(situation);

        QTest::keyClicks(&editor, QStringLiteral("Hi Priya, you should have checked the address first."));
        // The check runs after the debounce, not on every keystroke.
        QTRY_VERIFY(!assistant.toneFindings().isEmpty());
        const QList<Compose::ToneFinding> findings = assistant.toneFindings();
        const auto blame = std::find_if(findings.cbegin(), findings.cend(), [](const Compose::ToneFinding &f) {
            return f.ruleId.startsWith(QLatin1String("blame"));
        });
        QVERIFY2(blame != findings.cend(), "a blaming phrase gets a finding");
        QCOMPARE(editor.toPlainText().mid(blame->start, blame->end - blame->start).toLower(),
                 QStringLiteral("you should have"));

        // Underlined in the document, wavy, in the severity's colour.
        bool underlined = false;
        for (const QTextLayout::FormatRange &range : formatsOf(editor.document()->firstBlock())) {
            if (range.start <= blame->start && range.start + range.length >= blame->end) {
                QCOMPARE(range.format.underlineStyle(), QTextCharFormat::WaveUnderline);
                QCOMPARE(range.format.underlineColor(), Ui::ToneHighlighter::colorFor(blame->severity));
                underlined = true;
            }
        }
        QVERIFY(underlined);

        // Listed in the panel with an Apply button; applying edits the draft.
        Ui::ToneFindingsPanel *panel = assistant.tonePanel();
        const int index = int(blame - findings.cbegin());
        auto *apply = panel->findChild<QPushButton *>(QStringLiteral("applyFinding_%1").arg(index));
        QVERIFY(apply);
        apply->click();
        QVERIFY2(!editor.toPlainText().contains(QLatin1String("should have")), qPrintable(editor.toPlainText()));
        QVERIFY(editor.toPlainText().startsWith(QLatin1String("Hi Priya, ")));
        for (const Compose::ToneFinding &finding : assistant.toneFindings())
            QVERIFY(finding.ruleId != blame->ruleId || finding.start != blame->start);
        // One undo step brings the agent's words back.
        editor.undo();
        QVERIFY(editor.toPlainText().contains(QLatin1String("you should have")));
    }

    void everyFindingCanBeReadInAShortComposer()
    {
        // The composer's height under a long transcript: the checklist takes most of the side
        // panel and the findings share what is left.
        QWidget host;
        auto *layout = new QHBoxLayout(&host);
        auto *editor = new QPlainTextEdit(&host);
        ComposeAssistant assistant(editor, nullptr);
        layout->addWidget(editor, 3);
        layout->addWidget(assistant.sidePanel(), 1);
        host.resize(900, 240);
        host.show();
        QVERIFY(QTest::qWaitForWindowExposed(&host));
        editor->setPlainText(QStringLiteral("Unfortunately you need to send the receipt again. You should have "
                                            "kept it. I guarantee it ships immediately. That's our policy."));
        assistant.recheckNow();
        const QList<Compose::ToneFinding> findings = assistant.toneFindings();
        QVERIFY2(findings.size() >= 4, qPrintable(QString::number(findings.size())));
        QCoreApplication::processEvents();
        QVERIFY(host.grab().save(QStringLiteral(COUNTERPART_BUILD_DIR "/screenshots/tone-findings-short.png")));

        auto *scroll = qobject_cast<QScrollArea *>(assistant.sidePanel());
        QVERIFY(scroll);
        for (int i = 0; i < findings.size(); ++i) {
            auto *message = assistant.tonePanel()->findChild<QLabel *>(QStringLiteral("toneFindingMessage_%1").arg(i));
            QVERIFY(message);
            // Every wrapped line of the message is laid out, none cut off at the bottom ...
            QVERIFY2(message->height() >= message->heightForWidth(message->width()),
                     qPrintable(QStringLiteral("finding %1: %2 px tall, its text needs %3 px")
                                    .arg(i).arg(message->height()).arg(message->heightForWidth(message->width()))));
            // ... and scrolling brings the whole row into view.
            QWidget *row = message->parentWidget();
            scroll->ensureWidgetVisible(row, 0, 0);
            QCoreApplication::processEvents();
            const QRect inViewport(row->mapTo(scroll->viewport(), QPoint(0, 0)), row->size());
            QVERIFY2(scroll->viewport()->rect().contains(inViewport),
                     qPrintable(QStringLiteral("finding %1 is not fully visible after scrolling").arg(i)));
        }
        QVERIFY(host.grab().save(QStringLiteral(COUNTERPART_BUILD_DIR "/screenshots/tone-findings-short-scrolled.png")));
    }

    void chineseDemandIsFound()
    {
        QPlainTextEdit editor;
        ComposeAssistant assistant(&editor, nullptr);
        Ui::ComposeSituation situation;
        situation.language = QStringLiteral("zh-Hans");
        assistant.setSituation(situation);
        editor.setPlainText(QStringLiteral("您好，您必须先登录账户。"));
        assistant.recheckNow();
        const QList<Compose::ToneFinding> findings = assistant.toneFindings();
        QVERIFY(std::any_of(findings.cbegin(), findings.cend(), [](const Compose::ToneFinding &f) {
            return f.ruleId == QLatin1String("blame.demand");
        }));
    }

    void emptyDraftHasNoFindings()
    {
        QPlainTextEdit editor;
        ComposeAssistant assistant(&editor, nullptr);
        assistant.recheckNow();
        QVERIFY(assistant.toneFindings().isEmpty());
        QVERIFY(assistant.highlighter()->findings().isEmpty());
    }
};

QTEST_MAIN(TestToneHighlighter)
#include "TestToneHighlighter.moc"
