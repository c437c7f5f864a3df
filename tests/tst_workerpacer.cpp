// WorkerPacer: one clock tick serves every call on a worker. Many sessions each pumping a 20 ms
// frame cost the worker one wake-up per tick, not one per session and frame; a pump runs no
// earlier than asked; cancelled and deleted owners are never pumped.
#include "conversation/workerpacer.h"

#include <QElapsedTimer>
#include <QtTest>

using namespace Leadline::Conversation;

class tst_WorkerPacer : public QObject
{
    Q_OBJECT
private slots:
    void oneWakeUpServesEveryCall();
    void neverEarly();
    void cancelledAndDeletedOwnersAreSkipped();
};

void tst_WorkerPacer::oneWakeUpServesEveryCall()
{
    WorkerPacer pacer(nullptr, 5);
    constexpr int kCalls = 200;
    std::vector<std::unique_ptr<QObject>> calls;
    QList<int> frames(kCalls, 0);
    std::function<void(int)> frame = [&](int i) {
        if (++frames[i] < 10) // ten 20 ms frames each
            pacer.schedule(calls[size_t(i)].get(), 20, [&frame, i] { frame(i); });
    };
    for (int i = 0; i < kCalls; ++i) {
        calls.push_back(std::make_unique<QObject>());
        pacer.schedule(calls.back().get(), i % 20, [&frame, i] { frame(i); }); // staggered like real calls
    }
    QTRY_VERIFY_WITH_TIMEOUT(pacer.waiting() == 0, 10000);
    int pumps = 0;
    for (int n : frames)
        pumps += n;
    QCOMPARE(pumps, kCalls * 10);
    // 2000 frames went out in far fewer wake-ups (a timer per call would need one per frame).
    QVERIFY2(pacer.ticks() * 10 < pumps, qPrintable(QStringLiteral("%1 wake-ups for %2 frames").arg(pacer.ticks()).arg(pumps)));
}

void tst_WorkerPacer::neverEarly()
{
    WorkerPacer pacer(nullptr, 5);
    QObject owner;
    QElapsedTimer t;
    t.start();
    qint64 ranAt = -1;
    pacer.schedule(&owner, 30, [&] { ranAt = t.elapsed(); });
    QTRY_VERIFY(ranAt >= 0);
    QVERIFY2(ranAt >= 30, qPrintable(QString::number(ranAt)));
    // A later request replaces the earlier one.
    int runs = 0;
    pacer.schedule(&owner, 10, [&] { ++runs; });
    pacer.schedule(&owner, 20, [&] { runs += 10; });
    QTRY_COMPARE(runs, 10);
    QTRY_COMPARE(pacer.waiting(), 0); // nothing left to run later
    QCOMPARE(runs, 10);
}

void tst_WorkerPacer::cancelledAndDeletedOwnersAreSkipped()
{
    WorkerPacer pacer(nullptr, 5);
    QObject kept;
    auto gone = std::make_unique<QObject>();
    QObject cancelled;
    int keptRuns = 0, goneRuns = 0, cancelledRuns = 0;
    pacer.schedule(&kept, 10, [&] { ++keptRuns; });
    pacer.schedule(gone.get(), 10, [&] { ++goneRuns; });
    pacer.schedule(&cancelled, 10, [&] { ++cancelledRuns; });
    pacer.cancel(&cancelled);
    gone.reset();
    QTRY_COMPARE(keptRuns, 1);
    QTRY_COMPARE(pacer.waiting(), 0); // the tick is over: nothing left that could run later
    QCOMPARE(goneRuns, 0);
    QCOMPARE(cancelledRuns, 0);
    QCOMPARE(pacer.waiting(), 0);
}

QTEST_GUILESS_MAIN(tst_WorkerPacer)
#include "tst_workerpacer.moc"
