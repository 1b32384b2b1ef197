#include "ChatwootRequestBody.h"

#include <algorithm>
#include <cstring>

namespace Counterpart::Connectors::Chatwoot {

ChatwootRequestBody::ChatwootRequestBody(const QByteArray &data, QObject *parent)
    : QIODevice(parent), m_data(data)
{
    open(QIODevice::ReadOnly);
}

qint64 ChatwootRequestBody::bytesAvailable() const
{
    return m_data.size() - m_position + QIODevice::bytesAvailable();
}

qint64 ChatwootRequestBody::readData(char *data, qint64 maxSize)
{
    const qint64 count = std::min<qint64>(maxSize, m_data.size() - m_position);
    if (count <= 0)
        return 0;
    std::memcpy(data, m_data.constData() + m_position, size_t(count));
    m_position += count;
    return count;
}

qint64 ChatwootRequestBody::writeData(const char *, qint64)
{
    return -1;
}

} // namespace Counterpart::Connectors::Chatwoot
