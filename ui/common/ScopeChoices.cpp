#include "ScopeChoices.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QSet>

#include <algorithm>

namespace Counterpart::Ui::ScopeChoices {

namespace {

const QString inboxPrefix = QStringLiteral("inbox:");
const QString channelPrefix = QStringLiteral("channel:");

QString tr(const char *text)
{
    return QCoreApplication::translate("ScopeChoices", text);
}

/** Refills `combo` through `fill` and selects the entry with the previous data again. */
template<typename Fill>
void refill(QComboBox *combo, Fill fill)
{
    const QVariant previous = combo->currentData();
    const bool blocked = combo->blockSignals(true);
    combo->clear();
    fill();
    combo->setCurrentIndex(std::max(0, combo->findData(previous)));
    combo->blockSignals(blocked);
}

} // namespace

void fillAgents(QComboBox *combo, const QList<Domain::Agent> &agents)
{
    refill(combo, [&] {
        combo->addItem(tr("Every agent"), qint64(0));
        for (const Domain::Agent &agent : agents)
            combo->addItem(agent.name, agent.id);
    });
}

void fillInboxes(QComboBox *combo, const QList<Domain::Inbox> &inboxes)
{
    refill(combo, [&] {
        combo->addItem(tr("Every inbox"), QString());
        QSet<QString> channels;
        for (const Domain::Inbox &inbox : inboxes) {
            const QString key = Domain::channelKey(inbox.channel);
            if (!channels.contains(key)) {
                channels.insert(key);
                combo->addItem(tr("All %1").arg(Domain::channelDisplayName(inbox.channel)), QString(channelPrefix + key));
            }
        }
        for (const Domain::Inbox &inbox : inboxes)
            combo->addItem(inbox.name, QString(inboxPrefix + QString::number(inbox.id)));
    });
}

void fillLabels(QComboBox *combo, const QStringList &titles)
{
    refill(combo, [&] {
        combo->addItem(tr("Any label"), QString());
        for (const QString &title : titles)
            combo->addItem(title, title);
    });
}

InboxChoice inboxChoice(const QComboBox *combo)
{
    InboxChoice choice;
    const QString data = combo->currentData().toString();
    if (data.startsWith(inboxPrefix))
        choice.inboxIds = {data.mid(inboxPrefix.size()).toLongLong()};
    else if (data.startsWith(channelPrefix))
        choice.channels = {data.mid(channelPrefix.size())};
    return choice;
}

} // namespace Counterpart::Ui::ScopeChoices
