#include "SqlTransaction.h"

#include <QSqlError>
#include <QtDebug>

namespace Counterpart::Storage {

SqlTransaction::SqlTransaction(QSqlDatabase db)
    : m_db(std::move(db))
{
    m_active = m_db.transaction();
    if (!m_active)
        qWarning() << "could not begin transaction:" << m_db.lastError().text();
}

SqlTransaction::~SqlTransaction()
{
    if (m_active)
        m_db.rollback();
}

bool SqlTransaction::commit()
{
    if (!m_active)
        return false;
    m_active = false;
    return m_db.commit();
}

} // namespace Counterpart::Storage
