#include "workerthread.h"

#include "logging.h"

#include <QSemaphore>
#include <QThread>

#include <atomic>

namespace Leadline {

// The thread itself: creates the worker, runs init, then the event loop; the worker is
// destroyed here, on its own thread, once the loop has quit.
class WorkerThread::Thread : public QThread
{
public:
    explicit Thread(WorkerThread *owner) : m_owner(owner) {}
    Factory factory;
    Init init;
    QSemaphore ready;
    Status result = okStatus();
    QObject *worker = nullptr; // written on the thread before ready is released

protected:
    void run() override
    {
        worker = factory ? factory() : new QObject;
        factory = nullptr;
        if (!worker) {
            result = Error::make(Error::Code::Internal, QStringLiteral("thread %1: no worker was created").arg(objectName()));
            ready.release();
            return;
        }
        result = init ? init(worker) : okStatus();
        init = nullptr;
        if (!result) {
            delete std::exchange(worker, nullptr);
            ready.release();
            return;
        }
        // Released from inside the running loop, so a stop() right after start() finds it running.
        QMetaObject::invokeMethod(worker, [this] { ready.release(); }, Qt::QueuedConnection);
        exec();
        {
            QMutexLocker lock(&m_owner->m_mutex);
            m_owner->m_worker = nullptr;
        }
        delete std::exchange(worker, nullptr);
    }

private:
    WorkerThread *m_owner;
};

WorkerThread::WorkerThread(QString name) : m_name(std::move(name)) {}

WorkerThread::~WorkerThread() { stop(); }

Status WorkerThread::start(Factory factory, Init init)
{
    if (m_thread)
        return Error::make(Error::Code::Conflict, QStringLiteral("thread %1 is already running").arg(m_name));
    auto thread = std::make_unique<Thread>(this);
    thread->setObjectName(m_name); // the OS thread takes this name when it starts
    thread->factory = std::move(factory);
    thread->init = std::move(init);
    thread->start();
    thread->ready.acquire();
    if (!thread->result) {
        thread->wait();
        return thread->result;
    }
    {
        QMutexLocker lock(&m_mutex);
        m_worker = thread->worker;
        m_accepting = true;
    }
    m_running = thread.get();
    m_thread = std::move(thread);
    return okStatus();
}

void WorkerThread::stop()
{
    if (!m_thread)
        return;
    if (isCurrentThread()) {
        qCCritical(lcCore) << "thread" << m_name << "cannot stop itself; stop it from its owner";
        return;
    }
    QObject *w = nullptr;
    {
        QMutexLocker lock(&m_mutex);
        m_accepting = false; // post() and call() refused from here on
        w = m_worker;
    }
    if (m_teardown && w && !m_thread->isFinished()) // behind the jobs already queued, the loop still running
        QMetaObject::invokeMethod(w, [this, w] { m_teardown(w); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait(); // the worker is destroyed on the way out
    m_running = nullptr;
    m_thread.reset();
}

bool WorkerThread::post(std::function<void()> job) const
{
    QMutexLocker lock(&m_mutex);
    if (!m_accepting)
        return false;
    return QMetaObject::invokeMethod(m_worker, std::move(job), Qt::QueuedConnection);
}

bool WorkerThread::call(const std::function<void()> &job) const
{
    if (isCurrentThread()) {
        job();
        return true;
    }
    // The caller wakes when the queued job is destroyed: after it ran, or when the worker went
    // away with the job still queued (then it never ran).
    struct State
    {
        QSemaphore done;
        std::atomic_bool ran{false};
    };
    struct Wake
    {
        explicit Wake(State *s) : state(s) {}
        Wake(const Wake &) = delete;
        ~Wake() { state->done.release(); }
        State *state;
    };
    State state;
    {
        QMutexLocker lock(&m_mutex);
        if (!m_accepting)
            return false;
        auto wake = std::make_shared<Wake>(&state);
        QMetaObject::invokeMethod(m_worker, [wake, &job] {
            job();
            wake->state->ran = true;
        }, Qt::QueuedConnection);
    }
    state.done.acquire();
    return state.ran;
}

bool WorkerThread::isRunning() const
{
    QMutexLocker lock(&m_mutex);
    return m_accepting;
}

bool WorkerThread::isCurrentThread() const
{
    const QThread *t = m_running.load();
    return t && t == QThread::currentThread();
}

QObject *WorkerThread::worker() const
{
    QMutexLocker lock(&m_mutex);
    return m_worker;
}

QThread *WorkerThread::thread() const { return m_thread.get(); }

} // namespace Leadline
