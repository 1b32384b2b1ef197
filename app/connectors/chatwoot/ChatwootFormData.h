#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace Counterpart::Connectors::Chatwoot {

class ChatwootRequestBody;

/**
 * A multipart/form-data request (RFC 7578), as Chatwoot takes a message with files. Fields
 * and files keep their order; files are opened by createBody() and streamed from disk.
 */
class ChatwootFormData
{
public:
    ChatwootFormData();

    void addField(const QString &name, const QString &value);
    /** `fileName` is what the server sees; the content type is guessed from name and content. */
    void addFile(const QString &name, const QString &path, const QString &fileName = {});

    /** The Content-Type header, with the boundary. */
    QByteArray contentType() const;
    /**
     * Opens the files and lays out the body. Null when a file cannot be opened; `error` then
     * names it.
     */
    ChatwootRequestBody *createBody(QString *error) const;

private:
    struct Part
    {
        QString name;
        QString value;
        QString path; ///< empty for a plain field
        QString fileName;
    };

    static QByteArray quoted(const QString &text);

    QByteArray m_boundary;
    QList<Part> m_parts;
};

} // namespace Counterpart::Connectors::Chatwoot
