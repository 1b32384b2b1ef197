#include "ChatwootRequestBody.h"

#include <QCoreApplication>
#include <QFile>

#include <algorithm>
#include <cstring>

namespace Counterpart::Connectors::Chatwoot {

ChatwootRequestBody::ChatwootRequestBody(const QByteArray &data, QObject *parent)
    : QIODevice(parent)
{
    appendBytes(data);
    open(QIODevice::ReadOnly);
}

ChatwootRequestBody::~ChatwootRequestBody() = default;

void ChatwootRequestBody::appendBytes(const QByteArray &data)
{
    if (data.isEmpty())
        return;
    Segment segment;
    segment.bytes = data;
    segment.size = data.size();
    m_total += segment.size;
    m_segments.push_back(std::move(segment));
}

void ChatwootRequestBody::appendFile(std::unique_ptr<QFile> file, qint64 size)
{
    if (size <= 0)
        return;
    Segment segment;
    segment.file = std::move(file);
    segment.size = size;
    m_total += size;
    m_segments.push_back(std::move(segment));
}

qint64 ChatwootRequestBody::bytesAvailable() const
{
    return m_total - m_position + QIODevice::bytesAvailable();
}

qint64 ChatwootRequestBody::readData(char *data, qint64 maxSize)
{
    qint64 done = 0;
    while (done < maxSize && m_index < m_segments.size()) {
        Segment &segment = m_segments[m_index];
        const qint64 wanted = std::min(maxSize - done, segment.size - m_offset);
        qint64 got = 0;
        if (segment.file) {
            got = segment.file->read(data + done, wanted);
            // A file that shrank since its size was announced would break Content-Length:
            // fail the upload rather than send a body the server cannot frame.
            if (got <= 0) {
                setErrorString(QCoreApplication::translate("Chatwoot", "Could not read “%1” while sending it.")
                                   .arg(segment.file->fileName()));
                return done > 0 ? done : -1;
            }
        } else {
            got = wanted;
            std::memcpy(data + done, segment.bytes.constData() + m_offset, size_t(got));
        }
        done += got;
        m_offset += got;
        m_position += got;
        if (m_offset == segment.size) {
            // Close files as soon as they are sent: up to 15 of them may be open per reply.
            segment.file.reset();
            segment.bytes.clear();
            ++m_index;
            m_offset = 0;
        }
    }
    return done;
}

qint64 ChatwootRequestBody::writeData(const char *, qint64)
{
    return -1;
}

} // namespace Counterpart::Connectors::Chatwoot
