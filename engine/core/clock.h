// Clock: the engine's notion of "now", injectable so that tests and accelerated demos control
// time. Thread: any; implementations must be thread-safe.
#pragma once
#include <QDateTime>

namespace Leadline {

class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;
    qint64 nowMs() const { return now().toMSecsSinceEpoch(); }
};

class SystemClock final : public Clock
{
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

} // namespace Leadline

namespace Leadline {

// AcceleratedClock: starts at `start` and runs `factor` times faster than real time. Used by
// `leadline demo` so that retries and callbacks scheduled minutes ahead happen in seconds, and
// so that the campaign's calling window is open whatever the real time of day.
class AcceleratedClock final : public Clock
{
public:
    AcceleratedClock(QDateTime start, double factor)
        : m_start(start.toMSecsSinceEpoch()), m_factor(factor), m_realStart(QDateTime::currentMSecsSinceEpoch()) {}
    QDateTime now() const override
    {
        const qint64 real = QDateTime::currentMSecsSinceEpoch() - m_realStart;
        return QDateTime::fromMSecsSinceEpoch(m_start + qint64(double(real) * m_factor), Qt::UTC);
    }

private:
    qint64 m_start;
    double m_factor;
    qint64 m_realStart;
};

} // namespace Leadline
