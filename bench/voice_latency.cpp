// voice_latency: K simultaneous calls through the real /media endpoint (ServerPool with one
// worker per core, CallSession, fake vendors of fixed latency) driven by an Exotel-protocol
// client on its own thread that streams tests/data/exotel/interested.jsonl at real pace
// and echoes marks. Prints one JSON line per K:
//   server_added_ms p50/p99 = (STT end-of-speech event -> first outbound media frame) minus
//                             what the fakes spent (LLM until the first sentence + TTS first audio)
//   pacing_late_ms p99      = how late outbound frames left against their real-time schedule
// Usage: voice_latency [--calls 1,100] [--testdata DIR]
#include "exotelcaller.h"

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

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    const QCommandLineOption callsOpt(QStringLiteral("calls"), QStringLiteral("comma-separated call counts"), QStringLiteral("list"), QStringLiteral("1,100"));
    const QCommandLineOption dataOpt(QStringLiteral("testdata"), QStringLiteral("tests/data directory"), QStringLiteral("dir"),
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
        QList<Bench::ExotelCaller *> callers;
        clientThread.start();
        QMetaObject::invokeMethod(host, [&] {
            for (int i = 0; i < calls; ++i) {
                const QUrl url(QStringLiteral("ws://127.0.0.1:%1/media?sample-rate=8000&lc=%2").arg(pool.port()).arg(i, 16, 16, QLatin1Char('0')));
                callers.append(new Bench::ExotelCaller(frames, url, host));
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
            {QStringLiteral("server_added_ms_p50"), Bench::percentile(serverAdded, 50)},
            {QStringLiteral("server_added_ms_p99"), Bench::percentile(serverAdded, 99)},
            {QStringLiteral("pacing_late_ms_p50"), Bench::percentile(jitter, 50)},
            {QStringLiteral("pacing_late_ms_p90"), Bench::percentile(jitter, 90)},
            {QStringLiteral("pacing_late_ms_p99"), Bench::percentile(jitter, 99)},
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
