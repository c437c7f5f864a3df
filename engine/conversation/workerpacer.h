// WorkerPacer: one clock for the outbound audio of every call on a network worker. A session
// that has audio waiting asks to be pumped in N ms; instead of a precise timer per call (one
// wake-up per call and frame, each re-sorting the worker's timer list), the pacer ticks every
// tickMs while anyone waits and pumps every session that is due in that tick, so a worker with
// hundreds of calls wakes tickMs-often for all of them and their frames leave together.
// Sessions are held by QPointer: one that is gone is skipped.
// Thread: its network worker (created there, used only there).
#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <functional>

namespace Leadline::Conversation {

class WorkerPacer final : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultTickMs = 5;
    explicit WorkerPacer(QObject *parent = nullptr, int tickMs = kDefaultTickMs);

    // Call pump on owner's behalf once inMs have passed (at the first tick at or after it). A
    // later request for the same owner replaces the earlier one.
    void schedule(QObject *owner, int inMs, std::function<void()> pump);
    void cancel(QObject *owner);
    int waiting() const { return int(m_due.size()); }
    int tickMs() const { return m_tickMs; }
    qint64 ticks() const { return m_ticks; } // wake-ups so far

private:
    void tick();

    struct Entry
    {
        QPointer<QObject> owner;
        qint64 dueMs = 0;
        std::function<void()> pump;
    };
    int m_tickMs;
    QTimer m_timer;
    QElapsedTimer m_clock;
    QHash<QObject *, Entry> m_due;
    QList<Entry> m_batch; // reused by tick(): no allocation per tick once grown
    qint64 m_ticks = 0;
};

} // namespace Leadline::Conversation
