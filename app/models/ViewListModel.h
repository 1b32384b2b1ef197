#pragma once

#include "SavedView.h"

#include <QAbstractListModel>
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

    Storage::CacheStore *m_cache;
    QVector<Entry> m_entries;
    QList<SavedView> m_saved;
};

} // namespace Counterpart::Models
