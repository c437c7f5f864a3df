// WorkerServer: one QAbstractHttpServer per network worker thread, bound to the shared port.
// Routes every request through the shared Router with the body limit and auth checks in one
// place; hands accepted WebSocket upgrades to the worker's WebSocket handler (the socket then
// lives on this thread for its whole life, see shared notes/qt-6.4.md).
// The worker paces live calls, so it only parses a request and checks its size: the limits,
// auth, routing and handler (SQL, imports, exports, Redis) run on the REST pool, and the reply
// is written back on this thread when the handler finishes. Without a pool (tests) they run
// inline.
// Thread: its network worker thread (created there, never moved).
#pragma once

#include "requestauth.h"
#include "requestlimits.h"
#include "router.h"

#include <QAbstractHttpServer>
#include <QMutex>
#include <QWebSocket>
#include <functional>
#include <memory>

class QThreadPool;

namespace Leadline::Server {

using WebSocketHandler = std::function<void(std::unique_ptr<QWebSocket> socket, QObject *worker)>;

class WorkerServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    // restPool: where handlers run (nullptr = on this thread); must outlive this server.
    WorkerServer(const Router &router, const RequestAuth &auth, qint64 maxBodyBytes,
                 WebSocketHandler wsHandler, QThreadPool *restPool = nullptr, QObject *parent = nullptr);
    ~WorkerServer() override;
    // Header count/size, JSON depth and WebSocket message limits (defaults: RequestLimits{}).
    void setLimits(const RequestLimits &limits) { m_limits = limits; }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    void send(const QHttpServerRequest &request, QTcpSocket *socket, const HttpResponse &response);
    void drainWebSockets();
    // Limits, routing, auth and the handler: any thread. route() answers with the handler's reply
    // or the refusal; respond() turns it into HTTP (httperror's table, the one place).
    static Reply route(const Router &router, const RequestAuth &auth, const RequestLimits &limits, const HttpRequest &request);
    static HttpResponse respond(const Router &router, const RequestAuth &auth, const RequestLimits &limits,
                                const HttpRequest &request);

    const Router &m_router;
    const RequestAuth &m_auth;
    qint64 m_maxBody;
    RequestLimits m_limits;
    WebSocketHandler m_wsHandler;
    // Lets a REST thread post a reply to this server only while it exists.
    struct Link
    {
        QMutex mutex;
        WorkerServer *server = nullptr;
    };
    std::shared_ptr<Link> m_link;
    QThreadPool *m_pool;
};

} // namespace Leadline::Server
