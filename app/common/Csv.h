#pragma once

#include <QByteArray>
#include <QList>
#include <QStringList>
#include <QVariantList>

namespace Counterpart::Common {

/** RFC 4180 CSV: UTF-8, CRLF rows, fields quoted when they hold a comma, quote or line break. */
class Csv
{
public:
    static QByteArray write(const QStringList &columns, const QList<QVariantList> &rows);
    static QList<QStringList> parse(const QByteArray &csv);
};

} // namespace Counterpart::Common
