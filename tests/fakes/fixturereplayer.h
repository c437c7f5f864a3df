// FixtureReplayer: plays a tests/data/exotel/*.jsonl fixture into a frame sink with the
// fixture's own pacing (media paced by its audio length, other events at once), like Exotel.
// Thread: the test's event loop.
#pragma once

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <functional>

namespace Leadline::Testing {

inline QList<QByteArray> readFixture(const QString &name)
{
    QFile f(QStringLiteral(LEADLINE_TESTDATA_DIR "/exotel/") + name);
    QList<QByteArray> lines;
    if (f.open(QIODevice::ReadOnly))
        for (const QByteArray &l : f.readAll().split('\n'))
            if (!l.trimmed().isEmpty())
                lines.append(l.trimmed());
    return lines;
}

class FixtureReplayer : public QObject
{
public:
    FixtureReplayer(QList<QByteArray> frames, std::function<void(const QByteArray &)> sink, bool sendStop = true)
        : m_frames(std::move(frames)), m_sink(std::move(sink)), m_sendStop(sendStop)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setSingleShot(true);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] { step(); });
    }
    void start() { m_clock.start(); step(); }
    bool done() const { return m_index >= m_frames.size(); }
    qint64 elapsedMs() const { return m_clock.elapsed(); }

private:
    void step()
    {
        while (m_index < m_frames.size()) {
            const QByteArray frame = m_frames.at(m_index);
            const QJsonObject o = QJsonDocument::fromJson(frame).object();
            const QString ev = o.value(QStringLiteral("event")).toString();
            if (ev == QLatin1String("media")) {
                const qint64 due = m_audioMs;
                if (m_clock.elapsed() < due) {
                    m_timer.start(int(due - m_clock.elapsed()));
                    return;
                }
                m_audioMs += QByteArray::fromBase64(o[QStringLiteral("media")][QStringLiteral("payload")].toString().toLatin1()).size() / 16;
            } else if (ev == QLatin1String("stop") && !m_sendStop) {
                ++m_index;
                continue;
            } else if (ev == QLatin1String("dtmf") || ev == QLatin1String("stop")) {
                if (m_clock.elapsed() < m_audioMs) {
                    m_timer.start(int(m_audioMs - m_clock.elapsed()));
                    return;
                }
            }
            ++m_index;
            m_sink(frame);
        }
    }

    QList<QByteArray> m_frames;
    std::function<void(const QByteArray &)> m_sink;
    bool m_sendStop;
    int m_index = 0;
    qint64 m_audioMs = 0;
    QElapsedTimer m_clock;
    QTimer m_timer;
};

} // namespace Leadline::Testing
