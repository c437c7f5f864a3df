// TimerSource: monotonic time and one-shot timers, injectable so that time-driven units (the
// outbound audio pacing, turn-taking) can run on a virtual clock in tests (tests/fakes/
// virtualtimers.h: advance time by hand, due timers fire, no real waiting). SystemTimerSource is
// the production one: QElapsedTimer for the time, a precise single-shot QTimer per timer.
// Thread: a source is used on one thread (its timers belong to the thread that created them);
// SystemTimerSource holds no state and may be shared.
#pragma once

#include <QtGlobal>
#include <functional>
#include <memory>

class QObject;

namespace Leadline {

// A single-shot timer made by a TimerSource. start() (re)arms it; destroying it cancels it.
class OneShotTimer
{
public:
    virtual ~OneShotTimer() = default;
    virtual void start(int ms) = 0;
    virtual void stop() = 0;
    virtual bool isActive() const = 0;
};

class TimerSource
{
public:
    virtual ~TimerSource() = default;
    // Monotonic microseconds since an arbitrary origin (the same origin for every caller).
    virtual qint64 elapsedUs() const = 0;
    // Wall clock, ms since the epoch (timestamps in statistics).
    virtual qint64 epochMs() const = 0;
    // A timer that calls onTimeout on context's thread (not after context is destroyed).
    virtual std::unique_ptr<OneShotTimer> createTimer(QObject *context, std::function<void()> onTimeout) = 0;
};

class SystemTimerSource final : public TimerSource
{
public:
    qint64 elapsedUs() const override;
    qint64 epochMs() const override;
    std::unique_ptr<OneShotTimer> createTimer(QObject *context, std::function<void()> onTimeout) override;
};

} // namespace Leadline
