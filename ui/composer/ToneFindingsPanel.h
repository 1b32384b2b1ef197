#pragma once

#include "compose/ToneFinding.h"

#include <QList>
#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace Counterpart::Ui {

/**
 * The tone findings of the draft as a list beside the composer: severity, message, the words
 * concerned and, when the linter has a rewrite, an "Apply" button that asks for it to be applied.
 */
class ToneFindingsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ToneFindingsPanel(QWidget *parent = nullptr);

    /** \a draft is the text the findings were made on, to quote the words concerned. */
    void setFindings(const QList<Compose::ToneFinding> &findings, const QString &draft);
    QList<Compose::ToneFinding> findings() const { return m_findings; }

signals:
    void applyRequested(const Counterpart::Compose::ToneFinding &finding);

private:
    QWidget *buildRow(int index, const Compose::ToneFinding &finding, const QString &draft);

    QList<Compose::ToneFinding> m_findings;
    QLabel *m_title;
    QLabel *m_empty;
    QVBoxLayout *m_rows;
};

} // namespace Counterpart::Ui
