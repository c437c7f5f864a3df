// RetryPolicy: what happens to a lead after one call attempt ended. Pure: the carrier status
// (Exotel terminal Status), the conversation outcome and the attempt count in, a decision out.
//   busy / no-answer / failed / canceled / unknown / network error -> retry after
//       retry_delay * 2^(attempts-1) (capped at maxDelay), moved into the calling window,
//       until max_attempts attempts were made; then the lead is "exhausted". no-answer and
//       busy start from their own delay when set (RetryDelays: no-answer 2 h by default).
//   completed with a conversation outcome (interested, not_interested, ...) -> never again.
//   completed without any outcome -> the conversation was cut off on our side (crash, restart,
//       vendor outage): retried like technical_failure (last_outcome "technical_failure").
//   voicemail / no_response -> retried like no-answer (they count as an attempt).
//   failed at the carrier twice (not our network errors) -> "unreachable" (reference 3.5: an
//       invalid number or a DND block; retrying does not help).
//   do_not_call / wrong_number -> never again, whatever the attempt count.
//   call screening (engine/screening): invalid_number (announcement "does not exist") and ivr
//       (a PBX menu answered) -> never again, lead status = the outcome; unreachable
//       (announcement: switched off, not reachable, busy, barred) -> retried like no-answer,
//       and "unreachable" instead of "exhausted" when the attempts run out.
//   callback (with a time) -> at that time (or now, if it is past) moved inside the window;
//       honoured up to max_attempts + kExtraCallbackAttempts attempts in total.
//   hot-lead handoff the agent did not answer -> a callback after retry_delay, moved inside the
//       window, with the same attempt limit as a callback (the lead still wants a person).
// Thread: pure functions.
#pragma once

#include "callingwindow.h"

#include <QDateTime>
#include <QString>

namespace Leadline::Campaigns {

struct AttemptResult
{
    QString carrierStatus; // completed, busy, no-answer, failed, canceled, unknown, network_error
    QString outcome;       // conversation outcome, may be empty
    QDateTime callbackAt;  // for outcome "callback"
    int priorCarrierFailures = 0; // earlier attempts of this lead that ended "failed" at the carrier
    bool handoffNotAnswered = false; // hot-lead handoff: the sales agent did not pick up
};

// The first retry delay per carrier result (later retries double it, like retryDelayS). A
// line that rang out is tried again later than a busy one: a busy lead is on the phone and
// free soon, one who did not answer is away. 0 = the campaign's retry_delay_s.
struct RetryDelays
{
    qint64 noAnswerS = 2 * 3600; // RETRY_DELAY_NO_ANSWER_S
    qint64 busyS = 0;            // RETRY_DELAY_BUSY_S
};

struct RetryConfig
{
    RetryConfig() = default;
    RetryConfig(int attempts, qint64 delayS, qint64 capS, RetryDelays delays = {})
        : maxAttempts(attempts), retryDelayS(delayS), maxDelayS(capS), byResult(delays)
    {
    }
    int maxAttempts = 3;
    qint64 retryDelayS = 1800;
    qint64 maxDelayS = 24 * 3600;
    RetryDelays byResult;
};

struct RetryDecision
{
    enum class Kind { Retry, Callback, Done };
    Kind kind = Kind::Done;
    QString leadStatus;  // retry, callback, completed, exhausted, unreachable, do_not_call, wrong_number, unschedulable,
                         // invalid_number, ivr
    QString lastOutcome; // what lead.last_outcome becomes
    QDateTime at;        // next attempt (UTC) for Retry/Callback

    bool schedulesAnotherCall() const { return kind != Kind::Done; }
};

class RetryPolicy
{
public:
    static constexpr int kExtraCallbackAttempts = 2;

    explicit RetryPolicy(RetryConfig config = {}) : m_config(config) {}

    // attemptsMade: attempts including the one that just ended.
    RetryDecision decide(const AttemptResult &result, int attemptsMade, const QDateTime &nowUtc,
                         const CallingWindow &window) const;
    // The delay before attempt attemptsMade + 1: retryDelay * 2^(attemptsMade-1), capped.
    qint64 backoffSeconds(int attemptsMade) const;
    // true for carrier statuses/outcomes that are worth another try.
    static bool isRetryable(const AttemptResult &result);

    const RetryConfig &config() const { return m_config; }

private:
    RetryConfig m_config;
};

} // namespace Leadline::Campaigns
