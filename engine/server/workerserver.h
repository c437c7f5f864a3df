// WorkerServer: one QAbstractHttpServer per network worker thread, bound to the shared port.
// Routes every request through the shared Router with the body limit and auth checks in one
// place; hands accepted WebSocket upgrades to the worker's WebSocket handler (the socket then
// lives on this thread for its whole life, see shared notes/qt-6.4.md).
// Thread: its network worker thread (created there, never moved).
#pragma once

#include "requestauth.h"
#include "requestlimits.h"
#include "router.h"

#include <QAbstractHttpServer>
#include <QWebSocket>
#include <functional>
#include <memory>

namespace Leadline::Server {

using WebSocketHandler = std::function<void(std::unique_ptr<QWebSocket> socket, QObject *worker)>;

class WorkerServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    WorkerServer(const Router &router, const RequestAuth &auth, qint64 maxBodyBytes,
                 WebSocketHandler wsHandler, QObject *parent = nullptr);
    // Header count/size, JSON depth and WebSocket message limits (defaults: RequestLimits{}).
    void setLimits(const RequestLimits &limits) { m_limits = limits; }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    void send(const QHttpServerRequest &request, QTcpSocket *socket, const HttpResponse &response);
    void drainWebSockets();

    const Router &m_router;
    const RequestAuth &m_auth;
    qint64 m_maxBody;
    RequestLimits m_limits;
    WebSocketHandler m_wsHandler;
};

} // namespace Leadline::Server
