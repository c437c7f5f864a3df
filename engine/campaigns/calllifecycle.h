// CallLifecycle: what happens when the carrier tells us about a call (status webhook, details
// poll, crash recovery): the call row is updated idempotently (duplicates and out-of-order
// events change nothing), and once the call is finished the retry policy decides, once, what
// happens to its lead (next_attempt_at, status). Thread: any; stateless, every call uses the
// calling thread's database connection, so network workers and the dialer share one instance.
#pragma once

#include "core/clock.h"
#include "core/eventsink.h"
#include "core/result.h"
#include "retrypolicy.h"
#include "storage/dialerqueue.h"

#include <QSqlDatabase>
#include <QString>

namespace Leadline::Storage { class Database; }

namespace Leadline::Campaigns {

struct CallStatusReport
{
    QString providerSid;
    qint64 callId = 0;       // from CustomField "call=<id>"; used when the sid is not stored yet
    QString eventType;       // terminal, answered, ringing ("" = terminal)
    QString carrierStatus;   // Exotel Status (or leg status): completed, busy, no-answer, failed, ...
    qint64 answeredAtMs = 0;
    qint64 endedAtMs = 0;
    int durationS = -1;      // talk time (ConversationDuration)
    QString recordingUrl;
    QString failureReason;
};

class CallLifecycle
{
public:
    enum class Applied { Updated, Duplicate, NoChange, UnknownCall };

    // events (optional): call.status for every change the carrier reports, call.ended when final.
    CallLifecycle(const Storage::Database &db, const Clock &clock, EventSink *events = nullptr)
        : m_db(db), m_clock(clock), m_events(events)
    {
    }

    Result<Applied> report(const CallStatusReport &report);
    // Runs the retry policy for a finished call (no-op when done before, or still active).
    // resettle: recompute after the conversation outcome was stored later than the status.
    // force: settle a "completed" call even though no conversation outcome was stored (it was
    // cut off on our side: retried as technical_failure, cutOffReason recorded on the call).
    Result<bool> settle(qint64 callId, bool resettle = false, bool force = false, const QString &cutOffReason = {});
    // The outcome half of settling, for the writer of the conversation outcome: inside the
    // caller's transaction on db, right after the outcome and final status were written.
    // resettle: the call was settled before without an outcome (a late outcome corrects it).
    // delays: the per-result retry delays (RETRY_DELAY_*), as setRetryDelays() gives the dialer's.
    static Result<bool> settleWithin(QSqlDatabase &db, qint64 callId, qint64 nowMs, bool resettle, const RetryDelays &delays = {});

    // Exotel status + event type -> Leadline call status.
    static QString callStatusFor(const QString &carrierStatus, const QString &eventType);
    // The policy, as a pure function over what storage read.
    static Storage::SettleOutput decide(const Storage::SettleInput &in, qint64 nowMs, const RetryDelays &delays = {});
    // Per-result first retry delays (RETRY_DELAY_*); the defaults otherwise. Call before use.
    void setRetryDelays(const RetryDelays &delays) { m_delays = delays; }

private:
    RetryDelays m_delays;
    const Storage::Database &m_db;
    const Clock &m_clock;
    EventSink *m_events;
};

} // namespace Leadline::Campaigns
