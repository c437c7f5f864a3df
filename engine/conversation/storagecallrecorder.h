// StorageCallRecorder: the CallRecorder backed by the database. Owns a thread
// ("leadline-calls") with its own connection for the writes, and a few lookup threads
// ("leadline-call-lookups", a connection each) that find an answered call's context, so a
// call's first words never wait behind other calls' writes or a burst of lookups (1000 calls
// answered at once on a busy PostgreSQL took 23 s on one thread). Sessions on any worker post
// lookups and writes and never wait. Turns are written in batches (every 200 ms or 200 turns); call-state
// writes (answered, DNC, the final outcome and status) go through an ordered queue behind them.
// A failed write is kept and retried every 200 ms, in order, so a database restart loses nothing
// (bounded by maxQueued); a lookup during an outage is retried for up to lookupRetryMs.
// Thread: public methods from any thread; the work runs on the recorder's thread.
#pragma once

#include "callrecorder.h"
#include "core/workerthread.h"

#include <QMutex>
#include <QPointer>
#include <QSqlDatabase>
#include <QThread>
#include <QThreadPool>
#include <QTimer>

namespace Leadline::Storage { class Database; }

namespace Leadline::Conversation {

class StorageCallRecorder final : public QObject, public CallRecorder
{
    Q_OBJECT
public:
    explicit StorageCallRecorder(const Storage::Database &db, int maxQueued = 100000, int lookupRetryMs = 15000);
    ~StorageCallRecorder() override;

    void lookup(const CallKey &key, QObject *context, std::function<void(Result<CallContext>)> done) override;
    void callAnswered(qint64 callId, const QString &streamSid, const QString &callSid, qint64 atMs) override;
    void appendTurn(const Storage::TurnRow &turn) override;
    void addDnc(const QString &phoneE164, const QString &source) override;
    void finishCall(qint64 callId, const Storage::CallOutcome &outcome, const QString &status, qint64 endedAtMs) override;

    // Settles the call's lead in the transaction that stores its outcome (the outcome may be the
    // second half to arrive, after the carrier's terminal status): (db, callId, resettle) ->
    // CallLifecycle::settleWithin. Set before the first call; without it nothing is settled here.
    using Settler = std::function<Result<bool>(QSqlDatabase &db, qint64 callId, bool resettle)>;
    void setSettler(Settler settler) { m_settler = std::move(settler); }
    // This node's id (NodeRegistry): a call whose session runs here is owned by this node.
    void setNodeId(const QString &nodeId) { m_nodeId = nodeId; }

    // Blocks until everything queued so far is written (shutdown, tests). Not for the media path.
    void flush();
    int droppedWrites() const;
    // Writes waiting for the database (turns + call-state writes).
    int pendingWrites() const;

private:
    // One call-state write; returns false to be retried later (the database is unavailable).
    struct PendingWrite
    {
        qint64 callId = 0;
        QString what;
        std::function<Status(QSqlDatabase &)> apply;
    };
    void post(std::function<void()> job);
    void enqueue(PendingWrite write);
    bool writeTurns();   // false: turns kept for the next try
    // Turns first, then the queued call-state writes in order; with sliceMs >= 0 it stops after
    // that long and queues the rest behind the jobs (lookups) already waiting.
    void writePending(int sliceMs = -1);
    static constexpr int kWriteSliceMs = 25;
    void findWithRetry(const CallKey &key, QPointer<QObject> context, std::function<void(Result<CallContext>)> done,
                       qint64 deadlineMs);
    Result<CallContext> find(const CallKey &key);

    const Storage::Database &m_db;
    static constexpr int kLookupThreads = 4;
    WorkerThread m_thread{QStringLiteral("leadline-calls")}; // its worker: the context for queued jobs
    mutable QMutex m_mutex; // guards m_turns and m_dropped
    QList<Storage::TurnRow> m_turns;
    QList<PendingWrite> m_writes;  // guarded by m_mutex
    int m_maxQueued;
    int m_dropped = 0;
    int m_lookupRetryMs;
    bool m_outage = false; // recorder thread only: writes are failing (warned once)
    Settler m_settler; // set before use, read-only afterwards
    QThreadPool m_lookups; // find(): runs only there
    QString m_nodeId;  // set before use, read-only afterwards
};

} // namespace Leadline::Conversation
