#include "DraftAutosaver.h"

namespace Counterpart::Compose {

DraftAutosaver::DraftAutosaver(Storage::WorkspaceStore *workspace, QObject *parent)
    : QObject(parent)
    , m_workspace(workspace)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(DefaultIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &DraftAutosaver::flush);
}

DraftAutosaver::~DraftAutosaver()
{
    // Closing the window must not lose the last half second of typing.
    flush();
}

bool DraftAutosaver::sameKey(const Storage::Draft &a, const Storage::Draft &b)
{
    return a.sourceUid == b.sourceUid && a.conversationRemoteId == b.conversationRemoteId
        && a.mode == b.mode;
}

void DraftAutosaver::schedule(const Storage::Draft &draft)
{
    if (m_pending && !sameKey(m_draft, draft))
        flush();
    m_draft = draft;
    m_pending = true;
    m_timer.start(); // restarts: the save waits for a pause in typing
}

bool DraftAutosaver::flush()
{
    m_timer.stop();
    if (!m_pending)
        return true;
    m_pending = false;
    if (!m_workspace)
        return false;
    Storage::Draft draft = m_draft;
    if (!draft.updatedAt.isValid())
        draft.updatedAt = QDateTime::currentDateTimeUtc();
    if (!m_workspace->saveDraft(draft)) {
        emit saveFailed(draft);
        return false;
    }
    emit saved(draft);
    return true;
}

void DraftAutosaver::cancel()
{
    m_timer.stop();
    m_pending = false;
}

} // namespace Counterpart::Compose
