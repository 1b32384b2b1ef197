#include "LattePolicyDialog.h"

#include "LattePolicyRow.h"
#include "storage/CacheStore.h"
#include "storage/LattePolicyStore.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace Counterpart::Ui {

using Compose::Formality;
using Compose::LattePolicyMode;

namespace {

/** "Listen", "Acknowledge" ... above the step columns, starting at \a column. */
void addStepHeaders(QGridLayout *grid, int column, QWidget *parent)
{
    const QList<Compose::LatteStep> steps = Compose::allLatteSteps();
    for (int i = 0; i < steps.size(); ++i) {
        auto *header = new QLabel(Compose::latteStepDisplayName(steps.at(i)), parent);
        header->setAlignment(Qt::AlignHCenter | Qt::AlignBottom);
        grid->addWidget(header, 0, column + 1 + i, Qt::AlignHCenter);
    }
}

QLabel *nameLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    return label;
}

QString formalityText(Formality formality)
{
    switch (formality) {
    case Formality::Formal:
        return LattePolicyDialog::tr("Formal");
    case Formality::Neutral:
        return LattePolicyDialog::tr("Neutral");
    case Formality::Casual:
        return LattePolicyDialog::tr("Casual");
    }
    return QString();
}

} // namespace

LattePolicyDialog::LattePolicyDialog(Storage::LattePolicyStore *policies, Storage::CacheStore *cache,
                                     QWidget *parent)
    : QDialog(parent)
    , m_store(policies)
    , m_cache(cache)
{
    setObjectName(QStringLiteral("lattePolicyDialog"));
    setWindowTitle(tr("LATTE checklist policies"));
    auto *layout = new QVBoxLayout(this);

    auto *intro = new QLabel(tr("Before a reply goes out, the checklist can stay quiet, remind you of "
                                "missing steps, or hold the reply until they are done. A conversation "
                                "gets the strictest policy of its inbox and its labels."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    // Inboxes and labels can be many: they scroll, the fallback and the buttons stay in view.
    auto *content = new QWidget;
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(buildInboxes());
    contentLayout->addWidget(buildLabels());
    contentLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("lattePolicyScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);

    layout->addWidget(buildFallback());
    layout->addWidget(scroll, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("lattePolicyOk"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (save()) {
            accept();
            return;
        }
        QMessageBox::warning(this, windowTitle(),
                             tr("The policies could not be saved in the workspace. Nothing was changed."));
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(std::max(sizeHint().width(), 760), 560);
}

LattePolicyDialog::~LattePolicyDialog() = default;

QWidget *LattePolicyDialog::buildFallback()
{
    const Storage::LattePolicyStore::Policies saved = m_store->load();
    auto *group = new QGroupBox(tr("Every inbox without its own policy"), this);
    auto *grid = new QGridLayout(group);
    addStepHeaders(grid, 1, group);
    m_fallback = std::make_unique<LattePolicyRow>(
        QStringLiteral("default"), tr("every inbox without its own policy"), QString(),
        QList<LattePolicyMode>{LattePolicyMode::Off, LattePolicyMode::Remind, LattePolicyMode::Require}, group);
    m_fallback->setPolicy(saved.fallback);
    grid->addWidget(nameLabel(tr("Fallback"), group), 1, 0);
    m_fallback->addToGrid(grid, 1, 1);
    grid->setColumnStretch(0, 1);

    m_lowRating = new QSpinBox(group);
    m_lowRating->setObjectName(QStringLiteral("latteLowRating"));
    m_lowRating->setRange(0, 5);
    m_lowRating->setSpecialValueText(tr("never"));
    m_lowRating->setValue(saved.lowRatingAtMost);
    m_lowRating->setAccessibleName(tr("Require every step when an earlier rating was at most"));
    auto *lowRow = new QHBoxLayout;
    auto *lowLabel = new QLabel(tr("Require every step when the customer rated an earlier conversation at most"),
                                group);
    lowLabel->setWordWrap(true);
    lowLabel->setBuddy(m_lowRating);
    lowRow->addWidget(lowLabel, 1);
    lowRow->addWidget(m_lowRating);
    lowRow->addWidget(new QLabel(tr("of 5"), group));
    grid->addLayout(lowRow, 2, 0, 1, 7);
    return group;
}

QWidget *LattePolicyDialog::buildInboxes()
{
    const Storage::LattePolicyStore::Policies saved = m_store->load();
    auto *group = new QGroupBox(tr("Inboxes"), this);
    auto *grid = new QGridLayout(group);
    grid->addWidget(new QLabel(tr("Voice"), group), 0, 1, Qt::AlignBottom);
    addStepHeaders(grid, 2, group);
    grid->setColumnStretch(0, 1);

    QHash<qint64, QString> sourceUids;
    int sourceCount = 0;
    if (m_cache) {
        for (const Domain::Source &source : m_cache->sources()) {
            sourceUids.insert(source.id, source.uid);
            ++sourceCount;
        }
    }
    QList<Domain::Inbox> inboxes = m_cache ? m_cache->inboxes() : QList<Domain::Inbox>();
    std::stable_sort(inboxes.begin(), inboxes.end(), [](const Domain::Inbox &a, const Domain::Inbox &b) {
        return QString::localeAwareCompare(a.name, b.name) < 0;
    });
    for (const Domain::Inbox &inbox : std::as_const(inboxes)) {
        InboxLine line;
        line.key = Storage::LattePolicyStore::inboxKey(sourceUids.value(inbox.sourceId), inbox.remoteId);
        QString name = inbox.name % QStringLiteral(" · ") % Domain::channelDisplayName(inbox.channel);
        if (sourceCount > 1) // the same inbox name on two helpdesks needs telling apart
            name += QStringLiteral(" (") % sourceUids.value(inbox.sourceId) % QLatin1Char(')');
        line.policy = std::make_unique<LattePolicyRow>(
            QStringLiteral("inbox_") % line.key, name, tr("Use the fallback"),
            QList<LattePolicyMode>{LattePolicyMode::Off, LattePolicyMode::Remind, LattePolicyMode::Require}, group);
        const auto policy = saved.inboxes.constFind(line.key);
        line.policy->setPolicy(policy != saved.inboxes.cend() ? std::optional(policy.value()) : std::nullopt);

        line.formality = new QComboBox(group);
        line.formality->setObjectName(QStringLiteral("inboxFormality_") % line.key);
        line.formality->setAccessibleName(tr("Voice of %1").arg(name));
        for (const Formality formality : {Formality::Formal, Formality::Neutral, Formality::Casual})
            line.formality->addItem(formalityText(formality), int(formality));
        line.saved = m_store->formality(line.key);
        line.formality->setCurrentIndex(line.formality->findData(int(line.saved)));

        const int row = grid->rowCount();
        grid->addWidget(nameLabel(name, group), row, 0);
        grid->addWidget(line.formality, row, 1);
        line.policy->addToGrid(grid, row, 2);
        m_inboxes.push_back(std::move(line));
    }
    if (m_inboxes.empty())
        grid->addWidget(new QLabel(tr("No inbox yet: connect a helpdesk account first."), group), 1, 0, 1, 8);
    return group;
}

QWidget *LattePolicyDialog::buildLabels()
{
    const Storage::LattePolicyStore::Policies saved = m_store->load();
    auto *group = new QGroupBox(tr("Labels"), this);
    auto *grid = new QGridLayout(group);
    addStepHeaders(grid, 1, group);
    grid->setColumnStretch(0, 1);

    // Labels of the helpdesk, and those a saved policy names even if no conversation has them now.
    QStringList titles = m_cache ? m_cache->labelTitles() : QStringList();
    QStringList folded;
    for (const QString &title : std::as_const(titles))
        folded.append(title.toCaseFolded());
    for (auto it = saved.labels.cbegin(); it != saved.labels.cend(); ++it) {
        if (!folded.contains(it.key())) {
            titles.append(it.key());
            folded.append(it.key());
        }
    }
    for (qsizetype i = 0; i < titles.size(); ++i) {
        LabelLine line;
        line.key = folded.at(i);
        // A label may be a "no rule" here: off would never weaken an inbox's policy (the
        // strictest wins), so it is not offered.
        line.policy = std::make_unique<LattePolicyRow>(
            QStringLiteral("label_") % line.key, tr("label %1").arg(titles.at(i)), tr("No rule"),
            QList<LattePolicyMode>{LattePolicyMode::Remind, LattePolicyMode::Require}, group);
        const auto policy = saved.labels.constFind(line.key);
        line.policy->setPolicy(policy != saved.labels.cend() ? std::optional(policy.value()) : std::nullopt);
        const int row = grid->rowCount();
        grid->addWidget(nameLabel(titles.at(i), group), row, 0);
        line.policy->addToGrid(grid, row, 1);
        m_labels.push_back(std::move(line));
    }
    if (m_labels.empty())
        grid->addWidget(new QLabel(tr("No labels yet."), group), 1, 0, 1, 7);
    return group;
}

bool LattePolicyDialog::save()
{
    Storage::LattePolicyStore::Policies policies = m_store->load();
    policies.fallback = m_fallback->policy().value_or(Compose::LattePolicy());
    policies.lowRatingAtMost = m_lowRating->value();
    for (const InboxLine &line : m_inboxes) {
        if (const auto policy = line.policy->policy())
            policies.inboxes.insert(line.key, *policy);
        else
            policies.inboxes.remove(line.key);
    }
    for (const LabelLine &line : m_labels) {
        if (const auto policy = line.policy->policy())
            policies.labels.insert(line.key, *policy);
        else
            policies.labels.remove(line.key);
    }
    if (!m_store->save(policies))
        return false;
    for (InboxLine &line : m_inboxes) {
        const auto formality = Formality(line.formality->currentData().toInt());
        if (formality == line.saved)
            continue; // an inbox nobody touched keeps having no setting of its own
        if (!m_store->setFormality(line.key, formality))
            return false;
        line.saved = formality;
    }
    return true;
}

} // namespace Counterpart::Ui
