#pragma once

#include "review/ReviewQueue.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDoubleSpinBox;
class QPushButton;
class QSpinBox;

namespace Counterpart::Storage {
class CacheStore;
}

namespace Counterpart::Ui {

/**
 * The filters a lead builds a review queue from: agent, inbox or channel, a date range on the last
 * activity, a label, CSAT at or below a rating, never reviewed, resolved only, and every match or
 * a random sample of N or K%. "Build queue" emits the criteria.
 */
class QueueBuilderForm : public QWidget
{
    Q_OBJECT
public:
    QueueBuilderForm(const Storage::CacheStore *cache, const QDateTime &now, QWidget *parent = nullptr);

    Review::ReviewCriteria criteria() const;
    /** Reloads agents, inboxes and labels from the cache (they change with sync). */
    void reloadChoices();

    QComboBox *agentBox() const { return m_agent; }
    QComboBox *inboxBox() const { return m_inbox; }
    QComboBox *labelBox() const { return m_label; }
    QComboBox *csatBox() const { return m_csat; }
    QComboBox *sampleModeBox() const { return m_sampleMode; }
    QDateEdit *fromEdit() const { return m_from; }
    QDateEdit *toEdit() const { return m_to; }
    QCheckBox *neverReviewedBox() const { return m_neverReviewed; }
    QCheckBox *resolvedOnlyBox() const { return m_resolvedOnly; }
    QSpinBox *sampleCountBox() const { return m_sampleCount; }
    QDoubleSpinBox *samplePercentBox() const { return m_samplePercent; }
    QPushButton *buildButton() const { return m_build; }

signals:
    void buildRequested(const Counterpart::Review::ReviewCriteria &criteria);

private:
    void updateSampleFields();

    const Storage::CacheStore *m_cache;
    QComboBox *m_agent;
    QComboBox *m_inbox;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QComboBox *m_label;
    QComboBox *m_csat;
    QCheckBox *m_neverReviewed;
    QCheckBox *m_resolvedOnly;
    QComboBox *m_sampleMode;
    QSpinBox *m_sampleCount;
    QDoubleSpinBox *m_samplePercent;
    QPushButton *m_build;
};

} // namespace Counterpart::Ui
