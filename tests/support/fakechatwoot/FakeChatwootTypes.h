#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

namespace Counterpart::Testing {

/** One part of a multipart/form-data body. */
struct FakeFormPart
{
    QString name;
    QString fileName; ///< empty for a plain field
    QByteArray contentType;
    QByteArray data;
};

/** One HTTP request as the fake Chatwoot server received it (the requests() log). */
struct FakeHttpRequest
{
    QString method;
    QString path;
    QUrlQuery query;
    QMap<QByteArray, QByteArray> headers; ///< lower-case names
    QByteArray body;
    bool faulted = false; ///< answered by an injected fault

    QJsonObject json() const;
    bool isMultipart() const;
    /** The parts of a multipart/form-data body, in order; empty for any other body. */
    QList<FakeFormPart> formParts() const;
};

/** What the store answers; the server turns it into bytes (or a fault). */
struct FakeHttpResponse
{
    int status = 200;
    QByteArray contentType = "application/json; charset=utf-8";
    QByteArray body;
    /** ActionCable broadcasts caused by the request: (event name, data). */
    QList<QPair<QString, QJsonObject>> events;
};

} // namespace Counterpart::Testing
