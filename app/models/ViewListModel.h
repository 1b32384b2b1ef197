#pragma once

#include "SavedView.h"

#include <QAbstractListModel>
#include <QSet>
#include <QVector>

namespace Counterpart::Storage {
class CacheStore;
}

namespace Counterpart::Models {

/**
 * The navigation column: section headings and views with live counts. Mine, Unassigned, All,
 * Mentions (see ConversationFilter::participating), one per channel that has an inbox and one
 * per label count open and pending conversations; Snoozed and Resolved count their status; saved
 * views (keys "saved:<n>") count what their filter matches.
 */
class ViewListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    explicit ViewListModel(Storage::CacheStore *cache, QObject *parent = nullptr);

    void refresh();
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    int rowOfView(const QString &key) const;
    int countOf(const QString &key) const;

    void setSavedViews(const QList<SavedView> &views);
    QList<SavedView> savedViews() const { return m_saved; }
    /** How many conversations `filter` matches now (a saved view being edited). */
    int countMatching(const ConversationFilter &filter) const;
    /** The filter of any view key, saved views included. */
    ConversationFilter filterOf(const QString &key) const;
    /** How often every note of the cache was scanned for the Mentions count (diagnostics). */
    int fullMentionScans() const { return m_fullMentionScans; }

private:
    struct Entry
    {
        QString key;
        QString title;
        int count = 0;
        bool section = false;
    };
    QVector<Entry> buildEntries() const;
    int count(const ConversationFilter &filter, const QList<qint64> &me) const;
    /** Brings m_mentioning up to date (a full scan only when it is unknown or "me" changed)
     *  and counts the conversations in it that still exist. */
    void updateMentions(const QList<qint64> &me);
    void recheckMentions(const QList<qint64> &conversationIds);
    QSet<qint64> mentioningAmong(const QList<qint64> &conversationIds, const QList<qint64> &me) const;

    Storage::CacheStore *m_cache;
    QVector<Entry> m_entries;
    QList<SavedView> m_saved;
    // The Mentions view: conversations with a note by me or naming me. Scanning every note is
    // slow with a large cache (~90 ms at 1M messages), so after the first scan only the
    // conversations an ingest names (CacheStore::conversationsIngested) are looked at again.
    QSet<qint64> m_mentioning;
    QList<qint64> m_mentionsOf; ///< the "me" agent ids m_mentioning was computed for
    bool m_mentionsKnown = false;
    int m_participating = 0;
    int m_fullMentionScans = 0;
};

} // namespace Counterpart::Models
