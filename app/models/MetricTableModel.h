#pragma once

#include "metrics/MetricsReport.h"

#include <QAbstractTableModel>
#include <QHash>

namespace Counterpart::Models {

/**
 * Any Metrics::MetricTable as a table model: the numbers behind a dashboard chart, the per-agent
 * table, the low ratings. Columns may get readable titles and a format (durations in seconds read
 * as "2 h 05 min", shares as percentages); Roles::MetricValue keeps the raw value for sorting and
 * charts, Roles::MetricCellShare places a number against the table's largest (heatmap colour).
 */
class MetricTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Format { Plain, Seconds, Share, Decimal };

    explicit MetricTableModel(QObject *parent = nullptr);

    void setTable(const Metrics::MetricTable &table);
    const Metrics::MetricTable &table() const { return m_table; }
    /** Titles by column key; keys without one show as written with spaces for underscores. */
    void setColumnTitles(const QHash<QString, QString> &titles);
    void setColumnFormat(const QString &columnKey, Format format);
    int columnOf(const QString &columnKey) const { return int(m_table.columns.indexOf(columnKey)); }

    /** "45 s", "12 min", "3 h 05 min", "2 d 4 h". */
    static QString durationText(double seconds);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString displayText(const QVariant &value, Format format) const;
    void updateLargest();

    Metrics::MetricTable m_table;
    QHash<QString, QString> m_titles;
    QHash<QString, Format> m_formats;
    double m_largest = 0;
};

} // namespace Counterpart::Models
