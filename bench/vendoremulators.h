// Loopback emulators of the three speech vendors at fixed latencies, speaking their documented
// wire protocols to Leadline's real clients (reference: vendors.md):
//  - Deepgram live streaming (WebSocket /v1/listen): an energy VAD over the received linear16
//    audio; SpeechStarted at onset, interim Results while speech goes on (a word every ~330 ms
//    of speech, each 300 ms; the last words kInterimLatencyMs after the speaker stopped, our
//    model of the recogniser's processing delay), a final Results with speech_final after
//    `endpointing` ms of silence (from the URL, as the client asks) or at once on Finalize; the
//    Nth utterance of a connection is transcribed as script[N]; CloseStream is answered by closing.
//  - OpenAI chat completions (POST /v1/chat/completions, SSE): the first token after
//    firstTokenMs, then tokensPerSecond (a token is up to 4 characters, as OpenAI's average);
//    the reply and its end_call tool call depend on how many user turns the request holds.
//  - ElevenLabs streaming TTS (POST /v1/text-to-speech/{voice}/stream, pcm_8000): the first
//    audio byte after firstByteMs, then 60 ms of audio per character, streamed 4x real time.
// Requests are HTTP/1.1 with Connection: close. Thread: the thread that creates them (run them
// on their own, so they answer on time while the product works).
#pragma once

#include "audio/pcm.h"
#include "audio/vad.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>
#include <QWebSocketServer>
#include <functional>
#include <memory>

namespace Leadline::Bench {

class DeepgramEmulator : public QObject
{
public:
    explicit DeepgramEmulator(QStringList script, QObject *parent = nullptr) : QObject(parent), m_script(std::move(script))
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QWebSocketServer::newConnection, this, [this] {
            while (QWebSocket *ws = m_server.nextPendingConnection())
                serve(ws);
        });
    }
    QUrl url() const { return QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(m_server.serverPort())); }

private:
    struct Stream
    {
        std::unique_ptr<Audio::EnergyVad> vad;
        int rate = 8000;
        int utterance = 0;
        bool inSpeech = false;
        bool finalSent = true;
        qint64 speechStartMs = 0;
        qint64 lastInterimMs = 0;
        bool fullInterimSent = false;
    };
    static constexpr int kInterimLatencyMs = 150;
    static QString results(const QString &text, bool isFinal, bool speechFinal)
    {
        const QJsonObject alt{{QStringLiteral("transcript"), text}, {QStringLiteral("confidence"), 0.98}};
        const QJsonObject o{{QStringLiteral("type"), QStringLiteral("Results")},
                            {QStringLiteral("is_final"), isFinal},
                            {QStringLiteral("speech_final"), speechFinal},
                            {QStringLiteral("channel"), QJsonObject{{QStringLiteral("alternatives"), QJsonArray{alt}}}}};
        return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
    }
    void serve(QWebSocket *ws)
    {
        ws->setParent(this);
        auto st = std::make_shared<Stream>();
        const QUrlQuery q(ws->requestUrl());
        st->rate = q.queryItemValue(QStringLiteral("sample_rate")).toInt() > 0 ? q.queryItemValue(QStringLiteral("sample_rate")).toInt() : 8000;
        const int endpointing = q.queryItemValue(QStringLiteral("endpointing")).toInt() > 0 ? q.queryItemValue(QStringLiteral("endpointing")).toInt() : 300;
        st->vad = std::make_unique<Audio::EnergyVad>(Audio::EnergyVad::Config{300.0, 4.0, 60, endpointing});
        auto sendFinal = [this, ws, st] {
            if (st->finalSent)
                return;
            st->finalSent = true;
            ws->sendTextMessage(results(m_script.value(st->utterance++), true, true));
        };
        connect(ws, &QWebSocket::binaryMessageReceived, ws, [this, ws, st, sendFinal](const QByteArray &pcm) {
            { // the client sends one message per 20 ms media frame
                const auto ev = st->vad->feed(pcm, st->rate);
                const qint64 pos = st->vad->positionMs();
                if (ev == Audio::EnergyVad::Event::SpeechStarted) {
                    st->inSpeech = true;
                    st->finalSent = false;
                    st->speechStartMs = pos;
                    st->lastInterimMs = pos;
                    st->fullInterimSent = false;
                    ws->sendTextMessage(QStringLiteral(R"({"type":"SpeechStarted","timestamp":%1})").arg(pos / 1000.0));
                } else if (ev == Audio::EnergyVad::Event::SpeechEnded) {
                    st->inSpeech = false;
                    sendFinal();
                } else if (st->inSpeech && !st->fullInterimSent && pos - st->vad->lastSpeechEndMs() >= kInterimLatencyMs) {
                    // The speaker stopped: the recogniser has caught up with the last words.
                    st->fullInterimSent = true;
                    ws->sendTextMessage(results(m_script.value(st->utterance), false, false));
                } else if (st->inSpeech && pos - st->lastInterimMs >= 300 && pos - st->vad->lastSpeechEndMs() < 40) {
                    // Interim: the words so far (about 3 words a second).
                    st->lastInterimMs = pos;
                    const QStringList words = m_script.value(st->utterance).split(QLatin1Char(' '), Qt::SkipEmptyParts);
                    const int n = qMin(int(words.size()), int((pos - st->speechStartMs) / 330) + 1);
                    ws->sendTextMessage(results(QStringList(words.mid(0, n)).join(QLatin1Char(' ')), false, false));
                }
            }
        });
        connect(ws, &QWebSocket::textMessageReceived, ws, [ws, sendFinal](const QString &t) {
            if (t.contains(QLatin1String("\"Finalize\"")))
                sendFinal();
            else if (t.contains(QLatin1String("\"CloseStream\"")))
                ws->close();
        });
        connect(ws, &QWebSocket::disconnected, ws, &QObject::deleteLater);
    }

    QStringList m_script;
    QWebSocketServer m_server{QStringLiteral("deepgram-emulator"), QWebSocketServer::NonSecureMode};
};

// A raw HTTP/1.1 loopback server: reads one request per connection and hands it to `respond`.
class HttpEmulator : public QObject
{
public:
    struct Request
    {
        QByteArray head;
        QByteArray body;
    };
    using Responder = std::function<void(QTcpSocket *, const Request &)>;
    explicit HttpEmulator(Responder respond, QObject *parent = nullptr) : QObject(parent), m_respond(std::move(respond))
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection())
                serve(s);
        });
    }
    QString baseUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()); }
    int requests = 0;

private:
    void serve(QTcpSocket *s)
    {
        auto buffer = std::make_shared<QByteArray>();
        connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
        connect(s, &QTcpSocket::readyRead, s, [this, s, buffer] {
            buffer->append(s->readAll());
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            qsizetype length = 0;
            for (const QByteArray &line : buffer->left(end).split('\n'))
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            if (buffer->size() < end + 4 + length)
                return;
            disconnect(s, &QTcpSocket::readyRead, s, nullptr);
            ++requests;
            m_respond(s, Request{buffer->left(end), buffer->mid(end + 4, length)});
        });
    }
    QTcpServer m_server;
    Responder m_respond;
};

// Writes `pieces` to the socket: the first after firstMs, then one every intervalMs; then closes.
inline void streamPieces(QTcpSocket *s, const QByteArray &head, QList<QByteArray> pieces, int firstMs, int intervalMs)
{
    auto rest = std::make_shared<QList<QByteArray>>(std::move(pieces));
    auto *timer = new QTimer(s);
    timer->setTimerType(Qt::PreciseTimer);
    QTimer::singleShot(firstMs, Qt::PreciseTimer, s, [s, head, rest, timer, intervalMs] {
        s->write(head);
        auto step = [s, rest, timer] {
            if (rest->isEmpty()) {
                timer->stop();
                s->disconnectFromHost();
                return;
            }
            s->write(rest->takeFirst());
        };
        step();
        QObject::connect(timer, &QTimer::timeout, s, step);
        timer->start(intervalMs);
    });
}

struct LlmReply
{
    QString text;
    QJsonObject endCall; // empty: no tool call
};

inline HttpEmulator *openAiEmulator(std::function<LlmReply(int userTurns)> replies, int firstTokenMs, int tokensPerSecond, QObject *parent)
{
    const int interval = 1000 / qMax(1, tokensPerSecond);
    return new HttpEmulator(
        [replies, firstTokenMs, interval](QTcpSocket *s, const HttpEmulator::Request &r) {
            const LlmReply reply = replies(int(r.body.count("\"role\":\"user\"")));
            auto chunk = [](const QJsonObject &delta, const QJsonValue &finish = QJsonValue()) -> QByteArray {
                const QJsonObject choice{{QStringLiteral("index"), 0}, {QStringLiteral("delta"), delta}, {QStringLiteral("finish_reason"), finish}};
                const QJsonObject o{{QStringLiteral("id"), QStringLiteral("chatcmpl-bench")},
                                    {QStringLiteral("object"), QStringLiteral("chat.completion.chunk")},
                                    {QStringLiteral("choices"), QJsonArray{choice}}};
                return "data: " + QJsonDocument(o).toJson(QJsonDocument::Compact) + "\n\n";
            };
            QList<QByteArray> pieces;
            for (qsizetype i = 0; i < reply.text.size(); i += 4) // a token: up to 4 characters
                pieces << chunk(QJsonObject{{QStringLiteral("content"), reply.text.mid(i, 4)}});
            if (!reply.endCall.isEmpty()) {
                const QString args = QString::fromUtf8(QJsonDocument(reply.endCall).toJson(QJsonDocument::Compact));
                for (qsizetype i = 0; i < args.size(); i += 4) {
                    QJsonObject fn{{QStringLiteral("arguments"), args.mid(i, 4)}};
                    QJsonObject call{{QStringLiteral("index"), 0}, {QStringLiteral("function"), fn}};
                    if (i == 0) {
                        fn.insert(QStringLiteral("name"), QStringLiteral("end_call"));
                        call = QJsonObject{{QStringLiteral("index"), 0}, {QStringLiteral("id"), QStringLiteral("call_1")},
                                           {QStringLiteral("type"), QStringLiteral("function")}, {QStringLiteral("function"), fn}};
                    }
                    pieces << chunk(QJsonObject{{QStringLiteral("tool_calls"), QJsonArray{call}}});
                }
                pieces << chunk(QJsonObject{}, QStringLiteral("tool_calls"));
            } else {
                pieces << chunk(QJsonObject{}, QStringLiteral("stop"));
            }
            pieces << "data: [DONE]\n\n";
            streamPieces(s, "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n", pieces, firstTokenMs, interval);
        },
        parent);
}

inline HttpEmulator *elevenLabsEmulator(int firstByteMs, QObject *parent)
{
    return new HttpEmulator(
        [firstByteMs](QTcpSocket *s, const HttpEmulator::Request &r) {
            const QString text = QJsonDocument::fromJson(r.body).object().value(QStringLiteral("text")).toString();
            const int ms = qMax(300, int(text.size()) * 60);
            const QByteArray pcm = Audio::tone(ms, 8000, 220.0, 0.2);
            QList<QByteArray> pieces;
            const int piece = 100 * Audio::bytesPerMs(8000) + 1; // odd sizes, as the vendor's chunks are
            for (qsizetype i = 0; i < pcm.size(); i += piece)
                pieces << pcm.mid(i, piece);
            streamPieces(s, "HTTP/1.1 200 OK\r\nContent-Type: audio/pcm\r\nConnection: close\r\n\r\n", pieces, firstByteMs, 25);
        },
        parent);
}

} // namespace Leadline::Bench
