#include "ComposeAssistant.h"

#include "LattePanel.h"
#include "ToneFindingsPanel.h"
#include "ToneHighlighter.h"
#include "compose/LatteChecker.h"
#include "compose/TemplateEngine.h"
#include "compose/ToneLinter.h"
#include "storage/TemplateStore.h"
#include "templates/TemplateInserter.h"
#include "templates/TemplatePopup.h"

#include <QPlainTextEdit>
#include <QScrollArea>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextEdit>
#include <QTimer>
#include <QVBoxLayout>

namespace Counterpart::Ui {

ComposeAssistant::ComposeAssistant(QTextEdit *editor, Storage::TemplateStore *templates, QObject *parent)
    : QObject(parent)
    , m_editor(editor)
    , m_debounce(new QTimer(this))
{
    setUp(templates);
}

ComposeAssistant::ComposeAssistant(QPlainTextEdit *editor, Storage::TemplateStore *templates,
                                   QObject *parent)
    : QObject(parent)
    , m_editor(editor)
    , m_debounce(new QTimer(this))
{
    setUp(templates);
}

ComposeAssistant::~ComposeAssistant()
{
    // The side panel is normally reparented into the composer's layout; if it never was, it is ours.
    if (m_side && !m_side->parent())
        delete m_side;
    delete m_popup;
}

void ComposeAssistant::setUp(Storage::TemplateStore *templates)
{
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(debounceMs);
    connect(m_debounce, &QTimer::timeout, this, &ComposeAssistant::recheckNow);
    connect(m_editor.document(), &QTextDocument::contentsChanged, m_debounce, qOverload<>(&QTimer::start));

    m_highlighter = new ToneHighlighter(m_editor.document());

    // One scroll area for the checklist and the findings: under a long transcript the composer
    // is short, and a splitter left the findings a strip too thin for one wrapped finding (the
    // third one was never visible). Scrolling the whole column shows every row at its height.
    auto *side = new QScrollArea;
    side->setObjectName(QStringLiteral("composeAssistantPanel"));
    side->setWidgetResizable(true);
    side->setFrameShape(QFrame::NoFrame);
    side->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *column = new QWidget(side);
    auto *columnLayout = new QVBoxLayout(column);
    columnLayout->setContentsMargins(0, 0, 6, 0); // keep text off the scroll bar
    columnLayout->setSpacing(10);
    m_latte = new LattePanel(column);
    m_tone = new ToneFindingsPanel(column);
    columnLayout->addWidget(m_latte);
    columnLayout->addWidget(m_tone);
    columnLayout->addStretch(1);
    side->setWidget(column);
    m_side = side;

    connect(m_latte, &LattePanel::manualChanged, this, [this](Compose::LatteStep step, std::optional<bool> manual) {
        if (manual)
            m_latteResult.setManual(step, *manual);
        else
            m_latteResult.clearManual(step);
        // An apology now followed by a ticked next step changes what the linter says.
        m_checked = false;
        recheckNow();
    });
    connect(m_tone, &ToneFindingsPanel::applyRequested, this,
            [this](const Compose::ToneFinding &finding) { applyFinding(finding); });

    m_inserter = new TemplateInserter(m_editor, this);
    connect(m_inserter, &TemplateInserter::inserted, this,
            [this](const Compose::Template &templ, const Compose::RenderResult &) {
                emit templateInserted(templ.name, templ.guidance);
            });
    if (templates) {
        m_popup = new TemplatePopup(m_editor, m_inserter);
        m_popup->setTemplates(templates->templates());
        connect(templates, &Storage::TemplateStore::templatesChanged, m_popup,
                [this, templates] { m_popup->setTemplates(templates->templates()); });
    }
    setSituation(ComposeSituation());
}

void ComposeAssistant::setSituation(const ComposeSituation &situation)
{
    m_situation = situation;
    m_inserter->setContext(situation.templateContext, situation.language, situation.channel);
    m_latte->setPolicy(situation.lattePolicy);
    m_checked = false;
    recheckNow();
}

void ComposeAssistant::recheckNow()
{
    m_debounce->stop();
    const QString draft = m_editor.plainText();
    if (m_checked && draft == m_checkedText)
        return;
    m_checked = true;
    m_checkedText = draft;

    const Compose::LatteChecker checker(m_situation.language);
    Compose::LatteResult latte = checker.check(draft, m_situation.customerMessage);
    latte.carryManual(m_latteResult);
    m_latteResult = latte;

    Compose::ToneOptions options;
    options.language = m_situation.language;
    options.formality = m_situation.formality;
    options.channel = m_situation.channel;
    options.customerName = m_situation.customerName;
    m_findings = draft.trimmed().isEmpty() ? QList<Compose::ToneFinding>()
                                           : Compose::ToneLinter(options).lint(draft, m_latteResult);

    m_highlighter->setFindings(m_findings);
    m_tone->setFindings(m_findings, draft);
    m_latte->setResult(m_latteResult);
    emit rechecked();
}

QStringList ComposeAssistant::undefinedVariables() const
{
    return Compose::TemplateEngine::unresolvedIn(m_editor.plainText());
}

void ComposeAssistant::fillPreSendInput(Compose::PreSendInput &input)
{
    recheckNow();
    for (const QString &name : undefinedVariables()) {
        if (!input.undefinedVariables.contains(name))
            input.undefinedVariables.append(name);
    }
    input.latte = m_latteResult;
    input.lattePolicy = m_situation.lattePolicy;
    input.toneFindings = m_findings;
}

bool ComposeAssistant::applyFinding(const Compose::ToneFinding &finding)
{
    const QString draft = m_editor.plainText();
    if (finding.start < 0 || finding.end > draft.size() || finding.start > finding.end)
        return false;
    const QString rewritten = Compose::ToneLinter::apply(draft, finding);
    if (rewritten == draft)
        return false;
    // Replace only the finding's span so the rest of the draft keeps its formatting and undo.
    const qsizetype replacementLength = rewritten.size() - (draft.size() - (finding.end - finding.start));
    const QString replacement = rewritten.mid(finding.start, replacementLength);
    QTextCursor cursor(m_editor.document());
    cursor.setPosition(int(finding.start));
    cursor.setPosition(int(finding.end), QTextCursor::KeepAnchor);
    cursor.insertText(replacement);
    recheckNow();
    return true;
}

} // namespace Counterpart::Ui
