// WorkerServer / ServerPool: a REST handler never runs on the network worker that paces live
// calls. A slow handler (standing in for a big CSV import) runs on a REST thread while a paced
// 20 ms stream on the same worker keeps its schedule; the reply still reaches the client, and a
// client that hangs up before the reply costs nothing.
#include "server/requestauth.h"
#include "server/router.h"
#include "server/serverpool.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <QWebSocket>
#include <QAbstractEventDispatcher>
#include <QtTest>

#include <pthread.h>
#include <sched.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace Leadline;
using namespace Leadline::Server;
using Method = QHttpServerRequest::Method;

namespace {

// Lateness of a 20 ms schedule kept by a timer on the worker, like a call's outbound audio.
struct PaceLog
{
    QMutex mutex;
    QList<QPair<qint64, qint64>> ticks; // (wall ms since start, lateness ms)
    QElapsedTimer wall;
    QThread *workerThread = nullptr;

    qint64 maxLateness(qint64 fromMs, qint64 toMs)
    {
        QMutexLocker lock(&mutex);
        qint64 worst = 0;
        for (const auto &t : std::as_const(ticks))
            if (t.first >= fromMs && t.first <= toMs)
                worst = qMax(worst, t.second);
        return worst;
    }
    int count(qint64 fromMs, qint64 toMs)
    {
        QMutexLocker lock(&mutex);
        int n = 0;
        for (const auto &t : std::as_const(ticks))
            n += (t.first >= fromMs && t.first <= toMs) ? 1 : 0;
        return n;
    }
};

} // namespace

class tst_WorkerServer : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void handlerRunsOffTheWorker();
    void slowRequestDoesNotDelayPacing();
    void clientGoneBeforeReply();
    void realtimeWorkersWhenAllowed();
    void workerWakeupsAreBatched();

private:
    QByteArray get(const QString &path, int *status = nullptr, qint64 *elapsedMs = nullptr);

    std::unique_ptr<Router> m_router;
    std::unique_ptr<RequestAuth> m_auth;
    std::unique_ptr<ServerPool> m_pool;
    std::unique_ptr<PaceLog> m_pace;
    std::atomic<QThread *> m_handlerThread{nullptr};
    std::atomic<int> m_slowStarted{0}, m_slowDone{0}; // /slow handlers entered and returned
    static constexpr int kSlowMs = 600;
};

void tst_WorkerServer::init()
{
    m_pace = std::make_unique<PaceLog>();
    m_pace->wall.start();
    m_router = std::make_unique<Router>();
    m_router->add(Method::Get, QStringLiteral("/where"), [this](const RouteContext &) {
        m_handlerThread = QThread::currentThread();
        return HttpResponse::text("here", "text/plain");
    }, Access::Public);
    m_slowStarted = 0;
    m_slowDone = 0;
    m_router->add(Method::Get, QStringLiteral("/slow"), [this](const RouteContext &ctx) {
        ++m_slowStarted;
        QThread::msleep(kSlowMs); // a 1M-row import, as far as the worker can tell
        auto reply = HttpResponse::text("done " + ctx.request.query().queryItemValue(QStringLiteral("n")).toUtf8(), "text/plain");
        ++m_slowDone;
        return reply;
    }, Access::Public);
    m_router->addWebSocketPath(QStringLiteral("/media"));
    m_auth = std::make_unique<RequestAuth>("unused");
    m_pool = std::make_unique<ServerPool>(*m_router, *m_auth);
    PaceLog *pace = m_pace.get();
    m_pool->setWebSocketHandler([pace](std::unique_ptr<QWebSocket> ws, QObject *worker) {
        pace->workerThread = QThread::currentThread();
        QWebSocket *socket = ws.release();
        socket->setParent(worker);
        auto *timer = new QTimer(socket);
        timer->setTimerType(Qt::PreciseTimer);
        auto *next = new qint64(pace->wall.elapsed() + 20);
        QObject::connect(socket, &QObject::destroyed, [next] { delete next; });
        QObject::connect(timer, &QTimer::timeout, socket, [pace, timer, next, socket] {
            const qint64 now = pace->wall.elapsed();
            {
                QMutexLocker lock(&pace->mutex);
                pace->ticks.append({now, qMax<qint64>(0, now - *next)});
            }
            socket->sendBinaryMessage(QByteArray(160, '\x7f')); // one frame of audio
            *next += 20;
            timer->start(int(qMax<qint64>(0, *next - pace->wall.elapsed())));
        });
        timer->setSingleShot(true);
        timer->start(20);
    });
    ServerOptions opts;
    opts.address = QHostAddress::LocalHost;
    opts.port = 0;
    opts.workers = 1; // the call and the REST requests share this worker
    opts.restThreads = 2;
    QVERIFY(m_pool->start(opts));
}

void tst_WorkerServer::cleanup()
{
    m_pool.reset();
    m_auth.reset();
    m_router.reset();
}

QByteArray tst_WorkerServer::get(const QString &path, int *status, qint64 *elapsedMs)
{
    QNetworkAccessManager nam;
    QElapsedTimer t;
    t.start();
    QNetworkReply *reply = nam.get(QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_pool->port()).arg(path))));
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!done.wait(20000))
        return QByteArray();
    if (status)
        *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (elapsedMs)
        *elapsedMs = t.elapsed();
    const QByteArray body = reply->readAll();
    reply->deleteLater();
    return body;
}

void tst_WorkerServer::handlerRunsOffTheWorker()
{
    QWebSocket ws;
    QSignalSpy connected(&ws, &QWebSocket::connected);
    ws.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/media").arg(m_pool->port())));
    QVERIFY(connected.wait(10000));
    QTRY_VERIFY(m_pace->workerThread != nullptr);
    int status = 0;
    QCOMPARE(get(QStringLiteral("/where"), &status), QByteArray("here"));
    QCOMPARE(status, 200);
    QVERIFY(m_handlerThread.load());
    QVERIFY(m_handlerThread.load() != m_pace->workerThread);
    QCOMPARE(m_handlerThread.load()->objectName(), QStringLiteral("leadline-rest"));
    // Refusals that need no handler still answer.
    QByteArray body = get(QStringLiteral("/nope"), &status);
    QCOMPARE(status, 404);
    QVERIFY(body.contains("not_found"));
}

void tst_WorkerServer::slowRequestDoesNotDelayPacing()
{
    QWebSocket ws;
    QSignalSpy connected(&ws, &QWebSocket::connected);
    ws.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/media").arg(m_pool->port())));
    QVERIFY(connected.wait(10000));
    // Baseline: one second of pacing with nothing else going on.
    QTest::qWait(1000);
    const qint64 baseFrom = 200, baseTo = m_pace->wall.elapsed();
    const qint64 baseline = m_pace->maxLateness(baseFrom, baseTo);
    QVERIFY(m_pace->count(baseFrom, baseTo) > 10);

    const qint64 from = m_pace->wall.elapsed();
    int status = 0;
    qint64 took = 0;
    QCOMPARE(get(QStringLiteral("/slow?n=1"), &status, &took), QByteArray("done 1"));
    const qint64 to = m_pace->wall.elapsed();
    QCOMPARE(status, 200);
    QVERIFY2(took >= kSlowMs, qPrintable(QStringLiteral("the slow request took %1 ms").arg(took)));
    QVERIFY(m_pace->count(from, to) > 0);
    const qint64 during = m_pace->maxLateness(from, to);
    // Blocking the worker would make a frame late by the whole request (>= kSlowMs).
    QVERIFY2(during <= baseline + kSlowMs / 3,
             qPrintable(QStringLiteral("pacing lateness %1 ms during the slow request, %2 ms before it").arg(during).arg(baseline)));
}

void tst_WorkerServer::clientGoneBeforeReply()
{
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, m_pool->port());
    QVERIFY(client.waitForConnected(5000));
    client.write("GET /slow?n=2 HTTP/1.1\r\nHost: x\r\n\r\n");
    QVERIFY(client.waitForBytesWritten(5000));
    QTRY_COMPARE_WITH_TIMEOUT(m_slowStarted.load(), 1, 5000); // the handler runs
    client.abort(); // gone before the handler finishes
    QTRY_COMPARE_WITH_TIMEOUT(m_slowDone.load(), 1, 5000);   // and its reply finds the client gone
    // The server is fine and still answers.
    int status = 0;
    QCOMPARE(get(QStringLiteral("/where"), &status), QByteArray("here"));
    QCOMPARE(status, 200);
}

static ServerOptions oneWorker()
{
    ServerOptions opts;
    opts.address = QHostAddress::LocalHost;
    opts.port = 0;
    opts.workers = 1;
    return opts;
}

// Starts pool and opens ws on its /media; false when either fails.
static bool startAndConnect(ServerPool &pool, const ServerOptions &opts, QWebSocket &ws)
{
    if (!pool.start(opts))
        return false;
    QSignalSpy connected(&ws, &QWebSocket::connected);
    ws.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/media").arg(pool.port())));
    return connected.wait(10000);
}

void tst_WorkerServer::realtimeWorkersWhenAllowed()
{
    // A worker asks for SCHED_RR: granted where the process may (root, CAP_SYS_NICE or an
    // RLIMIT_RTPRIO of at least the priority), and otherwise an ordinary thread that still serves.
    rlimit rt{};
    ::getrlimit(RLIMIT_RTPRIO, &rt);
    const bool allowed = ::geteuid() == 0 || rt.rlim_cur >= 3;
    std::atomic<int> policy{-1}, priority{-1};
    ServerPool pool(*m_router, *m_auth);
    pool.setWebSocketHandler([&policy, &priority](std::unique_ptr<QWebSocket> ws, QObject *worker) {
        int p = 0;
        sched_param param{};
        pthread_getschedparam(pthread_self(), &p, &param);
        priority = param.sched_priority;
        policy = p;
        ws.release()->setParent(worker);
    });
    ServerOptions opts = oneWorker();
    opts.workerRealtimePriority = 3;
    QWebSocket ws;
    QVERIFY(startAndConnect(pool, opts, ws));
    QTRY_VERIFY(policy.load() >= 0);
    QCOMPARE(pool.realtimeWorkers(), allowed ? 1 : 0);
    QCOMPARE(policy.load(), allowed ? SCHED_RR : SCHED_OTHER);
    if (allowed)
        QCOMPARE(priority.load(), 3);
    // The default: ordinary threads (the test pool of init()).
    QCOMPARE(m_pool->realtimeWorkers(), 0);
}

void tst_WorkerServer::workerWakeupsAreBatched()
{
    // A client sends a message every millisecond for 400 ms. A worker with a 20 ms minimum
    // cycle reads them in batches: it goes back to poll() about 20 times, not for every
    // message (about 400), and every message still arrives, in order.
    std::atomic<int> wakeups{0};
    QMutex mutex;
    QList<int> received;
    ServerPool pool(*m_router, *m_auth);
    pool.setWebSocketHandler([&](std::unique_ptr<QWebSocket> ws, QObject *worker) {
        QWebSocket *socket = ws.release();
        socket->setParent(worker);
        QObject::connect(QAbstractEventDispatcher::instance(), &QAbstractEventDispatcher::aboutToBlock, socket, [&wakeups] { ++wakeups; },
                         Qt::DirectConnection);
        QObject::connect(socket, &QWebSocket::textMessageReceived, socket, [&](const QString &m) {
            QMutexLocker lock(&mutex);
            received.append(m.toInt());
        });
    });
    ServerOptions opts = oneWorker();
    opts.workerMinCycleUs = 20000;
    QWebSocket ws;
    QVERIFY(startAndConnect(pool, opts, ws));
    QTest::qWait(100);
    const int before = wakeups;
    QElapsedTimer t;
    t.start();
    int sent = 0;
    while (t.elapsed() < 400) {
        ws.sendTextMessage(QString::number(sent++));
        ws.flush();
        QThread::usleep(1000);
    }
    QTRY_COMPARE_WITH_TIMEOUT([&] { QMutexLocker lock(&mutex); return int(received.size()); }(), sent, 5000);
    const int during = wakeups - before;
    QVERIFY2(during < sent / 4, qPrintable(QStringLiteral("%1 wake-ups for %2 messages").arg(during).arg(sent)));
    QMutexLocker lock(&mutex);
    for (int i = 0; i < sent; ++i)
        QCOMPARE(received.at(i), i);
}

QTEST_GUILESS_MAIN(tst_WorkerServer)
#include "tst_workerserver.moc"
