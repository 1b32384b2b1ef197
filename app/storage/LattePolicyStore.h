#pragma once

#include "compose/LattePolicy.h"
#include "compose/ToneFinding.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

namespace Counterpart::Storage {

class WorkspaceStore;

/**
 * The LATTE policies and inbox voices of this workspace, kept as per-user settings in
 * workspace.sqlite: one JSON document under "latte.policies" and "compose.formality.<inbox>".
 * Inboxes are keyed by inboxKey() (source uid and the inbox's remote id), never by cache rowid,
 * because the cache may be rebuilt.
 *
 * One instance per workspace is shared through the UI's Services, so an open composer hears
 * changed() when the agent edits the policies and re-checks its reply.
 */
class LattePolicyStore : public QObject
{
    Q_OBJECT
public:
    struct Policies
    {
        Compose::LattePolicy fallback; ///< for inboxes without their own policy (remind, all steps)
        QHash<QString, Compose::LattePolicy> inboxes; ///< by inboxKey()
        QHash<QString, Compose::LattePolicy> labels;  ///< by label title, case-folded
        int lowRatingAtMost = 2; ///< a previous rating at or below this requires every step

        friend bool operator==(const Policies &, const Policies &) = default;
    };

    explicit LattePolicyStore(WorkspaceStore *workspace, QObject *parent = nullptr);

    Policies load() const;
    bool save(const Policies &policies);

    /** The policy for one conversation; see Compose::LattePolicy::effective. */
    Compose::LattePolicy effective(const QString &inboxKey, const QStringList &labels,
                                   int previousRating) const;

    Compose::Formality formality(const QString &inboxKey) const;
    bool setFormality(const QString &inboxKey, Compose::Formality formality);

    static QString inboxKey(const QString &sourceUid, qint64 inboxRemoteId);
    static QByteArray toJson(const Policies &policies);
    /** Unknown modes and steps are skipped, so a newer file never stops the composer. */
    static Policies fromJson(const QByteArray &json);

signals:
    /** A policy, the low-rating threshold or an inbox's formality was saved. */
    void changed();

private:
    WorkspaceStore *m_workspace;
};

} // namespace Counterpart::Storage
