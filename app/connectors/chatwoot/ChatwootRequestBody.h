#pragma once

#include <QByteArray>
#include <QIODevice>

namespace Counterpart::Connectors::Chatwoot {

/**
 * A request body that can be read once and never rewound. Handed to QNetworkAccessManager
 * unbuffered for POSTs: when the server closes the connection after reading a request but
 * before answering, Qt's HTTP layer silently re-sends the request if it can rewind the body.
 * This body cannot be rewound, so Qt reports ContentReSendError instead, and the send job
 * looks for the earlier attempt rather than posting the reply twice.
 */
class ChatwootRequestBody : public QIODevice
{
    Q_OBJECT
public:
    explicit ChatwootRequestBody(const QByteArray &data, QObject *parent = nullptr);

    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override;
    /** Refused quietly: this refusal is the whole point (QIODevice's own would log a warning). */
    bool seek(qint64) override { return false; }
    bool reset() override { return false; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 maxSize) override;

private:
    QByteArray m_data;
    qint64 m_position = 0;
};

} // namespace Counterpart::Connectors::Chatwoot
