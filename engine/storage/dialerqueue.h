// DialerQueue: the SQL of the dialer and of the call lifecycle. Due leads are claimed in one
// transaction per campaign: on PostgreSQL a transaction-scoped advisory lock serialises the
// concurrency count across nodes and the leads are read with FOR UPDATE SKIP LOCKED; on SQLite
// BEGIN IMMEDIATE takes the single writer lock. Active calls are counted from the calls table,
// so per-campaign max_concurrent and the global cap hold across nodes.
// Thread: the caller's; construct with that thread's connection (Database::connection()).
#pragma once

#include "campaignstatus.h"
#include "records.h"
#include "core/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <functional>

namespace Leadline::Storage {

struct DialerCampaign
{
    qint64 id = 0;
    QString name;
    QString status;
    QString windowStart;
    QString windowEnd;
    QString callingDays;
    QString timezone;
    QString holidays;
    int maxConcurrent = 10;
    int maxAttempts = 3;
    int retryDelaySeconds = 1800;
};

struct DueLead
{
    qint64 id = 0;
    QString phoneE164;
    QString timezone;
    int attempts = 0;
    QString name;
};

struct ClaimedCall : DialTarget
{
    QString leadName;
};

struct ClaimResult
{
    QList<ClaimedCall> claimed;
    int rescheduled = 0; // due leads outside their calling window, moved to its next opening
    int dnc = 0;         // due leads found on the DNC list at dial time
    int freeSlots = 0;       // free concurrency before claiming
};

// Everything the retry policy needs about one finished call.
struct SettleInput
{
    qint64 callId = 0;
    qint64 leadId = 0;
    QString phoneE164;
    QString carrierStatus;         // "network_error" when our request never got an answer
    QString outcome;
    qint64 callbackAt = 0;
    int leadAttempts = 0;
    int priorCarrierFailures = 0;  // earlier calls of the lead that ended "failed" at the carrier
    QString handoffStatus;         // the call's hot-lead handoff (handoffs.status), "" when none
    QString leadTimezone;
    DialerCampaign campaign;
};

struct SettleOutput
{
    QString leadStatus;
    QString lastOutcome;
    qint64 nextAttemptAt = 0; // 0: no further call
};

// A row of the events table written in the same transaction as a status change.
struct AuditEvent
{
    QString kind; // empty: no event
    qint64 callId = 0;
    QString payloadJson;
};

class DialerQueue
{
public:
    explicit DialerQueue(QSqlDatabase db) : m_db(std::move(db)) {}

    // A call status that occupies a line (callstatus.h isActive); false for unknown text.
    static bool isActive(const QString &status);

    Result<QList<DialerCampaign>> runningCampaigns();
    Result<DialerCampaign> campaign(qint64 id);
    // One transaction: the campaign moves to `to` if the transition table allows it (Conflict
    // otherwise, NotFound without the campaign) and the event is recorded.
    Status setCampaignStatus(qint64 id, CampaignStatus to, qint64 nowMs, const AuditEvent &event = {});
    // The carrier refused the account: in one transaction the call is released unplaced (see
    // releaseUnplaced, retry at nowMs), its campaign paused and the event recorded.
    Status releaseAndPause(qint64 callId, qint64 campaignId, const QString &reason, qint64 nowMs, const AuditEvent &event);
    Result<int> activeCalls(qint64 campaignId = 0); // 0 = all campaigns
    Result<int> openLeads(qint64 campaignId);       // leads that may still be called (incl. in a call)
    Result<qint64> nextDueAt(qint64 campaignId);    // earliest next_attempt_at of a due lead, 0 if none
    // Leads still to be called or in a call, plus calls in flight; a lead waiting for the
    // callback its caller asked for is not counted (`leadline demo` is done at 0).
    Result<qint64> outstanding(qint64 campaignId);
    // What a console shows of a campaign: lead counts, calls in progress, the next due time.
    struct Progress
    {
        QString status;
        qint64 leadsTotal = 0;
        qint64 leadsPending = 0; // may still be called (due now or later, or in a call)
        qint64 leadsDone = 0;    // nothing more to do for them
        qint64 callsActive = 0;
        qint64 nextDueAt = 0;
        bool operator==(const Progress &o) const
        {
            return status == o.status && leadsTotal == o.leadsTotal && leadsPending == o.leadsPending
                   && leadsDone == o.leadsDone && callsActive == o.callsActive && nextDueAt == o.nextDueAt;
        }
    };
    Result<Progress> progress(qint64 campaignId);

    // The claim transaction. windowGate(lead) returns 0 when the lead may be called now, the
    // epoch ms of its window's next opening otherwise, or -1 when it can never be called.
    using WindowGate = std::function<qint64(const DueLead &)>;
    using TokenMaker = std::function<QString()>;
    // nodeId (may be empty): the claiming node, stored as the calls' owner (calls.node_id).
    Result<ClaimResult> claim(qint64 campaignId, int globalMax, int limit, qint64 nowMs,
                              const WindowGate &windowGate, const TokenMaker &makeToken, const QString &nodeId = {});

    Status markDialing(qint64 callId, qint64 nowMs);
    Status setPlaced(qint64 callId, const QString &providerSid, qint64 nowMs);
    // The call never reached the carrier (rate limit, pause, crash before sending): the call
    // row ends as "not_placed" and the lead returns to the queue without spending an attempt.
    Status releaseUnplaced(qint64 callId, const QString &reason, qint64 retryAtMs, qint64 nowMs);

    // Carrier status (webhook, details poll, recovery). Never moves a finished call back.
    // Returns true when the row changed.
    struct CarrierUpdate
    {
        qint64 callId = 0;
        QString status;        // Leadline call status: in-progress, completed, busy, ...
        qint64 answeredAt = 0;
        qint64 endedAt = 0;
        int durationS = -1;
        int conversationS = -1;
        QString recordingUrl;
        QString failureReason;
    };
    Result<bool> applyCarrierUpdate(const CarrierUpdate &u, qint64 nowMs);
    // Webhook de-duplication: false when (call, eventType) was seen before.
    Result<bool> recordWebhookEvent(qint64 callId, const QString &eventType, qint64 nowMs);

    // Runs decide() once per finished call (guarded by calls.settled_at) and writes the lead,
    // in one transaction. Settling needs both halves of a finished call: a final status and,
    // for a "completed" call, the conversation outcome. Whichever arrives second (the live
    // call engine's outcome, see settleWithin(), or the carrier's terminal status) settles.
    // resettle = true recomputes a settled call while it is still its lead's latest call
    // (a late outcome, or the carrier correcting a recovered "unknown").
    // force: settle a "completed" call without an outcome (the conversation was cut off on our
    // side); cutOffReason is then recorded as the call's failure_reason.
    using Decide = std::function<SettleOutput(const SettleInput &)>;
    Result<bool> settle(qint64 callId, qint64 nowMs, const Decide &decide, bool resettle = false, bool force = false,
                        const QString &cutOffReason = {});
    // The same inside a transaction the caller opened (and commits) on this connection.
    Result<bool> settleWithin(qint64 callId, qint64 nowMs, const Decide &decide, bool resettle = false, bool force = false,
                              const QString &cutOffReason = {});
    // Finished calls whose lead was not yet settled: last updated before beforeMs, or owned by
    // a dead node (see NodeRegistry; deadBeforeMs = 0: only stopped nodes count as dead).
    struct UnsettledCall
    {
        qint64 callId = 0;
        QString deadNode; // the call's owner when that node is dead, else empty
    };
    Result<QList<UnsettledCall>> unsettledCalls(qint64 beforeMs, qint64 deadBeforeMs = 0, int limit = 500);

    // Calls in an active status not updated since beforeMs (crash recovery / lost webhooks),
    // and every active call owned by a dead node, whatever its age (deadBeforeMs as above).
    struct StaleCall
    {
        qint64 callId = 0;
        QString status;
        QString providerSid;
        qint64 updatedAt = 0;
        QString deadNode; // the call's owner when that node is dead, else empty
    };
    Result<QList<StaleCall>> staleCalls(qint64 beforeMs, qint64 deadBeforeMs = 0, int limit = 500);
    Status touchCall(qint64 callId, qint64 nowMs);
    Status addEvent(const QString &kind, qint64 campaignId, qint64 callId, const QString &payloadJson, qint64 nowMs);

private:
    Status begin();
    Status inTransaction(const std::function<Status()> &work);
    Status setCampaignStatusWithin(qint64 id, CampaignStatus to, qint64 nowMs);
    Status releaseUnplacedWithin(qint64 callId, const QString &reason, qint64 retryAtMs, qint64 nowMs);
    QSqlDatabase m_db;
};

} // namespace Leadline::Storage
