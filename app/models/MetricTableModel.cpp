#include "MetricTableModel.h"

#include "ItemRoles.h"

#include <QLocale>

namespace Counterpart::Models {

namespace {

bool isNumber(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Double:
    case QMetaType::Float:
        return true;
    default:
        return false;
    }
}

} // namespace

MetricTableModel::MetricTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void MetricTableModel::setTable(const Metrics::MetricTable &table)
{
    // Same columns: only the numbers moved, so views keep their column widths and sort order.
    if (table.columns == m_table.columns && table.rows.size() == m_table.rows.size() && !m_table.rows.isEmpty()) {
        m_table = table;
        updateLargest();
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        return;
    }
    beginResetModel();
    m_table = table;
    updateLargest();
    endResetModel();
}

void MetricTableModel::setColumnTitles(const QHash<QString, QString> &titles)
{
    m_titles = titles;
    if (columnCount() > 0)
        emit headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
}

void MetricTableModel::setColumnFormat(const QString &columnKey, Format format)
{
    m_formats.insert(columnKey, format);
    if (rowCount() > 0 && columnCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

void MetricTableModel::updateLargest()
{
    m_largest = 0;
    for (const QVariantList &row : std::as_const(m_table.rows)) {
        for (const QVariant &cell : row) {
            if (isNumber(cell))
                m_largest = std::max(m_largest, cell.toDouble());
        }
    }
}

QString MetricTableModel::durationText(double seconds)
{
    const qint64 secs = qint64(seconds + 0.5);
    if (secs < 60)
        return tr("%1 s").arg(secs);
    const qint64 minutes = secs / 60;
    if (minutes < 60)
        return tr("%1 min").arg(minutes);
    const qint64 hours = minutes / 60;
    if (hours < 24)
        return tr("%1 h %2 min").arg(hours).arg(minutes % 60, 2, 10, QLatin1Char('0'));
    return tr("%1 d %2 h").arg(hours / 24).arg(hours % 24);
}

QString MetricTableModel::displayText(const QVariant &value, Format format) const
{
    if (!isNumber(value))
        return value.toString();
    const QLocale locale;
    switch (format) {
    case Format::Seconds: return durationText(value.toDouble());
    case Format::Share: return locale.toString(value.toDouble() * 100.0, 'f', 1) + QLatin1Char('%');
    case Format::Decimal: return locale.toString(value.toDouble(), 'f', 2);
    case Format::Plain: break;
    }
    if (value.typeId() == QMetaType::Double)
        return locale.toString(value.toDouble(), 'g', 6);
    return locale.toString(value.toLongLong());
}

int MetricTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_table.rows.size());
}

int MetricTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_table.columns.size());
}

QVariant MetricTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QVariantList &row = m_table.rows.at(index.row());
    const QVariant value = index.column() < row.size() ? row.at(index.column()) : QVariant();
    switch (role) {
    case Qt::DisplayRole:
        return displayText(value, m_formats.value(m_table.columns.at(index.column()), Format::Plain));
    case Qt::TextAlignmentRole:
        return isNumber(value) ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case Roles::MetricValue:
        return value;
    case Roles::MetricCellShare:
        return isNumber(value) && m_largest > 0 ? QVariant(value.toDouble() / m_largest) : QVariant();
    default:
        return {};
    }
}

QVariant MetricTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    const QString &key = m_table.columns.at(section);
    const QString title = m_titles.value(key);
    return title.isEmpty() ? QString(key).replace(QLatin1Char('_'), QLatin1Char(' ')) : title;
}

} // namespace Counterpart::Models
