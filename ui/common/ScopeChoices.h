#pragma once

#include "domain/Entities.h"

#include <QList>
#include <QString>
#include <QStringList>

class QComboBox;

namespace Counterpart::Ui {

/**
 * The agent / inbox-or-channel / label pickers that the dashboard's filter bar and the review
 * queue form share: the same entries in the same order, and one reading of the inbox picker,
 * whose items are "every inbox", "All <channel>" once per channel present, then each inbox.
 * Each fill keeps the current choice when it still exists.
 */
namespace ScopeChoices {

void fillAgents(QComboBox *combo, const QList<Domain::Agent> &agents);
void fillInboxes(QComboBox *combo, const QList<Domain::Inbox> &inboxes);
void fillLabels(QComboBox *combo, const QStringList &titles);

/** What the inbox picker chose: one inbox (cache id), one channel key, or neither (every inbox). */
struct InboxChoice
{
    QList<qint64> inboxIds;
    QStringList channels;
};
InboxChoice inboxChoice(const QComboBox *combo);

} // namespace ScopeChoices

} // namespace Counterpart::Ui
