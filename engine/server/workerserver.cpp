#include "workerserver.h"

#include "core/logging.h"
#include "httperror.h"

#include <QHttpServerResponder>
#include <QTcpSocket>

namespace Leadline::Server {

WorkerServer::WorkerServer(const Router &router, const RequestAuth &auth, qint64 maxBodyBytes,
                           WebSocketHandler wsHandler, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_router(router)
    , m_auth(auth)
    , m_maxBody(maxBodyBytes)
    , m_wsHandler(std::move(wsHandler))
{
    // Qt upgrades WebSocket requests only while this signal is connected.
    connect(this, &QAbstractHttpServer::newWebSocketConnection, this, &WorkerServer::drainWebSockets);
}

void WorkerServer::drainWebSockets()
{
    while (hasPendingWebSocketConnections()) {
        std::unique_ptr<QWebSocket> ws = nextPendingWebSocketConnection();
        if (!ws)
            continue;
        const QString path = ws->requestUrl().path();
        if (!m_router.isWebSocketPath(path) || !m_wsHandler) {
            qCWarning(lcServer) << "closing WebSocket on unknown path" << path;
            ws->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("unknown path"));
            ws.release()->deleteLater();
            continue;
        }
        // Handlers may lower these (the media endpoint does); nobody gets more.
        ws->setMaxAllowedIncomingFrameSize(quint64(m_limits.maxWebSocketMessageBytes));
        ws->setMaxAllowedIncomingMessageSize(quint64(m_limits.maxWebSocketMessageBytes));
        m_wsHandler(std::move(ws), this);
    }
}

void WorkerServer::send(const QHttpServerRequest &request, QTcpSocket *socket, const HttpResponse &r)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(r.status));
    responder.writeHeader(QByteArrayLiteral("Content-Type"), r.contentType);
    responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(r.body.size()));
    for (const auto &h : r.headers)
        responder.writeHeader(h.first, h.second);
    responder.writeBody(r.body);
}

bool WorkerServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const QString path = request.url().path();
    // WebSocket upgrades: accept the path here, the socket arrives via newWebSocketConnection.
    if (m_router.isWebSocketPath(path)
        && request.value("upgrade").compare(QByteArrayLiteral("websocket"), Qt::CaseInsensitive) == 0)
        return true;

    if (request.body().size() > m_maxBody) {
        send(request, socket, errorResponse(Error::make(Error::Code::PayloadTooLarge,
                                                        QStringLiteral("request body is larger than %1 bytes").arg(m_maxBody))));
        return true;
    }
    if (auto refused = m_limits.check(request)) {
        qCWarning(lcServer) << "refused" << path << "from" << request.remoteAddress().toString() << ":" << refused->body;
        send(request, socket, *refused);
        return true;
    }
    const Router::Match match = m_router.match(request.method(), path);
    if (!match.handler) {
        send(request, socket, match.pathKnown
                                  ? errorResponse(405, QStringLiteral("method_not_allowed"),
                                                  QStringLiteral("%1 does not accept this method").arg(path))
                                  : errorResponse(404, QStringLiteral("not_found"),
                                                  QStringLiteral("no such endpoint: %1").arg(path)));
        return true;
    }
    if (match.access == Access::Operator) {
        if (Status s = m_auth.check(request); !s) {
            qCWarning(lcServer) << "rejected" << path << "from" << request.remoteAddress().toString() << s.error().message;
            send(request, socket, errorResponse(s.error()));
            return true;
        }
    }
    HttpResponse response = (*match.handler)(RouteContext{request, match.args});
    send(request, socket, response);
    return true;
}

void WorkerServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    send(request, socket, errorResponse(404, QStringLiteral("not_found"), QStringLiteral("no such endpoint")));
}

} // namespace Leadline::Server
