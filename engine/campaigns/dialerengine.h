// DialerEngine: one dialer pass at a time. tick() claims due leads of every running campaign
// (calling window, DNC, per-campaign and global concurrency are enforced inside the claim
// transaction, see storage/dialerqueue.h) and hands them to the CallPlacer; recover()
// reconciles calls left in flight (crash, lost webhooks). No timers and no threads of its own:
// Dialer drives it on "leadline-dialer", tests drive it directly with a fake clock.
// Thread: the thread that calls it (one); uses that thread's database connection.
#pragma once

#include "core/liveevents.h"

#include "calllifecycle.h"
#include "callplacer.h"
#include "callpreparer.h"
#include "core/clock.h"
#include "core/eventsink.h"
#include "storage/dialerqueue.h"

#include <QHash>
#include <QSet>

namespace Leadline { class Settings; }
namespace Leadline::Storage { class Database; }

namespace Leadline::Campaigns {

struct DialerOptions
{
    int globalMaxConcurrent = 10;     // MAX_CONCURRENT_CALLS, counted from the calls table
    int claimBatch = 20;              // most leads claimed per campaign per tick
    int maxPlacerBacklog = 5;         // claim nothing while this many requests wait on the rate limit
    qint64 createdStaleMs = 5 * 60 * 1000;              // claimed but never sent
    qint64 activeStaleMs = (600 + 30 + 5 * 60) * 1000;  // TimeLimit + TimeOut + 5 min
    qint64 apiRetryDelayMs = 60 * 1000;                 // 429/5xx on Calls/connect: not an attempt
    qint64 settleGraceMs = 20 * 1000;                   // a finished call of a live node waits this long for its outcome
    int tickMs = 1000;                                  // Dialer: how often to tick (DIALER_TICK_MS)
    RetryDelays retryDelays;                            // RETRY_DELAY_NO_ANSWER_S, RETRY_DELAY_BUSY_S
    int recoverMs = 5000;                               // Dialer: how often to recover (RECOVERY_INTERVAL_S)
    // Nodes sharing the database (storage/noderegistry.h). nodeId empty: this engine enrols no
    // node and its calls have no owner (one node, tests); recovery then relies on the bounds above.
    QString nodeName;                                   // NODE_NAME (default host:port)
    QString nodeId;                                     // "<nodeName>#<incarnation>", new per process
    qint64 heartbeatMs = 5000;                          // NODE_HEARTBEAT_S
    qint64 nodeDeadAfterMs = 15000;                     // NODE_DEAD_AFTER_S: silent this long = dead
    // Told of each call as it is dialled (the greeting is synthesised while the phone rings) and
    // of calls not placed. Optional; not owned; must outlive the dialer's thread.
    CallPreparer *preparer = nullptr;

    // MAX_CONCURRENT_CALLS, DIALER_TICK_MS, EXOTEL_TIME_LIMIT_S / DIALER_STALE_AFTER_S (the
    // staleness bound of crash recovery), RETRY_DELAY_NO_ANSWER_S / RETRY_DELAY_BUSY_S,
    // RECOVERY_INTERVAL_S, OUTCOME_GRACE_S, NODE_NAME, NODE_HEARTBEAT_S, NODE_DEAD_AFTER_S.
    // Makes a fresh nodeId.
    static DialerOptions fromSettings(const Settings &settings);
    static QString makeNodeId(const QString &nodeName);
};

class DialerEngine
{
public:
    // events (optional): call.started / call.ended (not placed) / provider.error / campaign.progress.
    DialerEngine(const Storage::Database &db, const Clock &clock, CallPlacer &placer, DialerOptions options = {},
                 EventSink *events = nullptr);

    struct TickStats
    {
        int placed = 0;
        int rescheduled = 0;
        int dnc = 0;
        int campaigns = 0;
    };
    TickStats tick();
    // Reconciles calls in an active status not updated within the bounds of DialerOptions, and
    // at once every call of a dead node (taken over first, so one peer handles each), and settles
    // finished calls whose outcome will not come (retried as technical_failure, reason on the call).
    // Returns how many active calls it looked at.
    int recover();
    // Enrols this node (first call) and renews its heartbeat when due. tick() and recover() call it.
    void keepAlive();
    // Stops new dials of the campaign at once: requests still queued for the carrier are
    // withdrawn and their leads return to the queue without spending an attempt.
    void pauseCampaign(qint64 campaignId);
    int inFlight() const { return int(m_pending.size()); }
    // Publishes campaign.progress for running campaigns (and once more for a campaign that just
    // stopped running) when its numbers changed since the last call. Returns how many it published.
    int publishProgress();
    // A per-call correlation token: 16 random hex characters.
    static QString makeToken();

private:
    void place(const Storage::ClaimedCall &call);
    void onPlaced(const Storage::ClaimedCall &call, Result<PlacedCall> result);
    // The carrier's answer could not be stored (database down): keep the call pending (so
    // recovery never re-dials it) and store the answer on a later tick.
    void deferPlaced(const Storage::ClaimedCall &call, Result<PlacedCall> result);
    void finishWithStatus(qint64 callId, const QString &status, const QString &reason);
    template<typename Event>
    void publish(const Event &event) const
    {
        if (m_events)
            Events::publish(*m_events, event);
    }
    Storage::DialerQueue queue() const;

    const Storage::Database &m_db;
    const Clock &m_clock;
    CallPlacer &m_placer;
    DialerOptions m_options;
    EventSink *m_events = nullptr;
    CallLifecycle m_lifecycle;
    QHash<qint64, Storage::DialerQueue::Progress> m_progress; // last published, per campaign
    struct Pending
    {
        qint64 campaignId = 0;
        quint64 handle = 0;
        bool sent = false;
    };
    QHash<qint64, Pending> m_pending; // callId -> placement awaiting the carrier's answer
    QList<QPair<Storage::ClaimedCall, Result<PlacedCall>>> m_unsaved; // answers waiting for the database
    bool m_enrolled = false;
    qint64 m_lastBeatMs = 0;
};

} // namespace Leadline::Campaigns
