#include "retrypolicy.h"

#include "storage/callstatus.h"
#include "storage/leadstatus.h"

#include <algorithm>

namespace Leadline::Campaigns {

using Storage::CallStatus;
using Storage::ConversationOutcome;
using Storage::LeadStatus;
using Storage::parseStatus;
using Storage::statusName;

static bool isAny(const QString &text, std::initializer_list<ConversationOutcome> outcomes)
{
    const std::optional<ConversationOutcome> o = parseStatus<ConversationOutcome>(text);
    return o && std::find(outcomes.begin(), outcomes.end(), *o) != outcomes.end();
}

// The carrier status as ours; Exotel's other spellings (no_answer, cancelled) included.
static std::optional<CallStatus> carrierStatus(const QString &text)
{
    if (text == QLatin1String("no_answer"))
        return CallStatus::NoAnswer;
    if (text == QLatin1String("cancelled"))
        return CallStatus::Canceled;
    return parseStatus<CallStatus>(text);
}

qint64 RetryPolicy::backoffSeconds(int attemptsMade) const
{
    const qint64 base = qMax<qint64>(1, m_config.retryDelayS);
    qint64 delay = base;
    for (int i = 1; i < attemptsMade && delay < m_config.maxDelayS; ++i)
        delay *= 2;
    return qMin(delay, qMax(base, m_config.maxDelayS));
}

static bool isConversationOutcome(const QString &o)
{
    return isAny(o, {ConversationOutcome::Interested, ConversationOutcome::NotInterested, ConversationOutcome::Qualified,
                     ConversationOutcome::Completed, ConversationOutcome::SiteVisit});
}

bool RetryPolicy::isRetryable(const AttemptResult &r)
{
    const QString o = r.outcome.toLower();
    if (isAny(o, {ConversationOutcome::Voicemail, ConversationOutcome::NoResponse, ConversationOutcome::Unreachable,
                  ConversationOutcome::TechnicalFailure})) // technical_failure: a vendor failed mid-call; a call back was promised
        return true;
    if (!o.isEmpty())
        return false;
    const QString s = r.carrierStatus.toLower();
    if (s.isEmpty() || s == QLatin1String("network_error"))
        return true;
    const std::optional<CallStatus> c = carrierStatus(s);
    return c == CallStatus::Busy || c == CallStatus::NoAnswer || c == CallStatus::Failed || c == CallStatus::Canceled
           || c == CallStatus::Unknown;
}

RetryDecision RetryPolicy::decide(const AttemptResult &r, int attemptsMade, const QDateTime &nowUtc,
                                  const CallingWindow &window) const
{
    RetryDecision d;
    const QString outcome = r.outcome.toLower();
    const QString status = r.carrierStatus.toLower();
    d.lastOutcome = outcome.isEmpty() ? status : outcome;

    const std::optional<CallStatus> carrier = carrierStatus(status);
    auto schedule = [&](RetryDecision::Kind kind, LeadStatus leadStatus, const QDateTime &earliest) {
        const QDateTime at = window.nextOpen(earliest);
        if (!at.isValid()) {
            d.kind = RetryDecision::Kind::Done;
            d.leadStatus = statusName(LeadStatus::Unschedulable);
            return d;
        }
        d.kind = kind;
        d.leadStatus = statusName(leadStatus);
        d.at = at;
        return d;
    };

    // Call screening: "number does not exist" and PBX menus do not change on a retry.
    if (isAny(outcome, {ConversationOutcome::DoNotCall, ConversationOutcome::WrongNumber, ConversationOutcome::InvalidNumber,
                        ConversationOutcome::Ivr})) {
        d.leadStatus = outcome; // the lead status of the same name
        return d;
    }
    if (r.handoffNotAnswered) {
        if (attemptsMade >= m_config.maxAttempts + kExtraCallbackAttempts) {
            d.leadStatus = statusName(LeadStatus::Exhausted);
            return d;
        }
        return schedule(RetryDecision::Kind::Callback, LeadStatus::Callback, nowUtc.addSecs(backoffSeconds(1)));
    }
    if (isAny(outcome, {ConversationOutcome::Callback})) {
        if (attemptsMade >= m_config.maxAttempts + kExtraCallbackAttempts) {
            d.leadStatus = statusName(LeadStatus::Exhausted);
            return d;
        }
        const QDateTime wanted = r.callbackAt.isValid() && r.callbackAt > nowUtc ? r.callbackAt.toUTC() : nowUtc;
        return schedule(RetryDecision::Kind::Callback, LeadStatus::Callback, wanted);
    }
    if (isConversationOutcome(outcome)) {
        d.leadStatus = statusName(LeadStatus::Completed);
        return d;
    }
    if (outcome.isEmpty() && carrier == CallStatus::Completed) {
        // Answered, and no conversation outcome was ever stored: we lost the conversation (our
        // crash, a restart, a vendor outage). The lead did nothing wrong: call again.
        AttemptResult cut = r;
        cut.outcome = statusName(ConversationOutcome::TechnicalFailure);
        return decide(cut, attemptsMade, nowUtc, window);
    }
    if (!isRetryable(r)) {
        // An outcome we do not know: the conversation happened, do not call again.
        d.leadStatus = statusName(LeadStatus::Completed);
        return d;
    }
    if (outcome.isEmpty() && status == statusName(CallStatus::Failed) && r.priorCarrierFailures >= 1) {
        d.leadStatus = statusName(LeadStatus::Unreachable);
        return d;
    }
    if (attemptsMade >= m_config.maxAttempts) {
        // Switched off / not reachable / busy to the last attempt: the lead is unreachable.
        d.leadStatus = statusName(isAny(outcome, {ConversationOutcome::Unreachable}) ? LeadStatus::Unreachable : LeadStatus::Exhausted);
        return d;
    }
    // A carrier result with a delay of its own (no-answer, busy) doubles from that one.
    qint64 first = 0;
    if (outcome.isEmpty() && carrier == CallStatus::NoAnswer)
        first = m_config.byResult.noAnswerS;
    else if (outcome.isEmpty() && carrier == CallStatus::Busy)
        first = m_config.byResult.busyS;
    const qint64 delay = first > 0 ? RetryPolicy(RetryConfig{m_config.maxAttempts, first, qMax(first, m_config.maxDelayS), {}})
                                         .backoffSeconds(attemptsMade)
                                   : backoffSeconds(attemptsMade);
    return schedule(RetryDecision::Kind::Retry, LeadStatus::Retry, nowUtc.addSecs(delay));
}

} // namespace Leadline::Campaigns
