#include "SavedView.h"

#include "storage/WorkspaceStore.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Counterpart::Models {

namespace {
const QString kSettingKey = QStringLiteral("views.saved");
}

QList<SavedView> SavedView::load(const Storage::WorkspaceStore &workspace)
{
    QList<SavedView> views;
    const QJsonArray array = QJsonDocument::fromJson(workspace.setting(kSettingKey).toUtf8()).array();
    for (const auto &value : array) {
        const QJsonObject object = value.toObject();
        const QString name = object.value(QLatin1String("name")).toString().trimmed();
        if (!name.isEmpty())
            views.append({name, ConversationFilter::fromJson(object.value(QLatin1String("filter")).toObject())});
    }
    return views;
}

bool SavedView::save(Storage::WorkspaceStore &workspace, const QList<SavedView> &views)
{
    QJsonArray array;
    for (const auto &view : views)
        array.append(QJsonObject{{QStringLiteral("name"), view.name},
                                 {QStringLiteral("filter"), view.filter.toJson()}});
    return workspace.setSetting(kSettingKey,
                                QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)));
}

} // namespace Counterpart::Models
