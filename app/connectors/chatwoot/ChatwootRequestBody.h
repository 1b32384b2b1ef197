#pragma once

#include <QByteArray>
#include <QIODevice>

#include <memory>
#include <vector>

QT_BEGIN_NAMESPACE
class QFile;
QT_END_NAMESPACE

namespace Counterpart::Connectors::Chatwoot {

/**
 * A request body that can be read once and never rewound. Handed to QNetworkAccessManager
 * unbuffered for POSTs: when the server closes the connection after reading a request but
 * before answering, Qt's HTTP layer silently re-sends the request if it can rewind the body.
 * This body cannot be rewound, so Qt reports ContentReSendError instead, and the send job
 * looks for the earlier attempt rather than posting the reply twice.
 *
 * A body is a sequence of byte blocks and open files; files are streamed, never loaded whole.
 */
class ChatwootRequestBody : public QIODevice
{
    Q_OBJECT
public:
    explicit ChatwootRequestBody(const QByteArray &data = {}, QObject *parent = nullptr);
    ~ChatwootRequestBody() override;

    void appendBytes(const QByteArray &data);
    /** Streams `size` bytes of `file` (opened for reading); the body takes ownership. */
    void appendFile(std::unique_ptr<QFile> file, qint64 size);
    /** The whole length, for Content-Length. */
    qint64 totalSize() const { return m_total; }

    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override;
    /** Refused quietly: this refusal is the whole point (QIODevice's own would log a warning). */
    bool seek(qint64) override { return false; }
    bool reset() override { return false; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 maxSize) override;

private:
    struct Segment
    {
        QByteArray bytes;
        std::unique_ptr<QFile> file;
        qint64 size = 0;
    };

    std::vector<Segment> m_segments;
    size_t m_index = 0;
    qint64 m_offset = 0; ///< within m_segments[m_index]
    qint64 m_total = 0;
    qint64 m_position = 0;
};

} // namespace Counterpart::Connectors::Chatwoot
