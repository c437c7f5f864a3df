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
