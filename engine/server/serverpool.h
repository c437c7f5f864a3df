// ServerPool: N network worker threads ("leadline-net-<i>"), each with its own WorkerServer on
// the same port (SO_REUSEPORT; the kernel spreads connections). A connection, REST request or
// WebSocket, lives on the worker that accepted it. Falls back to one worker where SO_REUSEPORT
// is unavailable. With a certificate and key in the options every worker accepts TLS only
// (QSslServer: HTTPS, WSS). REST handlers run on a small pool of "leadline-rest" threads at a
// lower priority, never on the workers that pace live calls.
// Thread: created and driven from the main thread; workers own their servers.
#pragma once

#include "core/result.h"
#include "core/workerthread.h"
#include "requestauth.h"
#include "router.h"
#include "workerserver.h"

#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>
#include <QThreadPool>
#include <memory>
#include <vector>

namespace Leadline::Server {

struct ServerOptions
{
    QHostAddress address = QHostAddress::Any;
    quint16 port = 8000; // 0 = pick a free port (tests)
    int workers = 1;
    int restThreads = 4; // REST handler threads (an import or export holds one while it runs)
    // > 0: the network workers ask for SCHED_RR at this priority (1..99), below the kernel's
    // own threads; 0: ordinary threads. Refused without CAP_SYS_NICE / RLIMIT_RTPRIO (logged).
    int workerRealtimePriority = 0;
    // > 0: a worker goes back to poll() at most once per this many µs (frames that arrive in
    // between are read in one pass; each wake-up polls every socket of the worker); 0: at once.
    int workerMinCycleUs = 0;
    qint64 maxBodyBytes = 100 * 1024 * 1024;
    RequestLimits limits; // headers, JSON depth, WebSocket messages
    // Built-in TLS: both set = every worker serves HTTPS and WSS (PEM files); both empty = plain.
    QString tlsCertFile;
    QString tlsKeyFile;
};

class ServerPool : public QObject
{
    Q_OBJECT
public:
    ServerPool(const Router &router, const RequestAuth &auth, QObject *parent = nullptr);
    ~ServerPool() override;

    // Called on each worker thread, with that worker's context object, for every accepted socket.
    void setWebSocketHandler(WebSocketHandler handler) { m_wsHandler = std::move(handler); }

    Status start(const ServerOptions &options);
    void stop();
    quint16 port() const { return m_port; }
    int realtimeWorkers() const { return m_realtimeWorkers; } // workers running SCHED_RR
    int workerCount() const { return int(m_threads.size()); }
    bool tls() const { return m_tls; }

private:
    const Router &m_router;
    const RequestAuth &m_auth;
    WebSocketHandler m_wsHandler;
    std::vector<std::unique_ptr<WorkerThread>> m_threads; // "leadline-net-N"
    QThreadPool m_rest;
    quint16 m_port = 0;
    int m_realtimeWorkers = 0; // written by each worker before start() goes on (semaphore)
    bool m_tls = false;
};

// The server-side TLS configuration from PEM files (certificate chain, RSA or EC key), or a
// clear error naming the file.
Result<QSslConfiguration> loadTlsConfiguration(const QString &certFile, const QString &keyFile);

// Opens a listening socket with SO_REUSEADDR + SO_REUSEPORT; returns the fd, or an error.
Result<int> openReusePortSocket(const QHostAddress &address, quint16 port);
// Fails with a clear message when another process already holds the port.
Status checkPortFree(const QHostAddress &address, quint16 port);

} // namespace Leadline::Server
