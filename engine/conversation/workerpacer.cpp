#include "workerpacer.h"

namespace Leadline::Conversation {

WorkerPacer::WorkerPacer(QObject *parent, int tickMs) : QObject(parent), m_tickMs(qMax(1, tickMs))
{
    m_clock.start();
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(m_tickMs);
    connect(&m_timer, &QTimer::timeout, this, &WorkerPacer::tick);
}

void WorkerPacer::schedule(QObject *owner, int inMs, std::function<void()> pump)
{
    Entry &e = m_due[owner];
    if (e.owner.isNull())
        e.owner = owner;
    e.dueMs = m_clock.elapsed() + qMax(0, inMs);
    e.pump = std::move(pump);
    if (!m_timer.isActive())
        m_timer.start();
}

void WorkerPacer::cancel(QObject *owner)
{
    m_due.remove(owner);
    if (m_due.isEmpty())
        m_timer.stop();
}

void WorkerPacer::tick()
{
    const qint64 now = m_clock.elapsed();
    ++m_ticks;
    m_batch.resize(0);
    for (auto it = m_due.begin(); it != m_due.end();) {
        if (it->owner.isNull()) {
            it = m_due.erase(it);
        } else if (it->dueMs <= now) {
            m_batch.append(std::move(it.value()));
            it = m_due.erase(it);
        } else {
            ++it;
        }
    }
    // A pump may schedule its owner again (next frame) or end a call: both only touch m_due.
    for (Entry &e : m_batch) {
        if (!e.owner.isNull())
            e.pump();
    }
    m_batch.resize(0);
    if (m_due.isEmpty())
        m_timer.stop();
}

} // namespace Leadline::Conversation
