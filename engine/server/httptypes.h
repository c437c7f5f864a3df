// Value types for the HTTP layer. Thread: value types.
#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QPair>

namespace Leadline::Server {

struct HttpResponse
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    static HttpResponse json(const QJsonDocument &doc, int status = 200)
    {
        HttpResponse r;
        r.status = status;
        r.body = doc.toJson(QJsonDocument::Compact);
        return r;
    }
    static HttpResponse json(const QJsonObject &obj, int status = 200) { return json(QJsonDocument(obj), status); }
    static HttpResponse text(const QByteArray &body, const QByteArray &type, int status = 200)
    {
        HttpResponse r;
        r.status = status;
        r.contentType = type;
        r.body = body;
        return r;
    }
};

} // namespace Leadline::Server
