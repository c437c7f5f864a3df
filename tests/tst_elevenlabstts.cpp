// ElevenLabs streaming TTS client against a loopback server: pcm_8000 request shape, audio
// streamed in odd-sized pieces reassembled without losing a byte, sentences served in order,
// blips (429 with and without Retry-After, 5xx) retried in order within the budget, other
// vendor errors reported per sentence, cancel drops the queue.
#include "fakes/streamingserver.h"
#include "providers/elevenlabs/elevenlabstts.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QtTest>

using namespace Leadline;
using namespace Leadline::Providers;

class tst_ElevenLabsTts : public QObject
{
    Q_OBJECT
private slots:
    void requestBody();
    void streamsAudioInOrder();
    void errorIsReportedAndNextSentenceStillRuns();
    void blipsAreRetriedInOrder();
    void droppedAfterReadingIsNotSentAgain_data();
    void droppedAfterReadingIsNotSentAgain();
    void warmUpOpensTheConnectionAhead();
};

void tst_ElevenLabsTts::requestBody()
{
    ElevenLabsConfig cfg;
    TtsOptions hi;
    hi.language = QStringLiteral("hi");
    QJsonObject b = QJsonDocument::fromJson(ElevenLabsTts::requestBody(QStringLiteral("पचास लाख"), hi, cfg)).object();
    QCOMPARE(b.value(QStringLiteral("model_id")).toString(), QStringLiteral("eleven_flash_v2_5"));
    QCOMPARE(b.value(QStringLiteral("language_code")).toString(), QStringLiteral("hi"));
    cfg.model = QStringLiteral("eleven_multilingual_v2"); // rejects language_code
    b = QJsonDocument::fromJson(ElevenLabsTts::requestBody(QStringLiteral("x"), hi, cfg)).object();
    QVERIFY(!b.contains(QStringLiteral("language_code")));
}

static QByteArray pcm(int bytes, char seed)
{
    QByteArray b(bytes, Qt::Uninitialized);
    for (int i = 0; i < bytes; ++i)
        b[i] = char(seed + i * 7);
    return b;
}

static ElevenLabsConfig configFor(const Testing::StreamingServer &server, const QString &voice, const QByteArray &apiKey)
{
    ElevenLabsConfig cfg;
    cfg.baseUrl = QUrl(server.baseUrl());
    cfg.apiKey = apiKey;
    cfg.voiceId = voice;
    return cfg;
}

namespace {
// An ElevenLabsTts on `server` and what it reported, by sentence id: the audio, the sentences
// done and failed, and the last failure as "<id> <message>".
struct Synthesis
{
    explicit Synthesis(const Testing::StreamingServer &server, const QString &voice = QStringLiteral("v"),
                       const QByteArray &apiKey = {})
        : tts(&nam, configFor(server, voice, apiKey))
    {
        QObject::connect(&tts, &TextToSpeech::audio, &tts, [this](int id, const QByteArray &b) { audio[id] += b; });
        QObject::connect(&tts, &TextToSpeech::done, &tts, [this](int id) { done << id; });
        QObject::connect(&tts, &TextToSpeech::failed, &tts, [this](int id, const Error &e) {
            failed << id;
            error = QString::number(id) + QLatin1Char(' ') + e.message;
        });
    }
    // Sentence 1 "one", then sentence 2 "two".
    void sayOneTwo()
    {
        tts.synthesize(1, QStringLiteral("one"), TtsOptions{});
        tts.synthesize(2, QStringLiteral("two"), TtsOptions{});
    }

    QNetworkAccessManager nam;
    ElevenLabsTts tts;
    QMap<int, QByteArray> audio;
    QList<int> done, failed;
    QString error;
};
} // namespace

void tst_ElevenLabsTts::streamsAudioInOrder()
{
    Testing::StreamingServer server;
    const QByteArray first = pcm(4801, 1).left(4800), second = pcm(1600, 9);
    // Odd piece sizes: samples split across pieces.
    server.push({200, {{"Content-Type", "audio/pcm"}}, {first.left(333), first.mid(333, 1001), first.mid(1334)}, 3});
    server.push({200, {{"Content-Type", "audio/pcm"}}, {second}, 3});
    Synthesis s(server, QStringLiteral("voice123"), "el-secret");
    connect(&s.tts, &TextToSpeech::audio, this, [](int, const QByteArray &b) { QVERIFY(b.size() % 2 == 0); });
    s.tts.synthesize(1, QStringLiteral("Namaste Rahul ji."), TtsOptions{});
    s.tts.synthesize(2, QStringLiteral("Kya abhi baat kar sakte hain?"), TtsOptions{});
    QTRY_COMPARE_WITH_TIMEOUT(s.done, (QList<int>{1, 2}), 5000);
    QCOMPARE(s.audio.value(1), first);
    QCOMPARE(s.audio.value(2), second);
    QCOMPARE(server.requests.size(), 2);
    QVERIFY(server.requests.first().head.startsWith("POST /v1/text-to-speech/voice123/stream?output_format=pcm_8000"));
    QVERIFY(server.requests.first().head.contains("xi-api-key: el-secret"));
    QCOMPARE(QJsonDocument::fromJson(server.requests.first().body).object().value(QStringLiteral("text")).toString(),
             QStringLiteral("Namaste Rahul ji."));
}

void tst_ElevenLabsTts::errorIsReportedAndNextSentenceStillRuns()
{
    Testing::StreamingServer server;
    // A Retry-After longer than the caller can wait: reported at once (the fallback voice speaks).
    server.push({429, {{"Content-Type", "application/json"}, {"Retry-After", "30"}},
                 {R"({"detail":{"status":"too_many_concurrent_requests","message":"Too many concurrent requests"}})"}});
    server.push({200, {{"Content-Type", "audio/pcm"}}, {pcm(640, 3)}});
    Synthesis s(server);
    s.sayOneTwo();
    QTRY_COMPARE_WITH_TIMEOUT(s.done, QList<int>{2}, 5000);
    QVERIFY2(s.error.startsWith(QStringLiteral("1 ")) && s.error.contains(QStringLiteral("too_many_concurrent_requests")), qPrintable(s.error));

    // cancel(): nothing more is emitted for queued sentences.
    server.push({200, {{"Content-Type", "audio/pcm"}}, {pcm(640, 3)}, 50});
    s.done.clear();
    s.tts.synthesize(3, QStringLiteral("three"), TtsOptions{});
    s.tts.synthesize(4, QStringLiteral("four"), TtsOptions{});
    s.tts.cancel();
    QTest::qWait(300);
    QVERIFY(s.done.isEmpty());
}

void tst_ElevenLabsTts::blipsAreRetriedInOrder()
{
    Testing::StreamingServer server;
    const QByteArray busy = R"({"detail":{"status":"system_busy","message":"busy"}})";
    server.push({429, {{"Content-Type", "application/json"}}, {busy}});                              // no Retry-After
    server.push({503, {{"Content-Type", "application/json"}}, {"{}"}});                               // 5xx
    server.push({200, {{"Content-Type", "audio/pcm"}}, {pcm(641, 1).left(333), pcm(641, 1).mid(333)}}); // odd pieces
    server.push({429, {{"Content-Type", "application/json"}, {"Retry-After", "0.05"}}, {busy}});      // Retry-After (seconds)
    server.push({200, {{"Content-Type", "audio/pcm"}}, {pcm(320, 5)}});
    Synthesis s(server);
    s.sayOneTwo();
    QTRY_COMPARE_WITH_TIMEOUT(s.done, (QList<int>{1, 2}), 5000);
    QVERIFY(s.failed.isEmpty());
    QCOMPARE(s.audio.value(1), pcm(641, 1).left(640));
    QCOMPARE(s.audio.value(2), pcm(320, 5));
    QCOMPARE(server.requests.size(), 5);
    auto text = [&](int i) { return QJsonDocument::fromJson(server.requests.at(i).body).object().value(QStringLiteral("text")).toString(); };
    QCOMPARE((QStringList{text(0), text(1), text(2), text(3), text(4)}),
             (QStringList{QStringLiteral("one"), QStringLiteral("one"), QStringLiteral("one"), QStringLiteral("two"), QStringLiteral("two")}));
}

void tst_ElevenLabsTts::droppedAfterReadingIsNotSentAgain_data()
{
    QTest::addColumn<int>("drop");
    QTest::newRow("closed after reading") << int(Testing::StreamingServer::Response::Drop::Close);
    QTest::newRow("reset after reading") << int(Testing::StreamingServer::Response::Drop::Reset);
}

// ElevenLabs read the request and the connection died: it may have been billed. Qt's HTTP stack
// would send it again by itself; the client must not (the caller's spare voice says it instead).
void tst_ElevenLabsTts::droppedAfterReadingIsNotSentAgain()
{
    QFETCH(int, drop);
    Testing::StreamingServer server;
    Testing::StreamingServer::Response dropped;
    dropped.drop = Testing::StreamingServer::Response::Drop(drop);
    server.push(dropped);
    server.push({200, {{"Content-Type", "audio/pcm"}}, {pcm(640, 3)}});
    Synthesis s(server);
    s.sayOneTwo();
    QTRY_COMPARE_WITH_TIMEOUT(s.done, QList<int>{2}, 5000);
    QCOMPARE(s.failed, QList<int>{1});
    QCOMPARE(server.requests.size(), 2); // "one" once, then "two"
    QCOMPARE(QJsonDocument::fromJson(server.requests.at(1).body).object().value(QStringLiteral("text")).toString(), QStringLiteral("two"));
}

void tst_ElevenLabsTts::warmUpOpensTheConnectionAhead()
{
    // TCP (and TLS for https) is done while the call is matched, not when the first sentence goes.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    QNetworkAccessManager nam;
    ElevenLabsConfig cfg;
    cfg.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort()));
    ElevenLabsTts tts(&nam, cfg);
    QVERIFY(!server.hasPendingConnections());
    tts.warmUp();
    QTRY_VERIFY_WITH_TIMEOUT(server.hasPendingConnections(), 5000);
}

QTEST_GUILESS_MAIN(tst_ElevenLabsTts)
#include "tst_elevenlabstts.moc"
