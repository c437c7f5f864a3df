// Deepgram live STT client: message parsing (reference shapes) and a session against a loopback
// WebSocket server that checks the upgrade (auth header, query), receives binary audio and
// answers with interim/final/speech_final/UtteranceEnd messages.
#include "providers/deepgram/deepgramstt.h"

#include <QSignalSpy>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocketServer>
#include <QtTest>
#include <memory>

using namespace Leadline;
using namespace Leadline::Providers;

class tst_DeepgramStt : public QObject
{
    Q_OBJECT
private slots:
    void parse_data();
    void parse();
    void streamUrl();
    void session();
    void drainsAfterCloseStream_data();
    void drainsAfterCloseStream();
    void reopensADroppedStream_data();
    void reopensADroppedStream();
    void givesUpAfterTheReconnectBudget();
};

void tst_DeepgramStt::parse_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("transcript");
    QTest::addColumn<bool>("isFinal");
    QTest::addColumn<bool>("speechFinal");
    QTest::addColumn<QString>("language");
    using T = DeepgramMessage::Type;
    QTest::newRow("final with language")
        << QByteArray(R"({"type":"Results","is_final":true,"speech_final":true,"channel":{"alternatives":[{"transcript":"haan ji, do BHK chahiye","confidence":0.93,"languages":["hi"]}]}})")
        << int(T::Results) << "haan ji, do BHK chahiye" << true << true << "hi";
    QTest::newRow("interim") << QByteArray(R"({"type":"Results","is_final":false,"speech_final":false,"channel":{"alternatives":[{"transcript":"haan"}]}})")
                             << int(T::Results) << "haan" << false << false << "";
    QTest::newRow("reply to Finalize") << QByteArray(R"({"type":"Results","is_final":true,"from_finalize":true,"channel":{"alternatives":[{"transcript":"ok"}]}})")
                                       << int(T::Results) << "ok" << true << true << "";
    QTest::newRow("speech started") << QByteArray(R"({"type":"SpeechStarted","channel":[0,1],"timestamp":12.04})") << int(T::SpeechStarted) << "" << false << false << "";
    QTest::newRow("utterance end") << QByteArray(R"({"type":"UtteranceEnd","channel":[0,1],"last_word_end":13.61})") << int(T::UtteranceEnd) << "" << false << false << "";
    QTest::newRow("metadata") << QByteArray(R"({"type":"Metadata","request_id":"x","duration":41.2})") << int(T::Metadata) << "" << false << false << "";
    QTest::newRow("unknown type") << QByteArray(R"({"type":"Surprise"})") << int(T::Unknown) << "" << false << false << "";
    QTest::newRow("not json") << QByteArray("{oops") << int(T::Unknown) << "" << false << false << "";
}

void tst_DeepgramStt::parse()
{
    QFETCH(QByteArray, json);
    QFETCH(int, type);
    QFETCH(QString, transcript);
    QFETCH(bool, isFinal);
    QFETCH(bool, speechFinal);
    QFETCH(QString, language);
    const DeepgramMessage m = DeepgramStt::parse(json);
    QCOMPARE(int(m.type), type);
    QCOMPARE(m.transcript, transcript);
    QCOMPARE(m.isFinal, isFinal);
    QCOMPARE(m.speechFinal, speechFinal);
    QCOMPARE(m.language, language);
}

void tst_DeepgramStt::streamUrl()
{
    DeepgramConfig cfg;
    SttOptions opts;
    opts.language = QStringLiteral("multi");
    const QUrl url = DeepgramStt::streamUrl(cfg, opts);
    QCOMPARE(url.host(), QStringLiteral("api.deepgram.com"));
    QCOMPARE(url.path(), QStringLiteral("/v1/listen"));
    const QUrlQuery q(url);
    QCOMPARE(q.queryItemValue(QStringLiteral("encoding")), QStringLiteral("linear16"));
    QCOMPARE(q.queryItemValue(QStringLiteral("sample_rate")), QStringLiteral("8000"));
    QCOMPARE(q.queryItemValue(QStringLiteral("language")), QStringLiteral("multi"));
    QCOMPARE(q.queryItemValue(QStringLiteral("interim_results")), QStringLiteral("true"));
    QCOMPARE(q.queryItemValue(QStringLiteral("utterance_end_ms")), QStringLiteral("1000"));
}

void tst_DeepgramStt::session()
{
    QWebSocketServer server(QStringLiteral("fake-deepgram"), QWebSocketServer::NonSecureMode);
    QVERIFY(server.listen(QHostAddress::LocalHost));
    QWebSocket *peer = nullptr;
    QByteArray authHeader;
    QString query;
    qint64 audioBytes = 0;
    QStringList controls;
    connect(&server, &QWebSocketServer::newConnection, this, [&] {
        peer = server.nextPendingConnection();
        peer->setParent(&server); // nextPendingConnection() hands over ownership (LeakSanitizer)
        authHeader = peer->request().rawHeader("Authorization");
        query = peer->requestUrl().query();
        connect(peer, &QWebSocket::binaryMessageReceived, this, [&](const QByteArray &b) {
            audioBytes += b.size();
            if (audioBytes == 3200) { // after 200 ms of audio: interim, final + speech_final
                peer->sendTextMessage(QStringLiteral(R"({"type":"SpeechStarted","timestamp":0.1})"));
                peer->sendTextMessage(QStringLiteral(R"({"type":"Results","is_final":false,"channel":{"alternatives":[{"transcript":"yes I"}]}})"));
                peer->sendTextMessage(QStringLiteral(R"({"type":"Results","is_final":true,"speech_final":true,"channel":{"alternatives":[{"transcript":"yes I am interested"}]}})"));
            }
        });
        connect(peer, &QWebSocket::textMessageReceived, this, [&](const QString &t) { controls << t; });
    });

    DeepgramConfig cfg;
    cfg.baseUrl = QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(server.serverPort()));
    cfg.apiKey = "dg-secret";
    DeepgramStt stt(cfg);
    QStringList finals, interims;
    int ends = 0, starts = 0;
    connect(&stt, &SpeechToText::transcript, this, [&](const QString &t, bool fin, const QString &) { (fin ? finals : interims) << t; });
    connect(&stt, &SpeechToText::endOfSpeech, this, [&] { ++ends; });
    connect(&stt, &SpeechToText::speechStarted, this, [&] { ++starts; });
    stt.start(SttOptions{});
    // Audio pushed before the socket opened is buffered and sent once it does.
    for (int i = 0; i < 10; ++i)
        stt.pushAudio(QByteArray(320, '\x01'));
    stt.pushAudio(QByteArray()); // never sent: an empty frame would end the stream
    QTRY_COMPARE_WITH_TIMEOUT(ends, 1, 5000);
    QCOMPARE(authHeader, QByteArray("Token dg-secret"));
    QVERIFY(query.contains(QStringLiteral("encoding=linear16")));
    QCOMPARE(finals, QStringList{QStringLiteral("yes I am interested")});
    QCOMPARE(interims, QStringList{QStringLiteral("yes I")});
    QCOMPARE(starts, 1);
    QCOMPARE(audioBytes, 3200);
    stt.finalize();
    QTRY_VERIFY_WITH_TIMEOUT(controls.contains(QStringLiteral(R"({"type":"Finalize"})")), 5000);
    // An UtteranceEnd without new speech does not end another turn.
    peer->sendTextMessage(QStringLiteral(R"({"type":"UtteranceEnd","last_word_end":1.2})"));
    QTest::qWait(100);
    QCOMPARE(ends, 1);
    QSignalSpy failed(&stt, &SpeechToText::failed);
    stt.stop();
    QTRY_VERIFY_WITH_TIMEOUT(controls.contains(QStringLiteral(R"({"type":"CloseStream"})")), 5000);
    QTest::qWait(100);
    QCOMPARE(failed.count(), 0); // a close we asked for is not a failure
}

void tst_DeepgramStt::drainsAfterCloseStream_data()
{
    QTest::addColumn<bool>("serverCloses");
    QTest::newRow("Deepgram closes after its last results") << true;
    QTest::newRow("Deepgram never closes: bounded wait") << false;
}

// The caller's last words are still being recognised when the call ends: after CloseStream the
// client keeps the socket until Deepgram sent them (or drainMs passed), instead of closing at once.
void tst_DeepgramStt::drainsAfterCloseStream()
{
    QFETCH(bool, serverCloses);
    QWebSocketServer server(QStringLiteral("fake-deepgram"), QWebSocketServer::NonSecureMode);
    QVERIFY(server.listen(QHostAddress::LocalHost));
    QWebSocket *peer = nullptr;
    bool peerSawClose = false;
    bool peerHeardAudio = false;
    std::unique_ptr<QWebSocket> ownedPeer; // nextPendingConnection() hands over ownership
    connect(&server, &QWebSocketServer::newConnection, this, [&] {
        ownedPeer.reset(peer = server.nextPendingConnection());
        connect(peer, &QWebSocket::disconnected, this, [&] { peerSawClose = true; });
        connect(peer, &QWebSocket::binaryMessageReceived, this, [&] { peerHeardAudio = true; });
        connect(peer, &QWebSocket::textMessageReceived, this, [&](const QString &t) {
            if (!t.contains(QStringLiteral("CloseStream")))
                return;
            // A late final, 150 ms after CloseStream (Deepgram flushes what it still holds).
            QTimer::singleShot(150, peer, [&] {
                peer->sendTextMessage(QStringLiteral(R"({"type":"Results","is_final":true,"from_finalize":true,"channel":{"alternatives":[{"transcript":"call me tomorrow"}]}})"));
                peer->sendTextMessage(QStringLiteral(R"({"type":"Metadata","request_id":"r1"})"));
                if (serverCloses)
                    peer->close();
            });
        });
    });
    DeepgramConfig cfg;
    cfg.baseUrl = QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(server.serverPort()));
    cfg.drainMs = serverCloses ? 60000 : 300; // closing by Deepgram must not sit out the bound
    DeepgramStt stt(cfg);
    QStringList finals;
    connect(&stt, &SpeechToText::transcript, this, [&](const QString &t, bool fin, const QString &) { if (fin) finals << t; });
    QSignalSpy failed(&stt, &SpeechToText::failed);
    QSignalSpy drained(&stt, &DeepgramStt::drained);
    stt.start(SttOptions{});
    stt.pushAudio(QByteArray(320, '\x01'));
    QTRY_VERIFY_WITH_TIMEOUT(peerHeardAudio, 5000); // the socket is open: the audio went through it
    stt.stop();
    QVERIFY(stt.draining());
    QTRY_COMPARE_WITH_TIMEOUT(drained.count(), 1, 10000);
    QCOMPARE(finals, QStringList{QStringLiteral("call me tomorrow")});
    QTRY_VERIFY_WITH_TIMEOUT(peerSawClose, 5000);
    QCOMPARE(failed.count(), 0);
}

void tst_DeepgramStt::reopensADroppedStream_data()
{
    QTest::addColumn<bool>("reset");
    QTest::newRow("connection reset") << true;
    QTest::newRow("closed 1011 by Deepgram") << false;
}

// A blip of Deepgram's mid-call is a pause, not the end of the call: the stream is reopened, the
// caller's audio of the gap goes to the new stream, and its words still come.
void tst_DeepgramStt::reopensADroppedStream()
{
    QFETCH(bool, reset);
    QWebSocketServer server(QStringLiteral("fake-deepgram"), QWebSocketServer::NonSecureMode);
    QVERIFY(server.listen(QHostAddress::LocalHost));
    std::vector<std::unique_ptr<QWebSocket>> peers; // nextPendingConnection() hands over ownership
    QList<qint64> bytes;
    connect(&server, &QWebSocketServer::newConnection, this, [&] {
        QWebSocket *peer = server.nextPendingConnection();
        peers.emplace_back(peer);
        const int n = int(bytes.size());
        bytes << 0;
        if (n == 0)
            server.pauseAccepting(); // the new stream opens only once the test says so
        connect(peer, &QWebSocket::binaryMessageReceived, this, [&, peer, n](const QByteArray &b) {
            bytes[n] += b.size();
            if (n == 0 && bytes[n] >= 1600) { // the first stream drops once it has some audio
                if (reset)
                    peer->abort();
                else
                    peer->close(QWebSocketProtocol::CloseCodeBadOperation, QStringLiteral("internal error"));
            } else if (n == 1 && bytes[n] >= 1600) {
                peer->sendTextMessage(QStringLiteral(R"({"type":"Results","is_final":true,"speech_final":true,"channel":{"alternatives":[{"transcript":"call me tomorrow evening"}]}})"));
            }
        });
    });
    DeepgramConfig cfg;
    cfg.baseUrl = QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(server.serverPort()));
    DeepgramStt stt(cfg);
    QStringList finals;
    connect(&stt, &SpeechToText::transcript, this, [&](const QString &t, bool fin, const QString &) { if (fin) finals << t; });
    QSignalSpy failed(&stt, &SpeechToText::failed);
    QSignalSpy ends(&stt, &SpeechToText::endOfSpeech);
    QSignalSpy reconnected(&stt, &SpeechToText::reconnected);
    stt.start(SttOptions{});
    for (int i = 0; i < 5; ++i)
        stt.pushAudio(QByteArray(320, '\x01'));
    QTRY_COMPARE_WITH_TIMEOUT(bytes.size(), 1, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(peers.front()->state() == QAbstractSocket::UnconnectedState, 5000);
    QTest::qWait(50);
    for (int i = 0; i < 5; ++i) // the caller goes on talking through the gap
        stt.pushAudio(QByteArray(320, '\x02'));
    QCOMPARE(bytes.size(), 1);
    server.resumeAccepting();
    QTRY_COMPARE_WITH_TIMEOUT(ends.count(), 1, 5000);
    QCOMPARE(bytes.size(), 2);
    QCOMPARE(bytes.at(1), qint64(1600)); // the gap's audio, on the new stream
    QCOMPARE(finals, QStringList{QStringLiteral("call me tomorrow evening")});
    QCOMPARE(failed.count(), 0);
    QCOMPARE(reconnected.count(), 1); // counted on /metrics (leadline_vendor_reconnects_total)
    QVERIFY(reconnected.first().first().toLongLong() >= 50); // the gap: the server held the new stream back
}

// Deepgram does not come back: the failure is reported once the reconnect budget is spent.
void tst_DeepgramStt::givesUpAfterTheReconnectBudget()
{
    QWebSocketServer server(QStringLiteral("fake-deepgram"), QWebSocketServer::NonSecureMode);
    QVERIFY(server.listen(QHostAddress::LocalHost));
    std::unique_ptr<QWebSocket> peer;
    connect(&server, &QWebSocketServer::newConnection, this, [&] { peer.reset(server.nextPendingConnection()); });
    DeepgramConfig cfg;
    cfg.baseUrl = QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(server.serverPort()));
    cfg.reconnectBudgetMs = 600;
    DeepgramStt stt(cfg);
    QSignalSpy failed(&stt, &SpeechToText::failed);
    stt.start(SttOptions{});
    QTRY_VERIFY_WITH_TIMEOUT(peer != nullptr, 5000);
    QTest::qWait(50);
    server.close(); // nobody listens any more
    QElapsedTimer since;
    since.start();
    peer->abort();
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 5000);
    QVERIFY2(since.elapsed() >= 500, qPrintable(QString::number(since.elapsed()))); // it kept trying for the budget
    QTest::qWait(400);
    QCOMPARE(failed.count(), 1);
}

QTEST_GUILESS_MAIN(tst_DeepgramStt)
#include "tst_deepgramstt.moc"
