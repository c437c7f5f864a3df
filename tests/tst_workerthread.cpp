// WorkerThread (engine/core/workerthread.h): the worker lives on a thread with the given name
// (Qt's and the OS's), init runs there and its error comes back with nothing left running, the
// worker (and teardown) run and are destroyed on that thread, stop() is idempotent and work
// posted after it is refused.
#include "core/workerthread.h"

#include <QDir>
#include <QPointer>
#include <QThread>
#include <QtTest>

#include <atomic>
#include <pthread.h>

using namespace Leadline;

namespace {

// Records on which thread it is destroyed.
class Probe : public QObject
{
public:
    explicit Probe(QThread **destroyedOn) : m_destroyedOn(destroyedOn) {}
    ~Probe() override { *m_destroyedOn = QThread::currentThread(); }

private:
    QThread **m_destroyedOn;
};

int taskCount() { return int(QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size()); }

QString osThreadName()
{
    char buf[32] = {};
    pthread_getname_np(pthread_self(), buf, sizeof buf);
    return QString::fromLatin1(buf);
}

} // namespace

class tst_WorkerThread : public QObject
{
    Q_OBJECT
private slots:
    void workerLivesOnNamedThread();
    void initRunsThereAndItsErrorComesBack();
    void workerDestroyedOnItsThread();
    void teardownRunsAfterQueuedJobs();
    void stopIsIdempotent();
    void workAfterStopIsRefused();
    void callFromTheWorkerThreadRunsDirectly();
    void startTwiceIsRefused();
};

void tst_WorkerThread::workerLivesOnNamedThread()
{
    WorkerThread t(QStringLiteral("leadline-test"));
    QThread *createdOn = nullptr;
    QVERIFY(t.start([&] {
        createdOn = QThread::currentThread();
        return new QObject;
    }));
    QVERIFY(t.isRunning());
    QVERIFY(t.worker());
    QVERIFY(createdOn != QThread::currentThread());
    QCOMPARE(t.worker()->thread(), createdOn);
    QCOMPARE(t.thread(), createdOn);
    QCOMPARE(createdOn->objectName(), QStringLiteral("leadline-test"));
    QVERIFY(!t.isCurrentThread());

    QString qtName, osName;
    bool onWorker = false;
    QVERIFY(t.call([&] {
        qtName = QThread::currentThread()->objectName();
        osName = osThreadName();
        onWorker = t.isCurrentThread() && QThread::currentThread() == t.worker()->thread();
    }));
    QCOMPARE(qtName, QStringLiteral("leadline-test"));
    QCOMPARE(osName, QStringLiteral("leadline-test"));
    QVERIFY(onWorker);

    // post() runs later, on the same thread.
    std::atomic<QThread *> postedOn{nullptr};
    QVERIFY(t.post([&] { postedOn = QThread::currentThread(); }));
    QTRY_COMPARE(postedOn.load(), createdOn);
}

void tst_WorkerThread::initRunsThereAndItsErrorComesBack()
{
    const int tasksBefore = taskCount();
    WorkerThread t(QStringLiteral("leadline-fail"));
    QThread *destroyedOn = nullptr;
    QThread *initOn = nullptr;
    const Status s = t.start([&] { return new Probe(&destroyedOn); },
                             [&](QObject *w) -> Status {
                                 initOn = QThread::currentThread();
                                 if (w->thread() != initOn)
                                     return Error::make(Error::Code::Internal, QStringLiteral("worker elsewhere"));
                                 return Error::make(Error::Code::Unavailable, QStringLiteral("no Redis"));
                             });
    QVERIFY(!s);
    QCOMPARE(int(s.error().code), int(Error::Code::Unavailable));
    QCOMPARE(s.error().message, QStringLiteral("no Redis"));
    QVERIFY(initOn && initOn != QThread::currentThread());
    // Nothing left running: the worker is gone (destroyed on its thread), no thread remains.
    QCOMPARE(destroyedOn, initOn);
    QVERIFY(!t.isRunning());
    QVERIFY(!t.worker());
    QVERIFY(!t.thread());
    QTRY_VERIFY(taskCount() <= tasksBefore); // (a thread of an earlier test may still be exiting: fewer is fine)
    bool ran = false;
    QVERIFY(!t.post([&] { ran = true; }));
    QVERIFY(!t.call([&] { ran = true; }));
    QVERIFY(!ran);

    // And it can be started afterwards.
    QVERIFY(t.start());
    QVERIFY(t.isRunning());
}

void tst_WorkerThread::workerDestroyedOnItsThread()
{
    QThread *destroyedOn = nullptr;
    QThread *workerThread = nullptr;
    QPointer<QObject> child;
    {
        WorkerThread t(QStringLiteral("leadline-dtor"));
        QVERIFY(t.start([&] {
            auto *p = new Probe(&destroyedOn);
            child = new QObject(p); // children go with it
            return p;
        }));
        workerThread = t.thread();
        QVERIFY(workerThread);
    } // the destructor stops
    QVERIFY(destroyedOn);
    QCOMPARE(destroyedOn, workerThread);
    QVERIFY(destroyedOn != QThread::currentThread());
    QVERIFY(child.isNull());
}

void tst_WorkerThread::teardownRunsAfterQueuedJobs()
{
    WorkerThread t(QStringLiteral("leadline-teardown"));
    QStringList order;
    QThread *teardownOn = nullptr;
    QThread *destroyedOn = nullptr;
    bool workerAlive = false;
    t.setTeardown([&](QObject *w) {
        teardownOn = QThread::currentThread();
        workerAlive = w && w->thread() == teardownOn && !t.isRunning(); // new work is refused already
        order << QStringLiteral("teardown");
    });
    QVERIFY(t.start([&] { return new Probe(&destroyedOn); }));
    QThread *thread = t.thread();
    // A slow job keeps the queue busy; the ones behind it still run before the teardown.
    QVERIFY(t.post([&] {
        QThread::msleep(50);
        order << QStringLiteral("job1");
    }));
    QVERIFY(t.post([&] { order << QStringLiteral("job2"); }));
    t.stop();
    QCOMPARE(order, (QStringList{QStringLiteral("job1"), QStringLiteral("job2"), QStringLiteral("teardown")}));
    QCOMPARE(teardownOn, thread);
    QVERIFY(workerAlive);
    QCOMPARE(destroyedOn, thread);
}

void tst_WorkerThread::stopIsIdempotent()
{
    WorkerThread idle(QStringLiteral("leadline-idle"));
    idle.stop(); // never started
    QVERIFY(!idle.isRunning());

    int teardowns = 0;
    int destroyed = 0;
    {
        WorkerThread t(QStringLiteral("leadline-stop"));
        t.setTeardown([&](QObject *) { ++teardowns; });
        QVERIFY(t.start([&] {
            auto *o = new QObject;
            QObject::connect(o, &QObject::destroyed, [&] { ++destroyed; });
            return o;
        }));
        t.stop();
        QVERIFY(!t.isRunning());
        QVERIFY(!t.thread());
        t.stop();
        t.stop();
    } // and the destructor once more
    QCOMPARE(teardowns, 1);
    QCOMPARE(destroyed, 1);
}

void tst_WorkerThread::workAfterStopIsRefused()
{
    WorkerThread t(QStringLiteral("leadline-after"));
    QVERIFY(t.start());
    t.stop();
    std::atomic_bool ran{false};
    QVERIFY(!t.post([&] { ran = true; }));
    QVERIFY(!t.call([&] { ran = true; }));
    QTest::qWait(20);
    QVERIFY(!ran);
    QVERIFY(!t.worker());
}

void tst_WorkerThread::callFromTheWorkerThreadRunsDirectly()
{
    WorkerThread t(QStringLiteral("leadline-nested"));
    QVERIFY(t.start());
    bool inner = false;
    bool innerOk = false;
    QVERIFY(t.call([&] { innerOk = t.call([&] { inner = true; }); })); // would deadlock if queued
    QVERIFY(innerOk);
    QVERIFY(inner);
}

void tst_WorkerThread::startTwiceIsRefused()
{
    WorkerThread t(QStringLiteral("leadline-twice"));
    QVERIFY(t.start());
    QThread *first = t.thread();
    const Status again = t.start();
    QVERIFY(!again);
    QCOMPARE(int(again.error().code), int(Error::Code::Conflict));
    QCOMPARE(t.thread(), first);
    QVERIFY(t.isRunning());
}

QTEST_GUILESS_MAIN(tst_WorkerThread)
#include "tst_workerthread.moc"
