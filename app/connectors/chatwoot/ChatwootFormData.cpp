#include "ChatwootFormData.h"

#include "ChatwootRequestBody.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QRandomGenerator>

#include <memory>

namespace Counterpart::Connectors::Chatwoot {

ChatwootFormData::ChatwootFormData()
{
    // Random, so no file content is likely to contain it; the fixed prefix helps reading logs.
    const quint64 a = QRandomGenerator::global()->generate64();
    const quint64 b = QRandomGenerator::global()->generate64();
    m_boundary = "CounterpartBoundary" + QByteArray::number(a, 16) + QByteArray::number(b, 16);
}

void ChatwootFormData::addField(const QString &name, const QString &value)
{
    m_parts.append({name, value, {}, {}});
}

void ChatwootFormData::addFile(const QString &name, const QString &path, const QString &fileName)
{
    m_parts.append({name, {}, path, fileName.isEmpty() ? QFileInfo(path).fileName() : fileName});
}

QByteArray ChatwootFormData::contentType() const
{
    return "multipart/form-data; boundary=" + m_boundary;
}

QByteArray ChatwootFormData::quoted(const QString &text)
{
    // What browsers send (HTML form submission): raw UTF-8, with the three bytes that would end
    // the quoted string or the header line percent-encoded. Rack reads file names this way.
    QByteArray out = text.toUtf8();
    out.replace('"', "%22");
    out.replace('\r', "%0D");
    out.replace('\n', "%0A");
    return '"' + out + '"';
}

ChatwootRequestBody *ChatwootFormData::createBody(QString *error) const
{
    auto body = std::make_unique<ChatwootRequestBody>();
    const QMimeDatabase mimes;
    for (const Part &part : m_parts) {
        QByteArray head = "--" + m_boundary + "\r\nContent-Disposition: form-data; name=" + quoted(part.name);
        if (part.path.isEmpty()) {
            body->appendBytes(head + "\r\n\r\n" + part.value.toUtf8() + "\r\n");
            continue;
        }
        auto file = std::make_unique<QFile>(part.path);
        if (!file->open(QIODevice::ReadOnly)) {
            if (error)
                *error = QCoreApplication::translate("Chatwoot", "The attachment “%1” cannot be read: %2")
                             .arg(part.path, file->errorString());
            return nullptr;
        }
        const qint64 size = file->size();
        const QString mime = mimes.mimeTypeForFile(part.path).name();
        head += "; filename=" + quoted(part.fileName) + "\r\nContent-Type: " + mime.toLatin1() + "\r\n\r\n";
        body->appendBytes(head);
        body->appendFile(std::move(file), size);
        body->appendBytes("\r\n");
    }
    body->appendBytes("--" + m_boundary + "--\r\n");
    return body.release();
}

} // namespace Counterpart::Connectors::Chatwoot
