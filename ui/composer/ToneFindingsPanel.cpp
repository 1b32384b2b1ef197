#include "ToneFindingsPanel.h"

#include "ToneHighlighter.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Counterpart::Ui {

ToneFindingsPanel::ToneFindingsPanel(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_empty(new QLabel(tr("No tone suggestions."), this))
{
    setObjectName(QStringLiteral("toneFindingsPanel"));
    setAccessibleName(tr("Tone suggestions"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_title->setObjectName(QStringLiteral("toneFindingsTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_empty->setObjectName(QStringLiteral("toneFindingsEmpty"));
    m_empty->setEnabled(false);

    // No scroll area of its own: the composer's side column scrolls as a whole.
    m_rows = new QVBoxLayout;
    m_rows->setContentsMargins(0, 0, 0, 0);
    m_rows->addWidget(m_empty);
    m_rows->addStretch(1);

    layout->addWidget(m_title);
    layout->addLayout(m_rows, 1);
    setFindings({}, QString());
}

void ToneFindingsPanel::setFindings(const QList<Compose::ToneFinding> &findings, const QString &draft)
{
    m_findings = findings;
    m_title->setText(findings.isEmpty() ? tr("Tone") : tr("Tone (%n)", nullptr, int(findings.size())));
    while (m_rows->count() > 2) { // keep the empty label and the stretch
        QLayoutItem *item = m_rows->takeAt(1);
        delete item->widget();
        delete item;
    }
    m_empty->setVisible(findings.isEmpty());
    for (int i = 0; i < findings.size(); ++i) {
        QWidget *row = buildRow(i, findings.at(i), draft);
        m_rows->insertWidget(m_rows->count() - 1, row);
        row->show(); // widgets added to an already shown panel stay hidden otherwise
    }
}

QWidget *ToneFindingsPanel::buildRow(int index, const Compose::ToneFinding &finding, const QString &draft)
{
    auto *row = new QWidget(this);
    row->setObjectName(QStringLiteral("toneFinding_%1").arg(index));
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 2, 0, 2);

    auto *dot = new QLabel(row);
    dot->setFixedSize(10, 10);
    dot->setStyleSheet(QStringLiteral("background:%1;border-radius:5px;")
                           .arg(ToneHighlighter::colorFor(finding.severity).name()));
    dot->setAccessibleName(Compose::severityKey(finding.severity));

    const QString quoted = draft.mid(finding.start, finding.end - finding.start);
    QString text = finding.message.toHtmlEscaped();
    if (!quoted.isEmpty())
        text += QStringLiteral("<br><i>“") % quoted.toHtmlEscaped() % QStringLiteral("”</i>");
    if (!finding.suggestion.isEmpty())
        text += QStringLiteral(" → <b>") % finding.suggestion.toHtmlEscaped() % QStringLiteral("</b>");
    auto *message = new QLabel(text, row);
    message->setObjectName(QStringLiteral("toneFindingMessage_%1").arg(index));
    message->setWordWrap(true);
    message->setTextFormat(Qt::RichText);
    message->setToolTip(finding.ruleId);
    message->setAlignment(Qt::AlignLeft | Qt::AlignTop); // level with the dot and the button
    // Wrapped text must not be squeezed when several findings share little room. The policy
    // must keep QLabel's height-for-width: without it the scroll area sized each row for one
    // wide line, and the text of the later rows was cut off with nothing to scroll to.
    QSizePolicy policy = message->sizePolicy();
    policy.setVerticalPolicy(QSizePolicy::Minimum);
    policy.setHeightForWidth(true);
    message->setSizePolicy(policy);

    layout->addWidget(dot, 0, Qt::AlignTop);
    layout->addWidget(message, 1);
    if (!finding.suggestion.isEmpty()) {
        auto *apply = new QPushButton(tr("Apply"), row);
        apply->setObjectName(QStringLiteral("applyFinding_%1").arg(index));
        apply->setAccessibleName(tr("Apply suggestion: %1").arg(finding.suggestion));
        connect(apply, &QPushButton::clicked, this, [this, finding] { emit applyRequested(finding); });
        layout->addWidget(apply, 0, Qt::AlignTop);
    }
    return row;
}

} // namespace Counterpart::Ui
