#pragma once

#include "compose/ToneFinding.h"

#include <QList>
#include <QSyntaxHighlighter>

namespace Counterpart::Ui {

/**
 * Draws a wavy underline under each tone finding of a draft, coloured by severity. It does not
 * lint: the ComposeAssistant lints (debounced) and hands the findings over with setFindings().
 * Offsets are positions in the document, which equal offsets into toPlainText().
 */
class ToneHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit ToneHighlighter(QTextDocument *document);

    void setFindings(const QList<Compose::ToneFinding> &findings);
    QList<Compose::ToneFinding> findings() const { return m_findings; }

    static QColor colorFor(Compose::Severity severity);

protected:
    void highlightBlock(const QString &text) override;

private:
    QList<Compose::ToneFinding> m_findings;
};

} // namespace Counterpart::Ui
