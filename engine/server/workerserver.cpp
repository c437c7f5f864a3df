#include "workerserver.h"

#include "core/logging.h"
#include "httperror.h"

#include <QHttpServerResponder>
#include <QPointer>
#include <QTcpSocket>
#include <QThread>
#include <QThreadPool>

#include <sys/resource.h>
#include <unistd.h>

namespace Leadline::Server {

WorkerServer::WorkerServer(const Router &router, const RequestAuth &auth, qint64 maxBodyBytes,
                           WebSocketHandler wsHandler, QThreadPool *restPool, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_router(router)
    , m_auth(auth)
    , m_maxBody(maxBodyBytes)
    , m_wsHandler(std::move(wsHandler))
    , m_link(std::make_shared<Link>())
    , m_pool(restPool)
{
    m_link->server = this;
    // Qt upgrades WebSocket requests only while this signal is connected.
    connect(this, &QAbstractHttpServer::newWebSocketConnection, this, &WorkerServer::drainWebSockets);
}

WorkerServer::~WorkerServer()
{
    // A REST thread finishing now either posted its reply already (Qt drops events posted to a
    // deleted object) or sees no server and drops it.
    QMutexLocker lock(&m_link->mutex);
    m_link->server = nullptr;
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

// A REST thread: named, and below the network workers in the scheduler (nice 10), so a long
// import or export yields the CPU to live calls.
static void prepareRestThread()
{
    thread_local bool prepared = false;
    if (prepared)
        return;
    prepared = true;
    QThread::currentThread()->setObjectName(QStringLiteral("leadline-rest"));
    if (::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), 10) != 0)
        qCDebug(lcServer) << "could not lower the priority of a REST thread";
}

Reply WorkerServer::route(const Router &router, const RequestAuth &auth, const RequestLimits &limits, const HttpRequest &request)
{
    const QString path = request.url().path();
    if (Status refused = limits.check(request); !refused) {
        qCWarning(lcServer) << "refused" << path << "from" << request.remoteAddress().toString() << ":" << refused.error().message;
        return refused.error();
    }
    const Router::Match match = router.match(request.method(), path);
    if (!match.handler) {
        if (match.pathKnown)
            return Error::make(Error::Code::MethodNotAllowed, QStringLiteral("%1 does not accept this method").arg(path));
        return Error::make(Error::Code::NotFound, QStringLiteral("no such endpoint: %1").arg(path));
    }
    if (match.access == Access::Operator) {
        if (Status s = auth.check(request); !s) {
            qCWarning(lcServer) << "rejected" << path << "from" << request.remoteAddress().toString() << s.error().message;
            return s.error();
        }
    }
    return (*match.handler)(RouteContext{request, match.args});
}

HttpResponse WorkerServer::respond(const Router &router, const RequestAuth &auth, const RequestLimits &limits,
                                   const HttpRequest &request)
{
    return toResponse(route(router, auth, limits, request));
}

bool WorkerServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const QString path = request.url().path();
    // WebSocket upgrades: accept the path here, the socket arrives via newWebSocketConnection.
    if (m_router.isWebSocketPath(path)
        && request.value("upgrade").compare(QByteArrayLiteral("websocket"), Qt::CaseInsensitive) == 0)
        return true;

    if (request.body().size() > m_maxBody) {
        send(request, socket, toResponse(Error::make(Error::Code::PayloadTooLarge,
                                                     QStringLiteral("request body is larger than %1 bytes").arg(m_maxBody))));
        return true;
    }
    if (!m_pool) {
        send(request, socket, respond(m_router, m_auth, m_limits, HttpRequest::from(request)));
        return true;
    }
    // Qt keeps the request object with its connection until the socket is destroyed, and the
    // socket lives on this thread: both are checked here again before the reply is written.
    QPointer<QTcpSocket> guard(socket);
    const QHttpServerRequest *qtRequest = &request;
    // The job touches no member: the router and auth outlive the pool, the limits are copied.
    m_pool->start([&router = m_router, &auth = m_auth, limits = m_limits, link = m_link, copy = HttpRequest::from(request),
                   guard, qtRequest] {
        prepareRestThread();
        HttpResponse response = respond(router, auth, limits, copy);
        QMutexLocker lock(&link->mutex);
        if (!link->server)
            return;
        WorkerServer *server = link->server;
        QMetaObject::invokeMethod(server, [server, guard, qtRequest, response = std::move(response)] {
            if (guard && guard->state() == QAbstractSocket::ConnectedState)
                server->send(*qtRequest, guard, response);
        }, Qt::QueuedConnection);
    });
    return true;
}

void WorkerServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    send(request, socket, toResponse(Error::make(Error::Code::NotFound, QStringLiteral("no such endpoint"))));
}

} // namespace Leadline::Server
