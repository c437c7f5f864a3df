// FixtureReplayer: plays a tests/data/exotel/*.jsonl fixture into a frame sink with the
// fixture's own pacing (media paced by its audio length, other events at once), like Exotel.
// Time comes from a TimerSource (the system's, or a test's virtual clock). Thread: the test's.
#pragma once

#include "core/timersource.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <functional>
#include <memory>

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
    // timers: null for the system's (precise timers, real time).
    FixtureReplayer(QList<QByteArray> frames, std::function<void(const QByteArray &)> sink, bool sendStop = true,
                    TimerSource *timers = nullptr)
        : m_frames(std::move(frames)), m_sink(std::move(sink)), m_sendStop(sendStop), m_timers(timers ? timers : &m_system),
          m_timer(m_timers->createTimer(this, [this] { step(); }))
    {
    }
    void start() { m_startUs = m_timers->elapsedUs(); step(); }
    bool done() const { return m_index >= m_frames.size(); }
    qint64 elapsedMs() const { return (m_timers->elapsedUs() - m_startUs) / 1000; }

private:
    void step()
    {
        while (m_index < m_frames.size()) {
            const QByteArray frame = m_frames.at(m_index);
            const QJsonObject o = QJsonDocument::fromJson(frame).object();
            const QString ev = o.value(QStringLiteral("event")).toString();
            if (ev == QLatin1String("media")) {
                const qint64 due = m_audioMs;
                if (elapsedMs() < due) {
                    m_timer->start(int(due - elapsedMs()));
                    return;
                }
                m_audioMs += QByteArray::fromBase64(o[QStringLiteral("media")][QStringLiteral("payload")].toString().toLatin1()).size() / 16;
            } else if (ev == QLatin1String("stop") && !m_sendStop) {
                ++m_index;
                continue;
            } else if (ev == QLatin1String("dtmf") || ev == QLatin1String("stop")) {
                if (elapsedMs() < m_audioMs) {
                    m_timer->start(int(m_audioMs - elapsedMs()));
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
    SystemTimerSource m_system;
    TimerSource *m_timers;
    std::unique_ptr<OneShotTimer> m_timer;
    qint64 m_startUs = 0;
};

} // namespace Leadline::Testing
