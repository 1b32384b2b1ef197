#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <functional>

namespace Counterpart::Storage {

/**
 * One step of a schema: statements run in order inside the same transaction as the
 * `PRAGMA user_version` bump. A fresh file runs every step from 1, an old file the missing ones,
 * so both end with exactly the same schema.
 */
struct Migration
{
    int version = 0;
    QString description;
    QStringList statements;
    /** Optional data step run after the statements (e.g. filling a new index from old rows). */
    std::function<bool(QSqlDatabase &, QString *error)> afterStatements;
};

} // namespace Counterpart::Storage
