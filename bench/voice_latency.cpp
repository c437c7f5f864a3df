// voice_latency: K simultaneous calls through the real /media endpoint (ServerPool with one
// worker per core, CallSession, fake vendors of fixed latency) driven by an Exotel-protocol
// client on its own thread that streams shared/testdata/exotel/interested.jsonl at real pace
// and echoes marks. Prints one JSON line per K:
//   server_added_ms p50/p99 = (STT end-of-speech event -> first outbound media frame) minus
//                             what the fakes spent (LLM until the first sentence + TTS first audio)
//   pacing_late_ms p99      = how late outbound frames left against their real-time schedule
// Usage: voice_latency [--calls 1,100] [--testdata DIR]
#include "conversation/mediaendpoint.h"
#include "core/clock.h"
#include "providers/fake/fakeproviderfactory.h"
#include "server/requestauth.h"
#include "server/serverpool.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMutex>
#include <QThread>
#include <QTimer>
#include <QWebSocket>
#include <algorithm>

using namespace Leadline;

namespace {

class AnyCallRecorder final : public Conversation::CallRecorder
{
public:
    void lookup(const Conversation::CallKey &key, QObject *context, std::function<void(Result<Conversation::CallContext>)> done) override
    {
        Conversation::CallContext ctx;
        ctx.callId = key.token.right(6).toLongLong(nullptr, 16) + 1;
        ctx.leadName = QStringLiteral("Bench Lead");
        ctx.leadLanguage = QStringLiteral("English");
        QMetaObject::invokeMethod(context, [done, ctx] { done(ctx); }, Qt::QueuedConnection);
    }
    void callAnswered(qint64, const QString &, const QString &, qint64) override {}
    void appendTurn(const Storage::TurnRow &) override {}
    void addDnc(const QString &, const QString &) override {}
    void finishCall(qint64, const Storage::CallOutcome &, const QString &, qint64) override {}
};

// One simulated Exotel leg: streams the fixture at 20 ms pace, echoes marks after playback.
class Caller : public QObject
{
public:
    Caller(const QList<QByteArray> &frames, const QUrl &url, QObject *parent) : QObject(parent), m_frames(frames)
    {
        m_ws = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
        connect(m_ws, &QWebSocket::connected, this, [this] { m_clock.start(); tick(); });
        connect(m_ws, &QWebSocket::textMessageReceived, this, [this](const QString &m) { onServer(m.toUtf8()); });
        connect(m_ws, &QWebSocket::disconnected, this, [this] { m_done = true; });
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, [this] { tick(); });
        m_ws->open(url);
    }
    bool done() const { return m_done; }

private:
    void tick()
    {
        while (m_index < m_frames.size()) {
            const QByteArray f = m_frames.at(m_index);
            if (f.contains("\"event\":\"media\"")) {
                if (m_clock.elapsed() < m_audioMs) {
                    m_timer.start(int(m_audioMs - m_clock.elapsed()));
                    return;
                }
                m_audioMs += 20;
            }
            if (f.contains("\"event\":\"stop\"")) {
                // Hold the line (silence) until the agent hangs up, at most 15 s.
                if (m_clock.elapsed() < m_audioMs + 15000 && !m_done) {
                    m_timer.start(100);
                    return;
                }
            }
            ++m_index;
            m_ws->sendTextMessage(QString::fromUtf8(f));
        }
    }
    void onServer(const QByteArray &frame)
    {
        const QJsonObject o = QJsonDocument::fromJson(frame).object();
        const QString ev = o.value(QStringLiteral("event")).toString();
        const qint64 now = m_clock.elapsed();
        if (ev == QLatin1String("media")) {
            const qint64 ms = QByteArray::fromBase64(o[QStringLiteral("media")][QStringLiteral("payload")].toString().toLatin1()).size() / 16;
            m_playEnd = std::max(m_playEnd, now) + ms;
        } else if (ev == QLatin1String("clear")) {
            m_playEnd = now;
            ++m_epoch;
        } else if (ev == QLatin1String("mark")) {
            const QByteArray echo = frame;
            const int epoch = m_epoch;
            QTimer::singleShot(int(std::max<qint64>(0, m_playEnd - now)), this, [this, echo, epoch] {
                if (epoch == m_epoch && m_ws->isValid())
                    m_ws->sendTextMessage(QString::fromUtf8(echo));
            });
        }
    }

    QList<QByteArray> m_frames;
    QWebSocket *m_ws;
    QTimer m_timer;
    QElapsedTimer m_clock;
    int m_index = 0;
    qint64 m_audioMs = 0;
    qint64 m_playEnd = 0;
    int m_epoch = 0;
    bool m_done = false;
};

double percentile(QList<double> v, double p)
{
    if (v.isEmpty())
        return -1;
    std::sort(v.begin(), v.end());
    const int idx = std::min<int>(int(v.size()) - 1, int(std::ceil(p / 100.0 * v.size())) - 1);
    return v.at(std::max(0, idx));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    const QCommandLineOption callsOpt(QStringLiteral("calls"), QStringLiteral("comma-separated call counts"), QStringLiteral("list"), QStringLiteral("1,100"));
    const QCommandLineOption dataOpt(QStringLiteral("testdata"), QStringLiteral("shared/testdata directory"), QStringLiteral("dir"),
                                     QStringLiteral(LEADLINE_TESTDATA_DIR));
    p.addOptions({callsOpt, dataOpt});
    p.process(app);

    QList<QByteArray> frames;
    QFile f(p.value(dataOpt) + QStringLiteral("/exotel/interested.jsonl"));
    if (!f.open(QIODevice::ReadOnly)) {
        qCritical("cannot read the fixture: %s", qPrintable(f.fileName()));
        return 2;
    }
    for (const QByteArray &l : f.readAll().split('\n'))
        if (!l.trimmed().isEmpty())
            frames.append(l.trimmed());

    QLoggingCategory::setFilterRules(QStringLiteral("leadline.*.info=false\nleadline.*.warning=false"));
    SystemClock clock;
    AnyCallRecorder recorder;
    // Fixed vendor latencies (subtracted from the measurement).
    Providers::FakeLatencies lat{80, 150, 15, 90, 20};
    Providers::FakeProviderFactory providers({QStringLiteral("Yes, I am interested."), QStringLiteral("Please call me tomorrow evening.")}, lat);
    Conversation::MediaAuthConfig auth;
    Conversation::MediaEndpoint endpoint(providers, recorder, clock, auth, Conversation::SessionConfig{});
    QMutex statsMutex;
    QList<double> serverAdded, jitter;
    int sessions = 0;
    QObject::connect(&endpoint, &Conversation::MediaEndpoint::sessionFinished, &app,
                     [&](qint64, const Conversation::SessionStats &s) {
                         QMutexLocker lock(&statsMutex);
                         ++sessions;
                         for (int i = 0; i < s.responseLatencyUs.size(); ++i)
                             serverAdded.append((s.responseLatencyUs.at(i) - s.vendorLatencyUs.value(i)) / 1000.0);
                         for (qint64 j : s.pacingJitterUs)
                             jitter.append(j / 1000.0);
                     }, Qt::DirectConnection);
    Server::Router router;
    router.addWebSocketPath(QStringLiteral("/media"));
    Server::RequestAuth restAuth("unused");
    Server::ServerPool pool(router, restAuth);
    pool.setWebSocketHandler([&endpoint](std::unique_ptr<QWebSocket> ws, QObject *worker) { endpoint.handle(std::move(ws), worker); });
    Server::ServerOptions opts;
    opts.address = QHostAddress::LocalHost;
    opts.port = 0;
    opts.workers = qMax(1, QThread::idealThreadCount());
    if (!pool.start(opts)) {
        qCritical("cannot start the server");
        return 1;
    }

    for (const QString &k : p.value(callsOpt).split(QLatin1Char(','))) {
        const int calls = k.toInt();
        {
            QMutexLocker lock(&statsMutex);
            serverAdded.clear();
            jitter.clear();
            sessions = 0;
        }
        QThread clientThread;
        clientThread.setObjectName(QStringLiteral("bench-clients"));
        QObject *host = new QObject;
        host->moveToThread(&clientThread);
        QList<Caller *> callers;
        clientThread.start();
        QMetaObject::invokeMethod(host, [&] {
            for (int i = 0; i < calls; ++i) {
                const QUrl url(QStringLiteral("ws://127.0.0.1:%1/media?sample-rate=8000&lc=%2").arg(pool.port()).arg(i, 16, 16, QLatin1Char('0')));
                callers.append(new Caller(frames, url, host));
            }
        }, Qt::BlockingQueuedConnection);
        QElapsedTimer wall;
        wall.start();
        while (wall.elapsed() < 60000) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
            QMutexLocker lock(&statsMutex);
            if (sessions >= calls)
                break;
        }
        QMetaObject::invokeMethod(host, [host] { delete host; }, Qt::BlockingQueuedConnection);
        clientThread.quit();
        clientThread.wait();
        QMutexLocker lock(&statsMutex);
        const QJsonObject result{
            {QStringLiteral("bench"), QStringLiteral("voice_latency")},
            {QStringLiteral("calls"), calls},
            {QStringLiteral("calls_completed"), sessions},
            {QStringLiteral("turns"), serverAdded.size()},
            {QStringLiteral("server_added_ms_p50"), percentile(serverAdded, 50)},
            {QStringLiteral("server_added_ms_p99"), percentile(serverAdded, 99)},
            {QStringLiteral("pacing_late_ms_p50"), percentile(jitter, 50)},
            {QStringLiteral("pacing_late_ms_p90"), percentile(jitter, 90)},
            {QStringLiteral("pacing_late_ms_p99"), percentile(jitter, 99)},
            {QStringLiteral("frames_measured"), jitter.size()},
            {QStringLiteral("workers"), pool.workerCount()},
            {QStringLiteral("fake_latency_ms"), QJsonObject{{QStringLiteral("stt"), lat.sttMs}, {QStringLiteral("llm_first"), lat.llmFirstMs},
                                                            {QStringLiteral("llm_token"), lat.llmTokenMs}, {QStringLiteral("tts_first"), lat.ttsFirstMs}}},
        };
        printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
        fflush(stdout);
    }
    pool.stop();
    return 0;
}
