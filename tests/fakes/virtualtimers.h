// VirtualTimerSource: a TimerSource whose time moves only when the test says so. advanceMs()
// fires every timer that falls due on the way, in time order (a timer started by a firing one
// fires too if it is due before the end), each at exactly its due time. Thread: the test's.
#pragma once

#include "core/timersource.h"

#include <QCoreApplication>
#include <QObject>
#include <QPointer>
#include <functional>
#include <map>

namespace Leadline::Testing {

class VirtualTimerSource final : public TimerSource
{
public:
    explicit VirtualTimerSource(qint64 epochMs = 1763884800000 /* 2025-11-23T08:00:00Z */) : m_epochMs(epochMs) {}

    qint64 elapsedUs() const override { return m_nowUs; }
    qint64 epochMs() const override { return m_epochMs + m_nowUs / 1000; }
    qint64 nowMs() const { return m_nowUs / 1000; }
    int activeTimers() const { return int(m_active.size()); }
    int timersCreated() const { return m_created; }

    std::unique_ptr<OneShotTimer> createTimer(QObject *context, std::function<void()> onTimeout) override
    {
        ++m_created;
        return std::make_unique<Timer>(*this, context, std::move(onTimeout));
    }

    // Moves time forward by ms, firing due timers on the way.
    void advanceMs(qint64 ms) { advanceUs(ms * 1000); }
    void advanceUs(qint64 us)
    {
        const qint64 end = m_nowUs + us;
        while (!m_active.empty()) {
            const auto first = m_active.begin();
            if (first->first.dueUs > end)
                break;
            Timer *t = first->second;
            m_active.erase(first);
            t->m_dueUs = -1;
            m_nowUs = qMax(m_nowUs, t->m_dueUs0);
            if (t->m_context.isNull() && t->m_hadContext)
                continue;
            t->m_fire();
        }
        m_nowUs = end;
    }

private:
    struct Timer final : OneShotTimer
    {
        Timer(VirtualTimerSource &src, QObject *context, std::function<void()> fire)
            : m_src(src), m_context(context), m_hadContext(context != nullptr), m_fire(std::move(fire)) {}
        ~Timer() override { stop(); }
        void start(int ms) override
        {
            stop();
            m_dueUs0 = m_src.m_nowUs + qint64(qMax(0, ms)) * 1000;
            m_dueUs = m_dueUs0;
            m_src.m_active.insert({{m_dueUs, m_src.m_seq++}, this});
        }
        void stop() override
        {
            if (m_dueUs < 0)
                return;
            for (auto it = m_src.m_active.begin(); it != m_src.m_active.end(); ++it)
                if (it->second == this) {
                    m_src.m_active.erase(it);
                    break;
                }
            m_dueUs = -1;
        }
        bool isActive() const override { return m_dueUs >= 0; }

        VirtualTimerSource &m_src;
        QPointer<QObject> m_context;
        bool m_hadContext;
        std::function<void()> m_fire;
        qint64 m_dueUs = -1;  // -1: not armed
        qint64 m_dueUs0 = -1; // when it was last due
    };

    struct Key
    {
        qint64 dueUs;
        quint64 seq; // timers due at the same time fire in the order they were started
        bool operator<(const Key &o) const { return dueUs != o.dueUs ? dueUs < o.dueUs : seq < o.seq; }
    };
    std::map<Key, Timer *> m_active;
    qint64 m_nowUs = 0;
    qint64 m_epochMs;
    quint64 m_seq = 0;
    int m_created = 0;
};

// Runs virtual time forward 1 ms at a time, with the event loop's queued work in between, until
// done() or limitMs of virtual time have passed; done() at the end.
inline bool runUntil(VirtualTimerSource &timers, const std::function<bool()> &done, qint64 limitMs)
{
    const qint64 end = timers.nowMs() + limitMs;
    QCoreApplication::processEvents();
    while (!done()) {
        if (timers.nowMs() >= end)
            return false;
        timers.advanceMs(1);
        QCoreApplication::processEvents();
    }
    return true;
}
inline void runFor(VirtualTimerSource &timers, qint64 ms) { runUntil(timers, [] { return false; }, ms); }

} // namespace Leadline::Testing
