// HTTP harness for tests over real loopback HTTP: a Server::ServerPool started on 127.0.0.1 and
// a free port (startOnLoopback), a client that sends one request with QNetworkAccessManager and
// waits for the whole answer: status, body, JSON, headers (sendHttp), and LoopbackServer, the
// two together with the Router and RequestAuth the pool serves. Redirects are never followed: a
// test sees the 3xx.
// Thread: the test's thread (the one that owns the QNetworkAccessManager and the pool).
#pragma once

#include "core/result.h"
#include "server/serverpool.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QtTest>

namespace Leadline::Testing {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

struct HttpReply
{
    bool finished = false; // false: no answer within the timeout (status 0, nothing read)
    int status = 0;
    QByteArray raw;
    QJsonObject json;    // raw as a JSON object; empty when it is not one
    HttpHeaders headers; // the response's headers as received

    bool hasHeader(const QByteArray &name) const
    {
        for (const auto &h : headers)
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return true;
        return false;
    }
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &h : headers)
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        return {};
    }
};

// Waits for `reply` to finish and reads it; the reply is deleted later.
inline HttpReply waitForReply(QNetworkReply *reply, int timeoutMs = 15000)
{
    QSignalSpy done(reply, &QNetworkReply::finished);
    HttpReply r;
    if (!reply->isFinished() && !done.wait(timeoutMs)) {
        qWarning() << "request timed out" << reply->url().toString();
        reply->deleteLater();
        return r;
    }
    r.finished = true;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.raw = reply->readAll();
    r.json = QJsonDocument::fromJson(r.raw).object();
    r.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return r;
}

// Sends `verb` to `url` and waits for the answer. A GET without a body goes as a plain GET;
// Content-Type is set when `contentType` is not empty; `headers` are added as they are.
inline HttpReply sendHttp(QNetworkAccessManager &nam, const QByteArray &verb, const QUrl &url, const QByteArray &body = {},
                          const QByteArray &contentType = "application/json", const HttpHeaders &headers = {},
                          int timeoutMs = 15000)
{
    QNetworkRequest req(url);
    if (!contentType.isEmpty())
        req.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    for (const auto &h : headers)
        req.setRawHeader(h.first, h.second);
    QNetworkReply *reply = verb == "GET" && body.isEmpty() ? nam.get(req) : nam.sendCustomRequest(req, verb, body);
    return waitForReply(reply, timeoutMs);
}

// http://127.0.0.1:<port><pathAndQuery>
inline QUrl loopbackUrl(quint16 port, const QString &pathAndQuery)
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(pathAndQuery));
}

// ServerOptions for 127.0.0.1 and a port the system picks; maxBodyBytes <= 0 keeps the default cap.
inline Server::ServerOptions loopbackOptions(int workers = 1, qint64 maxBodyBytes = 0)
{
    Server::ServerOptions opts;
    opts.address = QHostAddress::LocalHost;
    opts.port = 0;
    opts.workers = workers;
    if (maxBodyBytes > 0)
        opts.maxBodyBytes = maxBodyBytes;
    return opts;
}

// Starts `pool` on 127.0.0.1 and a free port (pool.port() says which).
inline Status startOnLoopback(Server::ServerPool &pool, int workers = 1, qint64 maxBodyBytes = 0)
{
    return pool.start(loopbackOptions(workers, maxBodyBytes));
}

// The server side of a REST test and a client for it: register routes on `router` (and a
// WebSocket handler on `pool`), start(), then send(). Callers on loopback need no token; proxied
// ones (X-Forwarded-For) need `token` or one `tokens` accepts. Declare it after the objects its
// routes call into, so that it stops serving before they go.
struct LoopbackServer
{
    explicit LoopbackServer(QByteArray token = "test-token-123456", const Server::ApiTokenVerifier *tokens = nullptr)
        : auth(std::move(token), tokens)
    {
    }

    Status start(int workers = 1, qint64 maxBodyBytes = 0) { return startOnLoopback(pool, workers, maxBodyBytes); }
    QUrl url(const QString &pathAndQuery) const { return loopbackUrl(pool.port(), pathAndQuery); }
    HttpReply send(const QByteArray &verb, const QString &pathAndQuery, const QByteArray &body = {},
                   const QByteArray &contentType = "application/json", const HttpHeaders &headers = {}, int timeoutMs = 15000)
    {
        return sendHttp(nam, verb, url(pathAndQuery), body, contentType, headers, timeoutMs);
    }

    Server::Router router;
    Server::RequestAuth auth;
    Server::ServerPool pool{router, auth};
    QNetworkAccessManager nam;
};

} // namespace Leadline::Testing
