#pragma once

#include "compose/ToneFinding.h"

#include <QDialog>
#include <QHash>

#include <memory>
#include <vector>

class QComboBox;
class QSpinBox;

namespace Counterpart::Storage {
class CacheStore;
class LattePolicyStore;
} // namespace Counterpart::Storage

namespace Counterpart::Ui {

class LattePolicyRow;

/**
 * Settings > LATTE checklist: what the checklist does before a reply goes out, for every inbox
 * and every label (off, remind, or require, and which steps), the fallback for inboxes without
 * their own policy, the rating at or below which every step is required, and each inbox's voice
 * (formal, neutral, casual) for the tone linter. OK saves to the LattePolicyStore, whose
 * changed() makes an open composer re-check its reply.
 */
class LattePolicyDialog : public QDialog
{
    Q_OBJECT
public:
    LattePolicyDialog(Storage::LattePolicyStore *policies, Storage::CacheStore *cache,
                      QWidget *parent = nullptr);
    ~LattePolicyDialog() override;

    /** Saves every line; what OK does. False when the workspace refused the write. */
    bool save();

private:
    struct InboxLine
    {
        QString key; ///< LattePolicyStore::inboxKey
        std::unique_ptr<LattePolicyRow> policy;
        QComboBox *formality = nullptr;
        Compose::Formality saved = Compose::Formality::Neutral;
    };
    struct LabelLine
    {
        QString key; ///< case-folded title
        std::unique_ptr<LattePolicyRow> policy;
    };

    QWidget *buildFallback();
    QWidget *buildInboxes();
    QWidget *buildLabels();

    Storage::LattePolicyStore *m_store;
    Storage::CacheStore *m_cache;
    std::unique_ptr<LattePolicyRow> m_fallback;
    QSpinBox *m_lowRating = nullptr;
    std::vector<InboxLine> m_inboxes;
    std::vector<LabelLine> m_labels;
};

} // namespace Counterpart::Ui
