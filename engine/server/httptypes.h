// Value types for the HTTP layer. Thread: value types.
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QList>
#include <QPair>
#include <QUrl>
#include <QUrlQuery>

namespace Leadline::Server {

// What a handler may read of a request, copied out of Qt's per-connection request object on
// the network worker (the body is shared, not copied) so the handler can run on another thread.
struct HttpRequest
{
    QHttpServerRequest::Method verb = QHttpServerRequest::Method::Unknown;
    QUrl requestUrl;
    QList<QPair<QByteArray, QByteArray>> headerList;
    QByteArray content;
    QHostAddress peer;

    static HttpRequest from(const QHttpServerRequest &r)
    {
        return HttpRequest{r.method(), r.url(), r.headers(), r.body(), r.remoteAddress()};
    }
    // The same accessors as QHttpServerRequest; value() matches the header name case-insensitively.
    QHttpServerRequest::Method method() const { return verb; }
    QUrl url() const { return requestUrl; }
    QUrlQuery query() const { return QUrlQuery(requestUrl); }
    const QList<QPair<QByteArray, QByteArray>> &headers() const { return headerList; }
    QByteArray body() const { return content; }
    QHostAddress remoteAddress() const { return peer; }
    QByteArray value(const QByteArray &key) const
    {
        for (const auto &h : headerList)
            if (h.first.compare(key, Qt::CaseInsensitive) == 0)
                return h.second;
        return QByteArray();
    }
};

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
