#pragma once

#include <QSqlDatabase>

namespace Counterpart::Storage {

/**
 * RAII transaction: rolls back in the destructor unless commit() succeeded, so an early return or
 * an exception can never leave half a page of data behind.
 */
class SqlTransaction
{
public:
    explicit SqlTransaction(QSqlDatabase db);
    ~SqlTransaction();
    SqlTransaction(const SqlTransaction &) = delete;
    SqlTransaction &operator=(const SqlTransaction &) = delete;

    bool isActive() const { return m_active; }
    bool commit();

private:
    QSqlDatabase m_db;
    bool m_active = false;
};

} // namespace Counterpart::Storage
