// ExotelCaller: one simulated Exotel leg for benchmarks: streams a fixture's frames at real
// 20 ms pace to /media, plays the server's audio in real time and echoes marks after it, holds
// the line with silence after the fixture until the agent hangs up (at most 15 s), and counts
// what it received. A leg whose socket fails before it connects is done (and failed), so a
// caller slot never waits on it forever. Optionally records how late each media frame left the
// caller against its 20 ms schedule (the caller's own lateness, apart from the engine's).
// Thread: the client thread that creates it.
#pragma once

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QWebSocket>
#include <algorithm>
#include <cmath>

namespace Leadline::Bench {

// One simulated Exotel leg: streams the fixture at 20 ms pace, echoes marks after playback.
class ExotelCaller : public QObject
{
public:
    ExotelCaller(const QList<QByteArray> &frames, const QUrl &url, QObject *parent, QList<int> *sendLateMs = nullptr)
        : QObject(parent), m_frames(frames), m_sendLateMs(sendLateMs)
    {
        m_ws = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
        connect(m_ws, &QWebSocket::connected, this, [this] { m_connected = true; m_clock.start(); tick(); });
        connect(m_ws, &QWebSocket::textMessageReceived, this, [this](const QString &m) { onServer(m.toUtf8()); });
        connect(m_ws, &QWebSocket::disconnected, this, [this] { m_done = true; });
        connect(m_ws, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, [this] {
            if (!m_connected) { // never opened: no disconnected() will come
                m_failed = true;
                m_done = true;
            }
        });
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, [this] { tick(); });
        m_ws->open(url);
    }
    bool done() const { return m_done; }
    bool failed() const { return m_failed; }
    bool connected() const { return m_connected; }
    QString errorString() const { return m_ws->errorString(); }

private:
    void tick()
    {
        while (m_index < m_frames.size()) {
            const QByteArray f = m_frames.at(m_index);
            if (f.contains("\"event\":\"media\"")) {
                if (const qint64 wait = m_audioMs - m_clock.elapsed(); wait > 0) {
                    // One reading of the clock: a second one could be past the schedule already,
                    // and a negative interval never fires (the leg would fall silent for good).
                    m_timer.start(int(wait));
                    return;
                }
                if (m_sendLateMs && m_audioMs > 0) // a histogram: counts per ms of lateness
                    ++(*m_sendLateMs)[int(qBound<qint64>(0, m_clock.elapsed() - m_audioMs, m_sendLateMs->size() - 1))];
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
    bool m_failed = false;
    bool m_connected = false;
    QList<int> *m_sendLateMs;
};


// The p-th percentile of a histogram of whole milliseconds (counts[i] = samples of i ms).
inline double histogramPercentile(const QList<int> &counts, double p)
{
    qint64 total = 0;
    for (int c : counts)
        total += c;
    if (total == 0)
        return -1;
    const qint64 rank = std::max<qint64>(1, qint64(std::ceil(p / 100.0 * total)));
    qint64 seen = 0;
    for (qsizetype i = 0; i < counts.size(); ++i) {
        seen += counts.at(i);
        if (seen >= rank)
            return double(i);
    }
    return double(counts.size() - 1);
}

inline double percentile(QList<double> v, double p)
{
    if (v.isEmpty())
        return -1;
    std::sort(v.begin(), v.end());
    const int idx = std::min<int>(int(v.size()) - 1, int(std::ceil(p / 100.0 * v.size())) - 1);
    return v.at(std::max(0, idx));
}

} // namespace Leadline::Bench
