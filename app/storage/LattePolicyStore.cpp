#include "LattePolicyStore.h"

#include "WorkspaceStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Counterpart::Storage {

using Compose::LattePolicy;

namespace {

const QString policiesKey = QStringLiteral("latte.policies");

QJsonObject policyToJson(const LattePolicy &policy)
{
    QJsonArray steps;
    for (const Compose::LatteStep step : policy.steps)
        steps.append(Compose::latteStepKey(step));
    return QJsonObject{{QStringLiteral("mode"), LattePolicy::modeKey(policy.mode)},
                       {QStringLiteral("steps"), steps}};
}

LattePolicy policyFromJson(const QJsonObject &object)
{
    LattePolicy policy;
    policy.mode = LattePolicy::modeFromKey(object.value(QStringLiteral("mode")).toString());
    if (object.contains(QStringLiteral("steps"))) {
        policy.steps.clear();
        for (const QJsonValue &value : object.value(QStringLiteral("steps")).toArray()) {
            bool ok = false;
            const Compose::LatteStep step = Compose::latteStepFromKey(value.toString(), &ok);
            if (ok && !policy.steps.contains(step))
                policy.steps.append(step);
        }
    }
    return policy;
}

QJsonObject mapToJson(const QHash<QString, LattePolicy> &map)
{
    QJsonObject object;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        object.insert(it.key(), policyToJson(it.value()));
    return object;
}

QHash<QString, LattePolicy> mapFromJson(const QJsonObject &object, bool foldKeys)
{
    QHash<QString, LattePolicy> map;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        map.insert(foldKeys ? it.key().toCaseFolded() : it.key(), policyFromJson(it.value().toObject()));
    return map;
}

} // namespace

LattePolicyStore::LattePolicyStore(WorkspaceStore *workspace, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
{
}

LattePolicyStore::Policies LattePolicyStore::load() const
{
    if (!m_workspace)
        return {};
    return fromJson(m_workspace->setting(policiesKey).toUtf8());
}

bool LattePolicyStore::save(const Policies &policies)
{
    if (!m_workspace || !m_workspace->setSetting(policiesKey, QString::fromUtf8(toJson(policies))))
        return false;
    emit changed();
    return true;
}

LattePolicy LattePolicyStore::effective(const QString &inboxKey, const QStringList &labels,
                                        int previousRating) const
{
    const Policies policies = load();
    QStringList folded;
    for (const QString &label : labels)
        folded.append(label.toCaseFolded());
    return LattePolicy::effective(policies.inboxes.value(inboxKey, policies.fallback),
                                  policies.labels, folded, previousRating,
                                  policies.lowRatingAtMost);
}

Compose::Formality LattePolicyStore::formality(const QString &inboxKey) const
{
    if (!m_workspace)
        return Compose::Formality::Neutral;
    bool ok = false;
    const Compose::Formality value = Compose::formalityFromKey(
        m_workspace->setting(QStringLiteral("compose.formality.") % inboxKey), &ok);
    return ok ? value : Compose::Formality::Neutral;
}

bool LattePolicyStore::setFormality(const QString &inboxKey, Compose::Formality formality)
{
    if (!m_workspace
        || !m_workspace->setSetting(QStringLiteral("compose.formality.") % inboxKey,
                                    Compose::formalityKey(formality)))
        return false;
    emit changed();
    return true;
}

QString LattePolicyStore::inboxKey(const QString &sourceUid, qint64 inboxRemoteId)
{
    return sourceUid % QLatin1Char('/') % QString::number(inboxRemoteId);
}

QByteArray LattePolicyStore::toJson(const Policies &policies)
{
    const QJsonObject root{{QStringLiteral("version"), 1},
                           {QStringLiteral("default"), policyToJson(policies.fallback)},
                           {QStringLiteral("inboxes"), mapToJson(policies.inboxes)},
                           {QStringLiteral("labels"), mapToJson(policies.labels)},
                           {QStringLiteral("low_rating_at_most"), policies.lowRatingAtMost}};
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

LattePolicyStore::Policies LattePolicyStore::fromJson(const QByteArray &json)
{
    Policies policies;
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    if (root.isEmpty())
        return policies;
    if (root.contains(QStringLiteral("default")))
        policies.fallback = policyFromJson(root.value(QStringLiteral("default")).toObject());
    policies.inboxes = mapFromJson(root.value(QStringLiteral("inboxes")).toObject(), false);
    policies.labels = mapFromJson(root.value(QStringLiteral("labels")).toObject(), true);
    policies.lowRatingAtMost = root.value(QStringLiteral("low_rating_at_most")).toInt(2);
    return policies;
}

} // namespace Counterpart::Storage
