// ExotelStreamCaller: plays a tests/data/exotel/*.jsonl fixture into a /media WebSocket the way
// Exotel's Voicebot applet does, and records what the server sends back.
// - Frames are sent verbatim (malformed lines stay malformed) except `start`, whose
//   custom_parameters/call_sid can be set to match a call row the test created.
// - `media` is paced by its audio length (20 ms per 320 B) on the system clock; other events go at
//   once, `dtmf` and `stop` once the audio before them has been played.
// - Plays the server's outbound audio in real time like Exotel's player: a `mark` is echoed once the
//   audio queued before it has played; `clear` drops queued audio and cancels pending marks.
// - holdMs: before `stop`, streams silence until the server closes or the hold runs out (lets the
//   agent say goodbye and hang up). After `stop` it closes with 1000; a fixture without `stop`
//   aborts the TCP connection (a lost call).
// Thread: the test's thread (its event loop must run: QTRY_* or QTest::qWait).
#pragma once

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>
#include <deque>

namespace Leadline::Testing {

class ExotelStreamCaller : public QObject
{
public:
    struct Options
    {
        QJsonObject customParameters; // merged into start.custom_parameters
        QString callSid;              // replaces start.call_sid when set
        int holdMs = 0;
    };
    struct Summary
    {
        int framesSent = 0;
        int serverMedia = 0;
        int serverMarks = 0;
        int serverClears = 0;
        int marksEchoed = 0;
        bool closedByServer = false;
        bool connected = false;
    };

    ExotelStreamCaller(QList<QByteArray> frames, const QUrl &url, Options options, QObject *parent = nullptr)
        : QObject(parent), m_frames(std::move(frames)), m_options(std::move(options))
    {
        m_ws = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
        QObject::connect(m_ws, &QWebSocket::connected, this, [this] {
            m_summary.connected = true;
            m_clock.start();
            step();
        });
        QObject::connect(m_ws, &QWebSocket::textMessageReceived, this, [this](const QString &m) { onServer(m.toUtf8()); });
        QObject::connect(m_ws, &QWebSocket::disconnected, this, [this] {
            if (!m_finished)
                m_summary.closedByServer = true;
            m_finished = true;
            m_timer.stop();
        });
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setSingleShot(true);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] { step(); });
        m_playTimer.setInterval(20);
        QObject::connect(&m_playTimer, &QTimer::timeout, this, [this] { play(); });
        m_ws->open(url);
    }

    bool finished() const { return m_finished; }
    const Summary &summary() const { return m_summary; }

private:
    static qint64 mediaMs(const QJsonObject &o)
    {
        return QByteArray::fromBase64(o.value(QStringLiteral("media")).toObject().value(QStringLiteral("payload")).toString().toLatin1()).size() / 16;
    }

    QByteArray prepared(const QByteArray &line) const
    {
        QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.value(QStringLiteral("event")).toString() != QLatin1String("start"))
            return line;
        QJsonObject start = o.value(QStringLiteral("start")).toObject();
        QJsonObject params = start.value(QStringLiteral("custom_parameters")).toObject();
        for (auto it = m_options.customParameters.begin(); it != m_options.customParameters.end(); ++it)
            params.insert(it.key(), it.value());
        start.insert(QStringLiteral("custom_parameters"), params);
        if (!m_options.callSid.isEmpty())
            start.insert(QStringLiteral("call_sid"), m_options.callSid);
        o.insert(QStringLiteral("start"), start);
        return QJsonDocument(o).toJson(QJsonDocument::Compact);
    }

    void send(const QByteArray &frame)
    {
        m_ws->sendTextMessage(QString::fromUtf8(frame));
        ++m_summary.framesSent;
    }

    void step()
    {
        if (m_finished)
            return;
        while (m_index < m_frames.size()) {
            const QByteArray line = m_frames.at(m_index);
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            const QString ev = o.value(QStringLiteral("event")).toString();
            if (ev == QLatin1String("stop") && m_options.holdMs > 0 && !m_holding) {
                m_holding = true;
                m_holdUntilMs = m_audioMs + m_options.holdMs;
                m_streamSid = o.value(QStringLiteral("stream_sid")).toString();
            }
            if (m_holding && ev == QLatin1String("stop") && m_audioMs < m_holdUntilMs) {
                if (m_clock.elapsed() < m_audioMs) {
                    m_timer.start(int(m_audioMs - m_clock.elapsed()));
                    return;
                }
                sendSilence();
                continue;
            }
            if (ev == QLatin1String("media") || ev == QLatin1String("dtmf") || ev == QLatin1String("stop")) {
                if (m_clock.elapsed() < m_audioMs) {
                    m_timer.start(int(m_audioMs - m_clock.elapsed()));
                    return;
                }
            }
            if (ev == QLatin1String("media"))
                m_audioMs += mediaMs(o);
            if (ev == QLatin1String("media") || ev == QLatin1String("start") || ev == QLatin1String("stop"))
                m_sequence = qMax(m_sequence, o.value(QStringLiteral("sequence_number")).toVariant().toInt());
            if (ev == QLatin1String("start"))
                m_streamSid = o.value(QStringLiteral("stream_sid")).toString();
            send(prepared(line));
            ++m_index;
            if (ev == QLatin1String("stop")) {
                m_finished = true;
                m_ws->close(QWebSocketProtocol::CloseCodeNormal);
                return;
            }
        }
        // A fixture without `stop`: the line drops (no close frame).
        m_finished = true;
        m_ws->abort();
    }

    void sendSilence()
    {
        static const QByteArray payload = QByteArray(320, '\0').toBase64();
        QJsonObject o{{QStringLiteral("event"), QStringLiteral("media")},
                      {QStringLiteral("sequence_number"), ++m_sequence},
                      {QStringLiteral("stream_sid"), m_streamSid},
                      {QStringLiteral("media"), QJsonObject{{QStringLiteral("chunk"), m_sequence},
                                                            {QStringLiteral("timestamp"), QString::number(m_audioMs)},
                                                            {QStringLiteral("payload"), QString::fromLatin1(payload)}}}};
        send(QJsonDocument(o).toJson(QJsonDocument::Compact));
        m_audioMs += 20;
    }

    // The player: queued outbound audio plays in real time; marks echo when reached.
    struct Queued
    {
        qint64 ms = 0;   // audio still to play before this entry
        QString mark;    // empty: audio
    };

    void onServer(const QByteArray &frame)
    {
        const QJsonObject o = QJsonDocument::fromJson(frame).object();
        const QString ev = o.value(QStringLiteral("event")).toString();
        if (ev == QLatin1String("media")) {
            ++m_summary.serverMedia;
            m_queue.push_back(Queued{mediaMs(o), {}});
            if (!m_playTimer.isActive())
                m_playTimer.start();
        } else if (ev == QLatin1String("mark")) {
            ++m_summary.serverMarks;
            m_queue.push_back(Queued{0, o.value(QStringLiteral("mark")).toObject().value(QStringLiteral("name")).toString()});
            play();
        } else if (ev == QLatin1String("clear")) {
            ++m_summary.serverClears;
            m_queue.clear();
        }
    }

    void play()
    {
        qint64 budget = m_playTimer.isActive() ? 20 : 0;
        while (!m_queue.empty()) {
            Queued &q = m_queue.front();
            if (q.mark.isEmpty()) {
                const qint64 take = qMin(budget, q.ms);
                q.ms -= take;
                budget -= take;
                if (q.ms > 0)
                    return;
                m_queue.pop_front();
                continue;
            }
            if (!m_finished) {
                QJsonObject echo{{QStringLiteral("event"), QStringLiteral("mark")},
                                 {QStringLiteral("sequence_number"), QString::number(++m_sequence)},
                                 {QStringLiteral("stream_sid"), m_streamSid},
                                 {QStringLiteral("mark"), QJsonObject{{QStringLiteral("name"), q.mark}}}};
                send(QJsonDocument(echo).toJson(QJsonDocument::Compact));
                ++m_summary.marksEchoed;
            }
            m_queue.pop_front();
        }
        m_playTimer.stop();
    }

    QList<QByteArray> m_frames;
    Options m_options;
    QWebSocket *m_ws = nullptr;
    QElapsedTimer m_clock;
    QTimer m_timer;
    QTimer m_playTimer;
    std::deque<Queued> m_queue;
    Summary m_summary;
    QString m_streamSid;
    qsizetype m_index = 0;
    qint64 m_audioMs = 0;
    qint64 m_holdUntilMs = 0;
    int m_sequence = 0;
    bool m_holding = false;
    bool m_finished = false;
};

} // namespace Leadline::Testing
