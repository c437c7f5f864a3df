#include "serverpool.h"

#include "core/logging.h"

#include <QAbstractEventDispatcher>
#include <QElapsedTimer>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <netinet/in.h>
#include <sys/socket.h>
#include <atomic>
#include <memory>
#include <optional>
#include <pthread.h>
#include <sched.h>
#include <unistd.h>

namespace Leadline::Server {

static socklen_t fillAddress(const QHostAddress &address, quint16 port, sockaddr_storage &ss)
{
    std::memset(&ss, 0, sizeof ss);
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        auto *a = reinterpret_cast<sockaddr_in6 *>(&ss);
        a->sin6_family = AF_INET6;
        a->sin6_port = htons(port);
        const Q_IPV6ADDR ip = address.toIPv6Address();
        std::memcpy(&a->sin6_addr, &ip, sizeof ip);
        return sizeof(sockaddr_in6);
    }
    auto *a = reinterpret_cast<sockaddr_in *>(&ss);
    a->sin_family = AF_INET;
    a->sin_port = htons(port);
    a->sin_addr.s_addr = htonl(address == QHostAddress::Any ? INADDR_ANY : address.toIPv4Address());
    return sizeof(sockaddr_in);
}

static Result<int> openSocket(const QHostAddress &address, quint16 port, bool reusePort)
{
    sockaddr_storage ss;
    const socklen_t len = fillAddress(address, port, ss);
    const int fd = ::socket(ss.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return Error::make(Error::Code::Unavailable, QStringLiteral("socket(): %1").arg(QString::fromLocal8Bit(strerror(errno))));
    int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (reusePort && ::setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one) != 0) {
        ::close(fd);
        return Error::make(Error::Code::Unavailable, QStringLiteral("SO_REUSEPORT unsupported"));
    }
    if (::bind(fd, reinterpret_cast<sockaddr *>(&ss), len) != 0) {
        const int err = errno;
        ::close(fd);
        return Error::make(Error::Code::Unavailable,
                           QStringLiteral("cannot listen on %1:%2: %3%4")
                               .arg(address.toString()).arg(port)
                               .arg(QString::fromLocal8Bit(strerror(err)),
                                    err == EADDRINUSE ? QStringLiteral(" (another program uses this port; choose one with --port)") : QString()));
    }
    if (::listen(fd, 1024) != 0) {
        const int err = errno;
        ::close(fd);
        return Error::make(Error::Code::Unavailable, QStringLiteral("listen(): %1").arg(QString::fromLocal8Bit(strerror(err))));
    }
    return fd;
}

Result<int> openReusePortSocket(const QHostAddress &address, quint16 port)
{
    return openSocket(address, port, true);
}

Status checkPortFree(const QHostAddress &address, quint16 port)
{
    // A plain bind fails while anyone (also another Leadline using SO_REUSEPORT) listens there.
    auto probe = openSocket(address, port, false);
    if (!probe)
        return probe.error();
    ::close(probe.value());
    return okStatus();
}

static quint16 boundPort(int fd)
{
    sockaddr_storage ss;
    socklen_t len = sizeof ss;
    if (::getsockname(fd, reinterpret_cast<sockaddr *>(&ss), &len) != 0)
        return 0;
    if (ss.ss_family == AF_INET6)
        return ntohs(reinterpret_cast<sockaddr_in6 *>(&ss)->sin6_port);
    return ntohs(reinterpret_cast<sockaddr_in *>(&ss)->sin_port);
}

Result<QSslConfiguration> loadTlsConfiguration(const QString &certFile, const QString &keyFile)
{
    if (certFile.isEmpty() != keyFile.isEmpty())
        return Error::make(Error::Code::Validation, QStringLiteral("TLS needs both TLS_CERT_FILE and TLS_KEY_FILE"));
    if (!QSslSocket::supportsSsl())
        return Error::make(Error::Code::Unavailable, QStringLiteral("TLS is not available (no TLS backend in Qt Network)"));
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(certFile, QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull())
        return Error::make(Error::Code::Validation, QStringLiteral("cannot read a PEM certificate from %1").arg(certFile));
    QFile kf(keyFile);
    if (!kf.open(QIODevice::ReadOnly))
        return Error::make(Error::Code::Validation, QStringLiteral("cannot read the TLS key %1: %2").arg(keyFile, kf.errorString()));
    const QByteArray pem = kf.readAll();
    QSslKey key;
    for (QSsl::KeyAlgorithm alg : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        key = QSslKey(pem, alg, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull())
        return Error::make(Error::Code::Validation,
                           QStringLiteral("%1 is not an unencrypted PEM private key (RSA or EC)").arg(keyFile));
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificateChain(chain);
    config.setPrivateKey(key);
    config.setPeerVerifyMode(QSslSocket::VerifyNone); // clients authenticate with tokens, not certificates
    config.setProtocol(QSsl::TlsV1_2OrLater);
    return config;
}

ServerPool::ServerPool(const Router &router, const RequestAuth &auth, QObject *parent)
    : QObject(parent), m_router(router), m_auth(auth)
{
}

ServerPool::~ServerPool() { stop(); }

// A worker with hundreds of sockets pays for every wake-up with a poll() over all of them
// (a third of its time at 1000 calls when it woke for each arriving frame). Before it blocks
// again, it waits out the rest of cycleUs since its last wake-up, so the frames that arrive
// meanwhile are read in one pass; everything on the worker is at most cycleUs later.
// Runs on the worker thread (anchor's).
static void batchWorkerWakeups(QObject *anchor, int cycleUs)
{
    auto last = std::make_shared<QElapsedTimer>();
    QObject::connect(QAbstractEventDispatcher::instance(), &QAbstractEventDispatcher::aboutToBlock, anchor, [last, cycleUs] {
        if (last->isValid()) {
            const qint64 leftNs = qint64(cycleUs) * 1000 - last->nsecsElapsed();
            if (leftNs > 0) {
                const timespec ts{0, long(leftNs)};
                ::nanosleep(&ts, nullptr);
            }
        }
        last->start();
    }, Qt::DirectConnection);
}

// A network worker paces live audio: ahead of every other thread on the machine in the
// scheduler (SCHED_RR, as audio servers run their I/O threads), so a build, an import or the
// database on the same cores delays a frame by microseconds, not by their time slices. Needs
// CAP_SYS_NICE or an RLIMIT_RTPRIO (systemd: LimitRTPRIO=); without either the worker stays
// an ordinary thread, and says so once.
static bool raiseWorkerPriority(int priority)
{
    sched_param param{};
    param.sched_priority = qBound(sched_get_priority_min(SCHED_RR), priority, sched_get_priority_max(SCHED_RR));
    if (const int err = pthread_setschedparam(pthread_self(), SCHED_RR, &param); err != 0) {
        static std::atomic_bool warned{false};
        if (!warned.exchange(true))
            qCInfo(lcServer) << "network workers run at normal priority: real-time priority" << param.sched_priority
                             << "refused (" << strerror(err) << "); grant LimitRTPRIO or CAP_SYS_NICE to pace audio under load";
        return false;
    }
    return true;
}

Status ServerPool::start(const ServerOptions &options)
{
    if (Status s = m_router.check(); !s)
        return s;
    quint16 port = options.port;
    if (port != 0) {
        if (Status s = checkPortFree(options.address, port); !s)
            return s;
    }
    std::optional<QSslConfiguration> tls;
    if (!options.tlsCertFile.isEmpty() || !options.tlsKeyFile.isEmpty()) {
        auto config = loadTlsConfiguration(options.tlsCertFile, options.tlsKeyFile);
        if (!config)
            return config.error();
        tls = config.value();
    }
    m_rest.setObjectName(QStringLiteral("leadline-rest"));
    m_rest.setMaxThreadCount(qMax(1, options.restThreads));
    m_rest.setExpiryTimeout(-1); // keep the threads (and their database connections)
    const int workers = qMax(1, options.workers);
    for (int i = 0; i < workers; ++i) {
        auto fd = openReusePortSocket(options.address, port);
        if (!fd) {
            if (i == 0)
                return fd.error();
            qCWarning(lcServer) << "worker" << i << "could not share the port:" << fd.error().message;
            break;
        }
        if (port == 0)
            port = boundPort(fd.value());

        const int socketFd = fd.value();
        const qint64 maxBody = options.maxBodyBytes;
        // The server objects are created inside the worker thread, so they belong to it.
        auto thread = std::make_unique<WorkerThread>(QStringLiteral("leadline-net-%1").arg(i));
        const Status started = thread->start({}, [&, socketFd, maxBody](QObject *anchor) -> Status {
            QTcpServer *tcp = nullptr;
            if (tls) {
                auto *ssl = new QSslServer(anchor);
                ssl->setSslConfiguration(*tls);
                QObject::connect(ssl, &QSslServer::errorOccurred, ssl, [](QSslSocket *socket, QAbstractSocket::SocketError) {
                    qCDebug(lcServer) << "TLS connection from" << socket->peerAddress().toString() << "failed:" << socket->errorString();
                });
                tcp = ssl;
            } else {
                tcp = new QTcpServer(anchor);
            }
            if (!tcp->setSocketDescriptor(socketFd)) {
                ::close(socketFd);
                return Error::make(Error::Code::Unavailable, QStringLiteral("cannot adopt the listening socket"));
            }
            if (options.workerRealtimePriority > 0 && raiseWorkerPriority(options.workerRealtimePriority))
                ++m_realtimeWorkers;
            if (options.workerMinCycleUs > 0)
                batchWorkerWakeups(anchor, options.workerMinCycleUs);
            auto *http = new WorkerServer(m_router, m_auth, maxBody, m_wsHandler, &m_rest, anchor);
            http->setLimits(options.limits);
            http->bind(tcp);
            return okStatus();
        });
        if (!started) {
            if (i == 0)
                return started.error();
            break;
        }
        m_threads.push_back(std::move(thread));
    }
    m_port = port;
    m_tls = tls.has_value();
    qCInfo(lcServer) << "listening on" << (m_tls ? "https/wss" : "http/ws") << options.address.toString() << "port" << m_port << "with"
                     << m_threads.size() << "network workers";
    return okStatus();
}

void ServerPool::stop()
{
    for (auto &t : m_threads)
        t->stop(); // the worker's servers and sessions are destroyed on its thread
    m_threads.clear();
    m_rest.waitForDone(); // replies of handlers still running are dropped (their servers are gone)
}

} // namespace Leadline::Server
