#pragma once

#include "storage/WorkspaceStore.h"

#include <QObject>
#include <QTimer>

namespace Counterpart::Compose {

/**
 * Writes the draft being typed to workspace.sqlite shortly after the last change, so a crash or
 * `kill -9` loses at most that interval. The composer hands over every change with schedule();
 * switching conversation or mode, closing, or a draft for another key flush what is pending
 * first, so a draft is never written under the wrong conversation.
 */
class DraftAutosaver : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultIntervalMs = 500;

    explicit DraftAutosaver(Storage::WorkspaceStore *workspace, QObject *parent = nullptr);
    ~DraftAutosaver() override;

    /** Tests shorten or lengthen the quiet period; the default keeps saves within a second. */
    void setInterval(int ms) { m_timer.setInterval(ms); }
    int interval() const { return m_timer.interval(); }

    /** The draft changed; it is saved once no change came for interval() ms. */
    void schedule(const Storage::Draft &draft);
    /** Saves what is pending now. Returns false only when the store refused to write. */
    bool flush();
    /** Forgets the pending change without saving (the draft was sent or discarded). */
    void cancel();
    bool hasPending() const { return m_pending; }

signals:
    /** A draft reached the disk (or was removed because it became empty). */
    void saved(const Counterpart::Storage::Draft &draft);
    void saveFailed(const Counterpart::Storage::Draft &draft);

private:
    static bool sameKey(const Storage::Draft &a, const Storage::Draft &b);

    Storage::WorkspaceStore *m_workspace;
    QTimer m_timer;
    Storage::Draft m_draft;
    bool m_pending = false;
};

} // namespace Counterpart::Compose
