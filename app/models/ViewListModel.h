#pragma once

#include <QAbstractListModel>
#include <QVector>

namespace Counterpart::Storage {
class CacheStore;
}

namespace Counterpart::Models {

/**
 * The navigation column: section headings and views (All, Mine, Unassigned, one per channel that
 * has an inbox) with live counts of open and pending conversations, all from one SQL aggregate.
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

private:
    struct Entry
    {
        QString key;
        QString title;
        int count = 0;
        bool section = false;
    };
    QVector<Entry> buildEntries() const;

    Storage::CacheStore *m_cache;
    QVector<Entry> m_entries;
};

} // namespace Counterpart::Models
