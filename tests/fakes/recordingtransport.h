// RecordingTransport: a MediaTransport that keeps every frame the session sent, with the time it
// was sent (on a TimerSource: the system's, or a test's virtual clock), and whether/how the
// session closed. Thread: the test's.
#pragma once

#include "conversation/mediatransport.h"
#include "core/timersource.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QList>

namespace Leadline::Testing {

class RecordingTransport final : public Conversation::MediaTransport
{
public:
    struct Sent { qint64 atMs; QJsonObject json; };
    // Milliseconds since restart(), on the transport's TimerSource.
    struct Stopwatch
    {
        TimerSource *timers;
        qint64 originUs;
        void restart() { originUs = timers->elapsedUs(); }
        qint64 elapsed() const { return (timers->elapsedUs() - originUs) / 1000; }
    };
    explicit RecordingTransport(TimerSource *timers = nullptr) : clock{timers ? timers : &m_system, 0} { clock.restart(); }
    void useTimers(TimerSource &timers) { clock.timers = &timers; clock.restart(); }
    void sendText(const QByteArray &frame) override { sent.append({clock.elapsed(), QJsonDocument::fromJson(frame).object()}); }
    void close(int code, const QString &reason) override
    {
        closed = true;
        closeCode = code;
        closeReason = reason;
    }
    QList<Sent> ofType(const QString &event) const
    {
        QList<Sent> out;
        for (const Sent &s : sent)
            if (s.json.value(QStringLiteral("event")).toString() == event)
                out.append(s);
        return out;
    }

private:
    SystemTimerSource m_system;

public:
    Stopwatch clock;
    QList<Sent> sent;
    bool closed = false;
    int closeCode = 0;
    QString closeReason;
};

} // namespace Leadline::Testing
