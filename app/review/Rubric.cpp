#include "Rubric.h"

#include "storage/WorkspaceStore.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Counterpart::Review {

namespace {

const QString settingsKey = QStringLiteral("review.rubric");

} // namespace

Rubric::Rubric()
    : items(defaultItems())
{
}

QList<RubricItem> Rubric::defaultItems()
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("Rubric", text); };
    return {
        {QStringLiteral("root_cause"), tr("Resolved the root cause"), 3},
        {QStringLiteral("expectations"), tr("Set correct expectations"), 2},
        {QStringLiteral("next_issue"), tr("Next-issue avoidance"), 2},
        {QStringLiteral("product_knowledge"), tr("Correct product knowledge"), 2},
        {QStringLiteral("identity"), tr("Identity verified where required"), 2},
    };
}

double Rubric::total(const Scorecard &scorecard) const
{
    double weighted = 0;
    double weights = 0;
    if (!scorecard.replies.isEmpty()) {
        int ticked = 0;
        int calm = 0;
        for (const ReplyScore &reply : scorecard.replies) {
            ticked += reply.tickedCount();
            calm += reply.severeToneFindings == 0 ? 1 : 0;
        }
        const double replies = double(scorecard.replies.size());
        weighted += latteWeight * (ticked / (5.0 * replies)) + toneWeight * (calm / replies);
        weights += latteWeight + toneWeight;
    }
    for (const RubricItem &item : items) {
        const RubricAnswer answer = scorecard.rubric.value(item.key, RubricAnswer::NotApplicable);
        if (answer == RubricAnswer::NotApplicable || item.weight <= 0)
            continue;
        weighted += item.weight * (answer == RubricAnswer::Met ? 1.0 : 0.0);
        weights += item.weight;
    }
    return weights > 0 ? 100.0 * weighted / weights : -1;
}

QByteArray Rubric::toJson() const
{
    QJsonArray list;
    for (const RubricItem &item : items) {
        list.append(QJsonObject{{QStringLiteral("key"), item.key},
                                {QStringLiteral("title"), item.title},
                                {QStringLiteral("weight"), item.weight}});
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("version"), 1},
                                     {QStringLiteral("latte_weight"), latteWeight},
                                     {QStringLiteral("tone_weight"), toneWeight},
                                     {QStringLiteral("items"), list}})
        .toJson(QJsonDocument::Compact);
}

Rubric Rubric::fromJson(const QByteArray &json)
{
    Rubric rubric;
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    if (root.isEmpty())
        return rubric;
    rubric.latteWeight = std::max(0.0, root.value(QStringLiteral("latte_weight")).toDouble(rubric.latteWeight));
    rubric.toneWeight = std::max(0.0, root.value(QStringLiteral("tone_weight")).toDouble(rubric.toneWeight));
    if (root.contains(QStringLiteral("items"))) {
        rubric.items.clear();
        for (const QJsonValue &value : root.value(QStringLiteral("items")).toArray()) {
            const QJsonObject object = value.toObject();
            RubricItem item{object.value(QStringLiteral("key")).toString(),
                            object.value(QStringLiteral("title")).toString(),
                            std::max(0.0, object.value(QStringLiteral("weight")).toDouble(1))};
            if (!item.key.isEmpty())
                rubric.items.append(item);
        }
    }
    return rubric;
}

Rubric Rubric::fromSettings(const Storage::WorkspaceStore &workspace)
{
    return fromJson(workspace.setting(settingsKey).toUtf8());
}

bool Rubric::saveTo(Storage::WorkspaceStore &workspace) const
{
    return workspace.setSetting(settingsKey, QString::fromUtf8(toJson()));
}

} // namespace Counterpart::Review
