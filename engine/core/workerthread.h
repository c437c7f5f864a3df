// WorkerThread: one named QThread and the one worker object that lives on it; the pattern every
// module's own thread uses ("leadline-redis", "leadline-calls", "leadline-net-N", ...).
// start() runs the thread, creates the worker there (a factory, default a plain QObject used
// as the context for queued jobs) and runs an optional init there, blocking until both are
// done: an init error comes back to the caller, with the worker already destroyed and the
// thread joined. post()/call() queue work to the worker. stop() (idempotent, also run by the
// destructor) refuses new work, runs the optional teardown on the thread (after the jobs
// already queued), then quits the thread: the worker and its children are destroyed on their
// own thread, and the thread is joined.
// Thread: start(), stop() and the destructor on the owning thread (never the worker thread);
// post(), call(), isRunning() and isCurrentThread() from any thread.
#pragma once

#include "core/result.h"

#include <QMutex>
#include <QObject>
#include <QString>
#include <atomic>
#include <functional>
#include <memory>

class QThread;

namespace Leadline {

class WorkerThread
{
public:
    using Factory = std::function<QObject *()>;        // runs on the worker thread
    using Init = std::function<Status(QObject *)>;      // runs on the worker thread, after the factory
    using Teardown = std::function<void(QObject *)>;    // runs on the worker thread, before destruction

    explicit WorkerThread(QString name);
    ~WorkerThread(); // stop()
    WorkerThread(const WorkerThread &) = delete;
    WorkerThread &operator=(const WorkerThread &) = delete;

    // Starts the thread named name(), creates the worker on it and runs init there; returns
    // init's error (nothing left running) or ok. Conflict when already running.
    Status start(Factory factory = {}, Init init = {});
    // Set before start(): what stop() runs on the worker thread before destroying the worker.
    void setTeardown(Teardown teardown) { m_teardown = std::move(teardown); }
    // Idempotent. Blocks until the worker is destroyed and the thread has ended.
    void stop();

    // Queues job on the worker thread; false (job dropped, never run) when not running.
    bool post(std::function<void()> job) const;
    // Runs job on the worker thread and waits for it (directly when already there); false
    // (job not run) when not running or stopped before the job's turn came.
    bool call(const std::function<void()> &job) const;

    // Started and not stopping (false from the moment stop() begins).
    bool isRunning() const;
    bool isCurrentThread() const;
    const QString &name() const { return m_name; }
    // The worker, from start() until it is destroyed (also during teardown and the jobs drained
    // before it); nullptr otherwise. Connect to it, use it as a context; never delete it.
    QObject *worker() const;
    template<typename T>
    T *worker() const { return static_cast<T *>(worker()); }
    QThread *thread() const;

private:
    class Thread;
    QString m_name;
    Teardown m_teardown;
    std::unique_ptr<Thread> m_thread; // owning thread only
    mutable QMutex m_mutex;           // guards m_worker and m_accepting (read by post/call from any thread)
    QObject *m_worker = nullptr;      // from start() until it is destroyed (on its thread)
    bool m_accepting = false;         // started and not stopping: post()/call() accepted
    std::atomic<QThread *> m_running{nullptr}; // the thread while started (isCurrentThread from anywhere)
};

} // namespace Leadline
