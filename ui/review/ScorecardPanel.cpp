#include "ScorecardPanel.h"

#include "compose/ToneLinter.h"

#include "common/Theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace Counterpart::Ui {

using Compose::LatteStep;

ScorecardPanel::ScorecardPanel(QWidget *parent)
    : QWidget(parent)
    , m_empty(new QLabel(tr("Pick a conversation from the queue to score it."), this))
    , m_heading(new QLabel(this))
    , m_total(new QLabel(this))
    , m_state(new QLabel(this))
    , m_comment(new QPlainTextEdit(this))
    , m_shareNote(new QCheckBox(tr("as a private note"), this))
    , m_shareAttributes(new QCheckBox(tr("as custom attributes"), this))
    , m_save(new QPushButton(tr("Save scorecard"), this))
    , m_share(new QPushButton(tr("Share to helpdesk"), this))
{
    setObjectName(QStringLiteral("scorecardPanel"));
    m_empty->setObjectName(QStringLiteral("scorecardEmpty"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    QPalette muted = m_empty->palette();
    muted.setColor(QPalette::WindowText, Theme::mutedText(palette()));
    m_empty->setPalette(muted);
    m_state->setPalette(muted);
    m_heading->setObjectName(QStringLiteral("scorecardHeading"));
    m_heading->setWordWrap(true);
    m_heading->setTextFormat(Qt::PlainText);
    m_total->setObjectName(QStringLiteral("scorecardTotal"));
    m_total->setAccessibleName(tr("Total score"));
    QFont big = m_total->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_total->setFont(big);
    m_state->setObjectName(QStringLiteral("scorecardState"));
    m_comment->setObjectName(QStringLiteral("scorecardComment"));
    m_comment->setAccessibleName(tr("Reviewer comment"));
    m_comment->setPlaceholderText(tr("Comment for the agent…"));
    m_comment->setMaximumHeight(90);
    m_shareNote->setObjectName(QStringLiteral("shareAsNote"));
    m_shareNote->setAccessibleName(tr("Share as a private note"));
    m_shareNote->setChecked(true);
    m_shareAttributes->setObjectName(QStringLiteral("shareAsAttributes"));
    m_shareAttributes->setAccessibleName(tr("Share as conversation custom attributes"));
    m_shareAttributes->setChecked(true);
    m_save->setObjectName(QStringLiteral("saveScorecard"));
    m_save->setAccessibleName(tr("Save the scorecard"));
    m_share->setObjectName(QStringLiteral("shareScorecard"));
    m_share->setAccessibleName(tr("Share the scorecard to the helpdesk"));

    auto *scroll = m_scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("scorecardScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_content = new QWidget(scroll);
    m_contentLayout = new QVBoxLayout(m_content);
    m_contentLayout->setContentsMargins(0, 0, 0, 0);
    scroll->setWidget(m_content);

    auto *header = new QHBoxLayout;
    header->addWidget(m_heading, 1);
    header->addWidget(m_total, 0, Qt::AlignTop);

    auto *shareChoices = new QHBoxLayout;
    shareChoices->addWidget(m_shareNote);
    shareChoices->addWidget(m_shareAttributes);
    shareChoices->addStretch(1);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_share);
    buttons->addStretch(1);
    buttons->addWidget(m_save);
    m_state->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_empty);
    layout->addLayout(header);
    layout->addWidget(scroll, 1);
    m_commentTitle = new QLabel(tr("Comment"), this);
    layout->addWidget(m_commentTitle);
    layout->addWidget(m_comment);
    layout->addLayout(shareChoices);
    layout->addLayout(buttons);
    layout->addWidget(m_state);

    connect(m_comment, &QPlainTextEdit::textChanged, this, [this] {
        if (m_loading)
            return;
        m_scorecard.comment = m_comment->toPlainText();
        markEdited();
    });
    connect(m_save, &QPushButton::clicked, this, &ScorecardPanel::saveRequested);
    connect(m_share, &QPushButton::clicked, this, [this] {
        emit shareRequested({m_shareNote->isChecked(), m_shareAttributes->isChecked()});
    });
    const auto updateShare = [this] {
        m_share->setEnabled(hasScorecard() && (m_shareNote->isChecked() || m_shareAttributes->isChecked()));
    };
    connect(m_shareNote, &QCheckBox::toggled, this, updateShare);
    connect(m_shareAttributes, &QCheckBox::toggled, this, updateShare);
    clear();
}

void ScorecardPanel::clear()
{
    setScorecard({}, m_rubric, {});
}

void ScorecardPanel::setScorecard(const Review::Scorecard &scorecard, const Review::Rubric &rubric,
                                  const QHash<qint64, QString> &replyTexts)
{
    m_loading = true;
    m_scorecard = scorecard;
    m_rubric = rubric;
    m_latteBoxes.clear();
    m_rubricBoxes.clear();
    while (QLayoutItem *item = m_contentLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const bool has = hasScorecard();
    m_empty->setVisible(!has);
    for (QWidget *w : std::initializer_list<QWidget *>{m_heading, m_total, m_commentTitle, m_comment, m_save, m_share,
                                                       m_shareNote, m_shareAttributes, m_state})
        w->setVisible(has);
    m_scroll->setVisible(has);
    if (has) {
        m_heading->setText(scorecard.agentName.isEmpty() ? tr("Unassigned conversation")
                                                         : tr("Agent: %1").arg(scorecard.agentName));
        if (scorecard.replies.isEmpty()) {
            auto *none = new QLabel(tr("No agent replies yet: the total comes from the rubric alone."), m_content);
            none->setWordWrap(true);
            m_contentLayout->addWidget(none);
        }
        for (int i = 0; i < scorecard.replies.size(); ++i) {
            const Review::ReplyScore &reply = scorecard.replies.at(i);
            m_contentLayout->addWidget(buildReply(i, reply, replyTexts.value(reply.messageRemoteId)));
        }
        m_contentLayout->addWidget(buildRubric());
        m_contentLayout->addStretch(1);
        m_comment->setPlainText(scorecard.comment);
    } else {
        m_comment->clear();
    }
    m_loading = false;
    updateTotal();
    showSavedState(scorecard.id != 0);
    m_share->setEnabled(has && (m_shareNote->isChecked() || m_shareAttributes->isChecked()));
}

QWidget *ScorecardPanel::buildReply(int index, const Review::ReplyScore &reply, const QString &excerpt)
{
    auto *box = new QGroupBox(tr("Reply %1").arg(index + 1), m_content);
    box->setObjectName(QStringLiteral("reply%1").arg(index));
    auto *layout = new QVBoxLayout(box);
    if (!excerpt.isEmpty()) {
        auto *text = new QLabel(excerpt, box);
        text->setTextFormat(Qt::PlainText);
        text->setWordWrap(true);
        QPalette muted = text->palette();
        muted.setColor(QPalette::WindowText, Theme::mutedText(palette()));
        text->setPalette(muted);
        layout->addWidget(text);
    }
    auto *steps = new QGridLayout;
    std::array<QCheckBox *, 5> boxes{};
    const QList<LatteStep> all = Compose::allLatteSteps();
    for (int s = 0; s < all.size(); ++s) {
        const LatteStep step = all.at(s);
        auto *check = new QCheckBox(box);
        check->setObjectName(QStringLiteral("latte_%1_%2").arg(index).arg(Compose::latteStepKey(step)));
        check->setAccessibleName(tr("Reply %1: %2").arg(index + 1).arg(Compose::latteStepDisplayName(step)));
        boxes[s] = check;
        auto *status = new QLabel(box);
        status->setObjectName(check->objectName() + QStringLiteral("_status"));
        QPalette mutedStatus = status->palette();
        mutedStatus.setColor(QPalette::WindowText, Theme::mutedText(palette()));
        status->setPalette(mutedStatus);
        steps->addWidget(check, s, 0);
        steps->addWidget(status, s, 1);
        connect(check, &QCheckBox::toggled, this, [this, index, step, s](bool on) {
            if (m_loading)
                return;
            Review::ReplyScore &score = m_scorecard.replies[index];
            // Agreeing with the checker again is no override: the detection stays the source.
            if (on == score.detected[s])
                score.overridden[s].reset();
            else
                score.overridden[s] = on;
            refreshLatteBox(index, step);
            markEdited();
        });
    }
    m_latteBoxes.append(boxes);
    for (const LatteStep step : all)
        refreshLatteBox(index, step);
    layout->addLayout(steps);

    // The rule's one-line explanation, as the agent saw it in the composer; the id if it is unknown.
    QStringList findings;
    for (const QString &rule : reply.toneRules) {
        const QString message = Compose::ToneLinter::ruleMessage(rule);
        findings.append(message.isEmpty() ? rule : message);
    }
    QString tone = findings.isEmpty() ? tr("Tone: no findings") : tr("Tone: %1").arg(findings.join(QStringLiteral("; ")));
    if (reply.severeToneFindings > 0)
        tone += QStringLiteral(" — ") + tr("%n severe", nullptr, reply.severeToneFindings);
    auto *toneLabel = new QLabel(tone, box);
    toneLabel->setObjectName(QStringLiteral("tone%1").arg(index));
    toneLabel->setWordWrap(true);
    layout->addWidget(toneLabel);
    return box;
}

void ScorecardPanel::refreshLatteBox(int reply, LatteStep step)
{
    const int s = int(step);
    QCheckBox *check = m_latteBoxes.at(reply)[s];
    const Review::ReplyScore &score = m_scorecard.replies.at(reply);
    const bool wasLoading = m_loading;
    m_loading = true;
    check->setChecked(score.isTicked(step));
    m_loading = wasLoading;
    check->setText(Compose::latteStepDisplayName(step));
    QFont font = check->font();
    font.setItalic(score.overridden[s].has_value());
    check->setFont(font);
    QString status;
    if (score.overridden[s].has_value())
        status = score.detected[s] ? tr("overridden — checker found it") : tr("overridden — checker did not find it");
    else if (score.detected[s])
        status = tr("detected");
    if (auto *label = check->parentWidget()->findChild<QLabel *>(check->objectName() + QStringLiteral("_status")))
        label->setText(status);
    check->setToolTip(status);
}

QWidget *ScorecardPanel::buildRubric()
{
    auto *box = new QGroupBox(tr("Rubric"), m_content);
    box->setObjectName(QStringLiteral("rubric"));
    auto *grid = new QGridLayout(box);
    grid->setColumnStretch(1, 1);
    int row = 0;
    const QLocale locale;
    const auto weightText = [&locale](double weight) -> QString { return QStringLiteral("×") + locale.toString(weight, 'g', 3); };
    grid->addWidget(new QLabel(weightText(m_rubric.latteWeight), box), row, 0);
    grid->addWidget(new QLabel(tr("LATTE steps ticked"), box), row++, 1);
    grid->addWidget(new QLabel(weightText(m_rubric.toneWeight), box), row, 0);
    grid->addWidget(new QLabel(tr("Replies without a severe tone finding"), box), row++, 1);
    for (const Review::RubricItem &item : std::as_const(m_rubric.items)) {
        auto *title = new QLabel(item.title, box);
        title->setWordWrap(true);
        auto *answer = new QComboBox(box);
        answer->setObjectName(QStringLiteral("rubric_") + item.key);
        answer->setAccessibleName(item.title);
        answer->addItem(tr("n/a"), int(Review::RubricAnswer::NotApplicable));
        answer->addItem(tr("Met"), int(Review::RubricAnswer::Met));
        answer->addItem(tr("Not met"), int(Review::RubricAnswer::NotMet));
        const auto current = m_scorecard.rubric.value(item.key, Review::RubricAnswer::NotApplicable);
        answer->setCurrentIndex(answer->findData(int(current)));
        connect(answer, &QComboBox::currentIndexChanged, this, [this, answer, key = item.key] {
            if (m_loading)
                return;
            const auto value = Review::RubricAnswer(answer->currentData().toInt());
            if (value == Review::RubricAnswer::NotApplicable)
                m_scorecard.rubric.remove(key);
            else
                m_scorecard.rubric.insert(key, value);
            markEdited();
        });
        m_rubricBoxes.insert(item.key, answer);
        // The title gets the full width (it wraps in narrow panels and in longer languages).
        grid->addWidget(new QLabel(weightText(item.weight), box), row, 0, Qt::AlignTop);
        grid->addWidget(title, row++, 1, 1, 2);
        grid->addWidget(answer, row++, 1, Qt::AlignLeft);
    }
    return box;
}

QCheckBox *ScorecardPanel::latteBox(int reply, LatteStep step) const
{
    return reply >= 0 && reply < m_latteBoxes.size() ? m_latteBoxes.at(reply)[int(step)] : nullptr;
}

double ScorecardPanel::total() const
{
    return hasScorecard() ? m_rubric.total(m_scorecard) : -1;
}

void ScorecardPanel::updateTotal()
{
    const double value = total();
    m_scorecard.total = std::max(0.0, value);
    m_total->setText(value < 0 ? tr("—") : QLocale().toString(value, 'f', 0));
    m_total->setToolTip(tr("Weighted total out of 100"));
}

void ScorecardPanel::markEdited()
{
    updateTotal();
    showSavedState(false);
    emit edited();
}

void ScorecardPanel::markSaved(qint64 id, const QDateTime &sharedAt)
{
    m_scorecard.id = id;
    m_scorecard.sharedAt = sharedAt;
    showSavedState(true);
}

void ScorecardPanel::showSavedState(bool saved)
{
    QString text = saved ? tr("Saved") : tr("Not saved");
    if (m_scorecard.sharedAt.isValid())
        text += QStringLiteral(" · ") + tr("shared %1").arg(QLocale().toString(m_scorecard.sharedAt.toLocalTime(), QLocale::ShortFormat));
    m_state->setText(text);
}

} // namespace Counterpart::Ui
