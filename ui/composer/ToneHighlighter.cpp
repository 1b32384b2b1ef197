#include "ToneHighlighter.h"

#include <QTextCharFormat>
#include <QTextDocument>

namespace Counterpart::Ui {

ToneHighlighter::ToneHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
}

void ToneHighlighter::setFindings(const QList<Compose::ToneFinding> &findings)
{
    if (findings == m_findings)
        return;
    m_findings = findings;
    rehighlight();
}

QColor ToneHighlighter::colorFor(Compose::Severity severity)
{
    switch (severity) {
    case Compose::Severity::High:
        return QColor(0xd1, 0x24, 0x2f);
    case Compose::Severity::Medium:
        return QColor(0xd9, 0x73, 0x06);
    case Compose::Severity::Low:
        break;
    }
    return QColor(0x25, 0x63, 0xeb);
}

void ToneHighlighter::highlightBlock(const QString &text)
{
    const qsizetype blockStart = currentBlock().position();
    const qsizetype blockEnd = blockStart + text.size();
    for (const Compose::ToneFinding &finding : m_findings) {
        // "Insert here" findings (start == end) get one character so the agent can see where.
        const qsizetype end = finding.end > finding.start ? finding.end : finding.start + 1;
        const qsizetype from = qMax(finding.start, blockStart);
        const qsizetype to = qMin(end, blockEnd);
        if (from >= to)
            continue;
        QTextCharFormat format;
        format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        format.setUnderlineColor(colorFor(finding.severity));
        format.setToolTip(finding.message);
        setFormat(int(from - blockStart), int(to - from), format);
    }
}

} // namespace Counterpart::Ui
