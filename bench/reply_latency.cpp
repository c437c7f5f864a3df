// reply_latency: what a person on the phone waits for Leadline, measured at the caller. The real
// /media endpoint (ServerPool, MediaEndpoint, CallSession) runs with the real vendor clients
// (DeepgramStt, OpenAiChat, ElevenLabsTts) against loopback emulators of the vendors at fixed
// latencies (bench/vendoremulators.h): Deepgram endpointing as the product asks (300 ms), LLM
// first token after 300 ms then 50 tokens/s, TTS first audio byte after 150 ms. Simulated Exotel
// callers (their own thread) stream 20 ms frames at real pace, wait for the agent's audio to
// play out, say their next line, and measure:
//   reply_ms    = the last frame of the caller's line sent -> the first agent media frame received
//   greeting_ms = `start` sent -> the first agent media frame received
// Like the dialer, the bench tells a GreetingPrimer of each call before it "rings" for --ring-ms
// (the greeting is synthesised meanwhile; --ring-ms 0: no priming, the greeting is synthesised
// at `start`).
// Prints one JSON line (p50/p90/max over every reply of every call).
// --phrase-cache 0: every reply's opening clause goes to TTS (no PhraseCache).
// --warm-phrases 0: the cache starts empty (the product, like the bench by default, prepares the
// opening acknowledgements at start: GreetingPrimer::warmPhrases).
// --check (the CTest reply_latency_e2e): exit 1 unless every call completed with its outcome and
// fields, every reply and greeting was measured at the caller, the replies came sooner than the
// serial sum of the vendors' stage times measured in the same run (end-of-speech wait + LLM first
// token + TTS first audio, p50 each), and the greeting sooner than a TTS round trip (p90 against
// the TTS first-audio p50). Ratios within the run, no absolute times.
// Usage: reply_latency [--calls 20] [--concurrency 4] [--speculate-ms 120] [--ring-ms 3000] [--phrase-cache 1] [--warm-phrases 1] [--check]
#include "anycallrecorder.h"
#include "exotelcaller.h"
#include "vendoremulators.h"

#include "conversation/greetingprimer.h"
#include "conversation/mediaendpoint.h"
#include "core/clock.h"
#include "providers/deepgram/deepgramstt.h"
#include "providers/elevenlabs/elevenlabstts.h"
#include "providers/openai/openaichat.h"
#include "server/requestauth.h"
#include "server/serverpool.h"
#include "telephony/mediaprotocol.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMutex>
#include <QThread>
#include <QTimer>
#include <QWebSocket>

using namespace Leadline;

namespace {

// What one TTS request costs until its first audio, measured here against the same vendor (the
// median of three): the baseline the greeting and the replies are held against in --check.
double ttsRoundTripMs(const Providers::ElevenLabsConfig &config)
{
    QNetworkAccessManager nam;
    Providers::ElevenLabsTts tts(&nam, config);
    QList<double> firsts;
    for (int i = 0; i < 3; ++i) {
        QEventLoop loop;
        QElapsedTimer t;
        double first = -1;
        QObject::connect(&tts, &Providers::TextToSpeech::audio, &loop, [&](int, const QByteArray &) {
            if (first < 0)
                first = t.nsecsElapsed() / 1e6;
        });
        QObject::connect(&tts, &Providers::TextToSpeech::done, &loop, [&](int) { loop.quit(); });
        QObject::connect(&tts, &Providers::TextToSpeech::failed, &loop, [&](int, const Error &) { loop.quit(); });
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        t.start();
        tts.synthesize(i + 1, QStringLiteral("Hello, this is a latency probe."), Providers::TtsOptions{});
        loop.exec();
        if (first >= 0)
            firsts << first;
    }
    return Bench::percentile(firsts, 50);
}

const QStringList kLines = {QStringLiteral("Yes, I am interested."), QStringLiteral("About 75 lakh, call me tomorrow evening.")};
const QList<int> kLineMs = {1200, 2000};


class EmulatedVendors final : public Providers::ProviderFactory
{
public:
    Providers::DeepgramConfig deepgram;
    Providers::OpenAiConfig openai;
    Providers::ElevenLabsConfig eleven;
    std::unique_ptr<Providers::SpeechToText> createStt(QNetworkAccessManager *) const override
    {
        return std::make_unique<Providers::DeepgramStt>(deepgram);
    }
    std::unique_ptr<Providers::LanguageModel> createLlm(QNetworkAccessManager *nam) const override
    {
        return std::make_unique<Providers::OpenAiChat>(nam, openai);
    }
    std::unique_ptr<Providers::TextToSpeech> createTts(QNetworkAccessManager *nam) const override
    {
        return std::make_unique<Providers::ElevenLabsTts>(nam, eleven);
    }
    QString describe() const override { return QStringLiteral("emulated vendors"); }
};

// One simulated Exotel leg that listens, speaks its lines after the agent finished, and times
// what it hears. Thread: the client thread.
class MeasuringCaller : public QObject
{
public:
    MeasuringCaller(const QUrl &url, int index, int ringMs, QObject *parent) : QObject(parent), m_index(index)
    {
        m_ws = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
        connect(m_ws, &QWebSocket::connected, this, &MeasuringCaller::onConnected);
        connect(m_ws, &QWebSocket::textMessageReceived, this, [this](const QString &m) { onServer(m.toUtf8()); });
        connect(m_ws, &QWebSocket::disconnected, this, [this] { m_done = true; m_timer.stop(); });
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, &MeasuringCaller::tick);
        QTimer::singleShot(ringMs, this, [this, url] { m_ws->open(url); }); // the phone rings, then the lead answers
    }
    bool done() const { return m_done; }
    qint64 greetingMs = -1;
    QList<qint64> replyMs;

private:
    QString sid() const { return QStringLiteral("%1").arg(m_index, 32, 16, QLatin1Char('0')); }
    void onConnected()
    {
        m_clock.start();
        m_ws->sendTextMessage(QStringLiteral(R"({"event":"connected"})"));
        const QJsonObject start{{QStringLiteral("event"), QStringLiteral("start")},
                                {QStringLiteral("sequence_number"), 1},
                                {QStringLiteral("stream_sid"), sid()},
                                {QStringLiteral("start"), QJsonObject{{QStringLiteral("stream_sid"), sid()},
                                                                      {QStringLiteral("call_sid"), sid()},
                                                                      {QStringLiteral("account_sid"), QStringLiteral("bench")},
                                                                      {QStringLiteral("from"), QStringLiteral("09876543210")},
                                                                      {QStringLiteral("to"), QStringLiteral("08047112233")},
                                                                      {QStringLiteral("media_format"), QJsonObject{{QStringLiteral("encoding"), QStringLiteral("raw/slin")},
                                                                                                                   {QStringLiteral("sample_rate"), QStringLiteral("8000")},
                                                                                                                   {QStringLiteral("bit_rate"), QStringLiteral("128kbps")}}}}}};
        m_ws->sendTextMessage(QString::fromUtf8(QJsonDocument(start).toJson(QJsonDocument::Compact)));
        m_startAt = m_clock.elapsed();
        m_waitingSince = m_startAt;
        m_timer.start(5);
    }
    void tick()
    {
        // Frames leave when their 20 ms have been "captured", like Exotel's.
        while (!m_done && m_clock.elapsed() >= m_audioMs + 20) {
            QByteArray pcm;
            if (m_speakingLeft > 0) {
                pcm = Audio::tone(20, 8000, 180.0 + 40.0 * ((m_audioMs / 200) % 3), 0.3);
                m_speakingLeft -= 20;
                if (m_speakingLeft <= 0) {
                    m_speechEndAt = m_clock.elapsed();
                    m_waitingSince = m_speechEndAt;
                }
            } else {
                pcm = Audio::silence(20, 8000);
                // The agent has finished (played out, a moment of quiet): say the next line.
                const bool answered = m_waitingSince < 0;
                if (answered && m_line < kLines.size() && m_clock.elapsed() >= m_playEnd + 400 && m_clock.elapsed() >= m_lastMediaAt + 400) {
                    m_speakingLeft = kLineMs.at(m_line++);
                }
            }
            ++m_chunk;
            m_ws->sendTextMessage(QString::fromUtf8(Telephony::mediaFrame(sid(), pcm, m_chunk, m_audioMs)));
            m_audioMs += 20;
        }
    }
    void onServer(const QByteArray &frame)
    {
        const QJsonObject o = QJsonDocument::fromJson(frame).object();
        const QString ev = o.value(QStringLiteral("event")).toString();
        const qint64 now = m_clock.elapsed();
        if (ev == QLatin1String("media")) {
            if (m_waitingSince >= 0) {
                if (m_speechEndAt < 0)
                    greetingMs = now - m_startAt;
                else
                    replyMs.append(now - m_speechEndAt);
                m_waitingSince = -1;
            }
            m_lastMediaAt = now;
            const qint64 ms = QByteArray::fromBase64(o[QStringLiteral("media")][QStringLiteral("payload")].toString().toLatin1()).size() / 16;
            m_playEnd = std::max(m_playEnd, now) + ms;
        } else if (ev == QLatin1String("clear")) {
            m_playEnd = now;
        } else if (ev == QLatin1String("mark")) {
            const QByteArray echo = frame;
            QTimer::singleShot(int(std::max<qint64>(0, m_playEnd - now)), this, [this, echo] {
                if (m_ws->isValid())
                    m_ws->sendTextMessage(QString::fromUtf8(echo));
            });
        }
    }

    int m_index;
    QWebSocket *m_ws;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_audioMs = 0;
    qint64 m_chunk = 0;
    qint64 m_startAt = 0;
    qint64 m_speechEndAt = -1;
    qint64 m_waitingSince = -1; // waiting for the agent's first frame (greeting or reply)
    qint64 m_playEnd = 0;
    qint64 m_lastMediaAt = 0;
    int m_speakingLeft = 0;
    int m_line = 0;
    bool m_done = false;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    const QCommandLineOption callsOpt(QStringLiteral("calls"), QStringLiteral("calls in all"), QStringLiteral("n"), QStringLiteral("20"));
    const QCommandLineOption concOpt(QStringLiteral("concurrency"), QStringLiteral("calls at once"), QStringLiteral("n"), QStringLiteral("4"));
    const QCommandLineOption specOpt(QStringLiteral("speculate-ms"), QStringLiteral("SessionConfig::speculateAfterSilenceMs (0 = off)"),
                                     QStringLiteral("ms"), QStringLiteral("120"));
    const QCommandLineOption ringOpt(QStringLiteral("ring-ms"), QStringLiteral("the phone rings this long before the lead answers (0 = no greeting priming)"),
                                     QStringLiteral("ms"), QStringLiteral("3000"));
    const QCommandLineOption cacheOpt(QStringLiteral("phrase-cache"), QStringLiteral("SessionConfig::phraseCache (1/0)"), QStringLiteral("on"),
                                      QStringLiteral("1"));
    const QCommandLineOption warmOpt(QStringLiteral("warm-phrases"), QStringLiteral("prepare the opening acknowledgements at start (1/0)"),
                                     QStringLiteral("on"), QStringLiteral("1"));
    const QCommandLineOption checkOpt(QStringLiteral("check"), QStringLiteral("exit 1 unless the calls and their latencies are as they must be"));
    p.addOptions({callsOpt, concOpt, specOpt, ringOpt, cacheOpt, warmOpt, checkOpt});
    p.process(app);
    const int calls = qMax(1, p.value(callsOpt).toInt());
    const int concurrency = qBound(1, p.value(concOpt).toInt(), calls);
    const int ringMs = qMax(0, p.value(ringOpt).toInt());
    QLoggingCategory::setFilterRules(QStringLiteral("leadline.*.info=false\nleadline.*.warning=false"));

    // The vendors, on their own thread.
    QThread vendorThread;
    vendorThread.setObjectName(QStringLiteral("bench-vendors"));
    QObject *vendorHost = new QObject;
    vendorHost->moveToThread(&vendorThread);
    vendorThread.start();
    EmulatedVendors vendors;
    QMetaObject::invokeMethod(vendorHost, [&] {
        auto *dg = new Bench::DeepgramEmulator(kLines, vendorHost);
        auto *llm = Bench::openAiEmulator([](int userTurns) {
            if (userTurns <= 1)
                return Bench::LlmReply{QStringLiteral("Wonderful, thank you for your interest. What budget do you have in mind for the flat?"), {}};
            return Bench::LlmReply{QStringLiteral("Perfect, I have noted 75 lakh. Our advisor will call you tomorrow evening. Thank you!"),
                                   QJsonObject{{QStringLiteral("outcome"), QStringLiteral("interested")},
                                               {QStringLiteral("budget"), QStringLiteral("75 lakh")},
                                               {QStringLiteral("callback_time"), QStringLiteral("tomorrow evening")}}};
        }, 300, 50, vendorHost);
        auto *tts = Bench::elevenLabsEmulator(150, vendorHost);
        vendors.deepgram.baseUrl = dg->url();
        vendors.deepgram.apiKey = "dg-bench";
        vendors.openai.baseUrl = QUrl(llm->baseUrl() + QStringLiteral("/v1"));
        vendors.openai.apiKey = "sk-bench";
        vendors.eleven.baseUrl = QUrl(tts->baseUrl());
        vendors.eleven.apiKey = "el-bench";
        vendors.eleven.voiceId = QStringLiteral("bench-voice");
    }, Qt::BlockingQueuedConnection);

    SystemClock clock;
    Bench::AnyCallRecorder recorder;
    Conversation::SessionConfig sessionConfig;
    sessionConfig.screening.enabled = false; // a latency bench: the caller is a person
    sessionConfig.speculateAfterSilenceMs = p.value(specOpt).toInt(); // the product runs 120 (app/main.cpp)
    sessionConfig.phraseCache = p.value(cacheOpt).toInt() != 0;
    Conversation::MediaEndpoint endpoint(vendors, recorder, clock, Conversation::MediaAuthConfig{}, sessionConfig);
    std::unique_ptr<Conversation::GreetingPrimer> primer;
    if (ringMs > 0) { // as the product: the dialer tells it of each call it rings
        primer = std::make_unique<Conversation::GreetingPrimer>(vendors, recorder, clock);
        endpoint.setGreetingPrimer(primer.get());
    }
    const bool warm = sessionConfig.phraseCache && p.value(warmOpt).toInt() != 0;
    std::unique_ptr<Conversation::GreetingPrimer> warmer;
    if (warm) { // as Engine::start(): before the first call
        warmer = std::make_unique<Conversation::GreetingPrimer>(vendors, recorder, clock);
        warmer->warmPhrases(endpoint.phraseCache());
        QElapsedTimer t;
        t.start();
        int last = -1;
        while (t.elapsed() < 15000) { // until the cache stops growing
            QThread::msleep(300);
            QCoreApplication::processEvents();
            if (endpoint.phraseCache().size() == last && last > 0)
                break;
            last = endpoint.phraseCache().size();
        }
    }
    const int warmed = endpoint.phraseCache().size();
    QMutex statsMutex;
    QList<double> serverReply, endOfSpeech, llmFirstToken, ttsFirstAudio;
    int sessions = 0, speculative = 0, dropped = 0;
    QObject::connect(&endpoint, &Conversation::MediaEndpoint::sessionFinished, &app,
                     [&](qint64, const Conversation::SessionStats &s) {
                         QMutexLocker lock(&statsMutex);
                         ++sessions;
                         speculative += s.speculativeRequests;
                         dropped += s.speculativeDropped;
                         for (qint64 us : s.responseLatencyUs)
                             serverReply.append(us / 1000.0);
                         for (qint64 us : s.endOfSpeechWaitUs)
                             endOfSpeech.append(us / 1000.0);
                         for (qint64 us : s.llmFirstTokenUs)
                             llmFirstToken.append(us / 1000.0);
                         for (qint64 us : s.ttsFirstAudioUs)
                             ttsFirstAudio.append(us / 1000.0);
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

    QThread clientThread;
    clientThread.setObjectName(QStringLiteral("bench-callers"));
    QObject *host = new QObject;
    host->moveToThread(&clientThread);
    clientThread.start();
    QList<double> replies, greetings;
    int started = 0, finished = 0;
    QList<MeasuringCaller *> live;
    QElapsedTimer wall;
    wall.start();
    while ((finished < calls) && wall.elapsed() < 60000 + calls * 15000 / concurrency) {
        QMetaObject::invokeMethod(host, [&] {
            for (int i = 0; i < live.size(); ++i) {
                MeasuringCaller *c = live.at(i);
                if (!c->done())
                    continue;
                for (qint64 ms : c->replyMs)
                    replies.append(double(ms));
                if (c->greetingMs >= 0)
                    greetings.append(double(c->greetingMs));
                delete c;
                live.removeAt(i--);
                ++finished;
            }
            while (live.size() < concurrency && started < calls) {
                const QString token = QStringLiteral("%1").arg(started, 16, 16, QLatin1Char('0'));
                const QUrl url(QStringLiteral("ws://127.0.0.1:%1/media?sample-rate=8000&lc=%2").arg(pool.port()).arg(token));
                if (primer) // AnyCallRecorder's call id for this token
                    primer->dialing(token.right(6).toLongLong(nullptr, 16) + 1, token);
                live.append(new MeasuringCaller(url, started, ringMs, host));
                ++started;
            }
        }, Qt::BlockingQueuedConnection);
        QCoreApplication::processEvents(QEventLoop::AllEvents, 100);
        QThread::msleep(100);
    }
    QMetaObject::invokeMethod(host, [host] { delete host; }, Qt::BlockingQueuedConnection);
    clientThread.quit();
    clientThread.wait();
    pool.stop();
    const double ttsRoundTrip = p.isSet(checkOpt) ? ttsRoundTripMs(vendors.eleven) : -1; // while the vendors are up
    QMetaObject::invokeMethod(vendorHost, [vendorHost] { delete vendorHost; }, Qt::BlockingQueuedConnection);
    vendorThread.quit();
    vendorThread.wait();

    QMutexLocker lock(&statsMutex);
    const QJsonObject result{
        {QStringLiteral("bench"), QStringLiteral("reply_latency")},
        {QStringLiteral("calls"), calls},
        {QStringLiteral("calls_completed"), finished},
        {QStringLiteral("concurrency"), concurrency},
        {QStringLiteral("replies"), replies.size()},
        {QStringLiteral("reply_ms_p50"), Bench::percentile(replies, 50)},
        {QStringLiteral("reply_ms_p90"), Bench::percentile(replies, 90)},
        {QStringLiteral("reply_ms_max"), Bench::percentile(replies, 100)},
        {QStringLiteral("greeting_ms_p50"), Bench::percentile(greetings, 50)},
        {QStringLiteral("greeting_ms_p90"), Bench::percentile(greetings, 90)},
        {QStringLiteral("server_reply_ms_p50"), Bench::percentile(serverReply, 50)},
        {QStringLiteral("speculate_after_silence_ms"), sessionConfig.speculateAfterSilenceMs},
        {QStringLiteral("ring_ms"), ringMs},
        {QStringLiteral("phrase_cache"), sessionConfig.phraseCache},
        {QStringLiteral("phrase_cache_hits"), endpoint.phraseCache().hits()},
        {QStringLiteral("phrases_warmed"), warmed},
        {QStringLiteral("llm_requests_speculative"), speculative},
        {QStringLiteral("llm_requests_speculative_dropped"), dropped},
        {QStringLiteral("vendor_latency_ms"), QJsonObject{{QStringLiteral("deepgram_endpointing"), 300}, {QStringLiteral("llm_first_token"), 300},
                                                          {QStringLiteral("llm_tokens_per_s"), 50}, {QStringLiteral("tts_first_byte"), 150}}},
    };
    printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    fflush(stdout);
    if (!p.isSet(checkOpt))
        return 0;

    QStringList problems;
    if (finished != calls)
        problems << QStringLiteral("%1 of %2 calls completed").arg(finished).arg(calls);
    if (replies.size() != 2 * calls || greetings.size() != calls)
        problems << QStringLiteral("measured %1 replies (expected %2) and %3 greetings (expected %4) at the caller")
                        .arg(replies.size()).arg(2 * calls).arg(greetings.size()).arg(calls);
    const auto outcomes = recorder.outcomes();
    if (outcomes.size() != calls)
        problems << QStringLiteral("%1 of %2 calls stored an outcome").arg(outcomes.size()).arg(calls);
    for (auto it = outcomes.cbegin(); it != outcomes.cend(); ++it) {
        auto field = [&](const char *key) {
            const QJsonValue v = it->fields.value(QLatin1String(key));
            return (v.isObject() ? v.toObject().value(QStringLiteral("value")) : v).toString();
        };
        if (it->outcome != QLatin1String("interested") || field("budget") != QLatin1String("75 lakh")
            || field("callback_time") != QLatin1String("tomorrow evening"))
            problems << QStringLiteral("call %1: outcome %2, budget \"%3\", callback \"%4\"")
                            .arg(it.key()).arg(it->outcome, field("budget"), field("callback_time"));
    }
    const double serial = Bench::percentile(endOfSpeech, 50) + Bench::percentile(llmFirstToken, 50) + ttsRoundTrip;
    const double reply = Bench::percentile(replies, 50);
    printf("{\"check\":\"reply_vs_serial\",\"reply_ms_p50\":%.0f,\"serial_stage_sum_ms_p50\":%.0f,\"ratio\":%.2f,\"tts_round_trip_ms\":%.0f,"
           "\"greeting_ms_p90\":%.0f}\n",
           reply, serial, serial > 0 ? reply / serial : 0.0, ttsRoundTrip, Bench::percentile(greetings, 90));
    if (!(reply < 0.85 * serial))
        problems << QStringLiteral("replies are not overlapped: p50 %1 ms against the serial stage sum %2 ms").arg(reply).arg(serial);
    if (ringMs > 0 && !(Bench::percentile(greetings, 90) < ttsRoundTrip))
        problems << QStringLiteral("the greeting (p90 %1 ms) was not faster than a TTS round trip (p50 %2 ms)")
                        .arg(Bench::percentile(greetings, 90)).arg(ttsRoundTrip);
    for (const QString &problem : std::as_const(problems))
        fprintf(stderr, "reply_latency --check: %s\n", qPrintable(problem));
    return problems.isEmpty() ? 0 : 1;
}
