#pragma once

#include "ConversationFilter.h"

#include <QList>

namespace Counterpart::Storage {
class WorkspaceStore;
}

namespace Counterpart::Models {

/**
 * A view the agent named and saved: a filter with a title, kept as JSON in workspace.sqlite's
 * settings ("views.saved") because it is the agent's own, not the server's.
 */
struct SavedView
{
    QString name;
    ConversationFilter filter;

    static QList<SavedView> load(const Storage::WorkspaceStore &workspace);
    static bool save(Storage::WorkspaceStore &workspace, const QList<SavedView> &views);

    bool operator==(const SavedView &other) const = default;
};

} // namespace Counterpart::Models
