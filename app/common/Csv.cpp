#include "Csv.h"

namespace Counterpart::Common {

namespace {

QByteArray field(const QVariant &value)
{
    QString text;
    if (value.typeId() == QMetaType::Double)
        text = QString::number(value.toDouble(), 'g', 15);
    else
        text = value.toString();
    if (text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) || text.contains(QLatin1Char('\n'))
        || text.contains(QLatin1Char('\r'))) {
        text = QLatin1Char('"') + text.replace(QLatin1Char('"'), QLatin1String("\"\"")) + QLatin1Char('"');
    }
    return text.toUtf8();
}

} // namespace

QByteArray Csv::write(const QStringList &columns, const QList<QVariantList> &rows)
{
    QByteArray out;
    const auto line = [&out](const QVariantList &values) {
        for (qsizetype i = 0; i < values.size(); ++i) {
            if (i)
                out += ',';
            out += field(values.at(i));
        }
        out += "\r\n";
    };
    QVariantList header;
    for (const QString &column : columns)
        header.append(column);
    line(header);
    for (const QVariantList &row : rows)
        line(row);
    return out;
}

QList<QStringList> Csv::parse(const QByteArray &csv)
{
    const QString text = QString::fromUtf8(csv);
    QList<QStringList> rows;
    QStringList row;
    QString current;
    bool quoted = false;
    bool fieldStarted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    current += QLatin1Char('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                current += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
            fieldStarted = true;
        } else if (c == QLatin1Char(',')) {
            row.append(current);
            current.clear();
            fieldStarted = true;
        } else if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            row.append(current);
            rows.append(row);
            row.clear();
            current.clear();
            fieldStarted = false;
        } else {
            current += c;
            fieldStarted = true;
        }
    }
    if (fieldStarted || !current.isEmpty() || !row.isEmpty()) {
        row.append(current);
        rows.append(row);
    }
    return rows;
}

} // namespace Counterpart::Common
