#pragma once

#include "ComposeSituation.h"
#include "EditorAccess.h"
#include "compose/LatteResult.h"
#include "compose/PreSendCheck.h"
#include "compose/ToneFinding.h"

#include <QObject>
#include <QPointer>

class QPlainTextEdit;
class QTextEdit;
class QTimer;

namespace Counterpart::Storage {
class TemplateStore;
}

namespace Counterpart::Ui {

class LattePanel;
class TemplateInserter;
class TemplatePopup;
class ToneFindingsPanel;
class ToneHighlighter;

/**
 * Everything that helps while writing one reply, attached to the composer's editor: the "/"
 * template menu, tone underlines and their list, and the LATTE checklist, all re-checked shortly
 * after each keystroke. The composer places sidePanel() beside its editor, calls setSituation()
 * when the conversation changes, and fillPreSendInput() from its pre-send hook.
 */
class ComposeAssistant : public QObject
{
    Q_OBJECT
public:
    /** \a templates may be null: no "/" menu then. */
    ComposeAssistant(QTextEdit *editor, Storage::TemplateStore *templates, QObject *parent = nullptr);
    ComposeAssistant(QPlainTextEdit *editor, Storage::TemplateStore *templates, QObject *parent = nullptr);
    ~ComposeAssistant() override;

    void setSituation(const ComposeSituation &situation);
    const ComposeSituation &situation() const { return m_situation; }

    /** The LATTE checklist above the tone list; owned by the caller once placed in a layout. */
    QWidget *sidePanel() const { return m_side; }
    LattePanel *lattePanel() const { return m_latte; }
    ToneFindingsPanel *tonePanel() const { return m_tone; }
    ToneHighlighter *highlighter() const { return m_highlighter; }
    TemplatePopup *templatePopup() const { return m_popup; }
    TemplateInserter *inserter() const { return m_inserter; }

    /** Re-checks at once instead of after the debounce (before sending, in tests). */
    void recheckNow();

    QList<Compose::ToneFinding> toneFindings() const { return m_findings; }
    Compose::LatteResult latteResult() const { return m_latteResult; }
    QStringList undefinedVariables() const;

    /** Fills what the assistant knows into the composer's pre-send input (after a recheck). */
    void fillPreSendInput(Compose::PreSendInput &input);

    /** Applies a finding's suggestion to the draft as one undo step. */
    bool applyFinding(const Compose::ToneFinding &finding);

    /** Re-lint delay after a keystroke. */
    static constexpr int debounceMs = 150;

signals:
    /** After each check: the tone findings and LATTE ticks are up to date. */
    void rechecked();
    /** A template was inserted; its guidance is worth showing to the agent. */
    void templateInserted(const QString &name, const QString &guidance);

private:
    void setUp(Storage::TemplateStore *templates);

    EditorAccess m_editor;
    ComposeSituation m_situation;
    QTimer *m_debounce;
    ToneHighlighter *m_highlighter = nullptr;
    QPointer<QWidget> m_side;
    LattePanel *m_latte = nullptr;
    ToneFindingsPanel *m_tone = nullptr;
    TemplateInserter *m_inserter = nullptr;
    TemplatePopup *m_popup = nullptr;
    QList<Compose::ToneFinding> m_findings;
    Compose::LatteResult m_latteResult;
    QString m_checkedText;
    bool m_checked = false;
};

} // namespace Counterpart::Ui
