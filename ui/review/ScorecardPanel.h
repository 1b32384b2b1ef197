#pragma once

#include "review/ReviewTypes.h"
#include "review/Rubric.h"
#include "review/ScorecardSharing.h"

#include <QHash>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;
class QVBoxLayout;

namespace Counterpart::Ui {

/**
 * The scorecard of one conversation: per agent reply the five LATTE steps as the checker found
 * them (ticking against the detection records an override, ticking back clears it) and its tone
 * findings; the rubric items with their weights (met / not met / not applicable); a comment and a
 * total that follows every change. Save and share are requests: the window does the storing.
 */
class ScorecardPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ScorecardPanel(QWidget *parent = nullptr);

    /** `replyTexts`: a short excerpt of each reply, by message remote id. */
    void setScorecard(const Review::Scorecard &scorecard, const Review::Rubric &rubric,
                      const QHash<qint64, QString> &replyTexts);
    void clear();
    const Review::Scorecard &scorecard() const { return m_scorecard; }
    bool hasScorecard() const { return !m_scorecard.sourceUid.isEmpty(); }
    double total() const;

    QCheckBox *latteBox(int reply, Compose::LatteStep step) const;
    QComboBox *rubricBox(const QString &key) const { return m_rubricBoxes.value(key); }
    QLabel *totalLabel() const { return m_total; }
    QPlainTextEdit *commentEdit() const { return m_comment; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *shareButton() const { return m_share; }
    /** After the window stored it: the id it got and when it was shared (null: not yet). */
    void markSaved(qint64 id, const QDateTime &sharedAt);

signals:
    void edited();
    void saveRequested();
    void shareRequested(Counterpart::Review::ScorecardSharing::Choice choice);

private:
    QWidget *buildReply(int index, const Review::ReplyScore &reply, const QString &excerpt);
    QWidget *buildRubric();
    void refreshLatteBox(int reply, Compose::LatteStep step);
    void updateTotal();
    void markEdited();
    void showSavedState(bool saved);

    Review::Scorecard m_scorecard;
    Review::Rubric m_rubric;
    QScrollArea *m_scroll = nullptr;
    QWidget *m_content = nullptr;
    QVBoxLayout *m_contentLayout = nullptr;
    QLabel *m_empty;
    QLabel *m_heading;
    QLabel *m_total;
    QLabel *m_state;
    QLabel *m_commentTitle = nullptr;
    QPlainTextEdit *m_comment;
    QCheckBox *m_shareNote;
    QCheckBox *m_shareAttributes;
    QPushButton *m_save;
    QPushButton *m_share;
    QList<std::array<QCheckBox *, 5>> m_latteBoxes;
    QHash<QString, QComboBox *> m_rubricBoxes;
    bool m_loading = false;
};

} // namespace Counterpart::Ui
